package org.jslurm.cmd.scancel;

import static org.jslurm.cmd.opt.GetoptLong.ArgMode.NONE;
import static org.jslurm.cmd.opt.GetoptLong.ArgMode.REQUIRED;

import java.util.Locale;
import org.jslurm.cmd.opt.GetoptLong;
import org.jslurm.cmd.opt.GetoptLong.ArgMode;

/**
 * scancel 22.05's options, in Slurm's table order (getopt lists ambiguous abbreviations in that
 * order). Options and operands may be mixed: {@code scancel 12 --signal USR1} works.
 */
enum ScancelOption {
    ACCOUNT('A', REQUIRED), BATCH('b', NONE), CTLD(NONE), FULL('f', NONE), HELP(NONE), HURRY('H', NONE),
    INTERACTIVE('i', NONE), CLUSTERS('M', REQUIRED), NAME('n', REQUIRED), ME(NONE), NODELIST('w', REQUIRED),
    PARTITION('p', REQUIRED), QOS('q', REQUIRED), QUIET('Q', NONE), RESERVATION('R', REQUIRED), SIBLING(REQUIRED),
    SIGNAL('s', REQUIRED), STATE('t', REQUIRED), USAGE(NONE), USER('u', REQUIRED), VERBOSE('v', NONE),
    VERSION('V', NONE), WCKEY(REQUIRED);

    private final char shortName;
    private final ArgMode mode;

    ScancelOption(ArgMode mode) { this((char) 0, mode); }

    ScancelOption(char shortName, ArgMode mode) {
        this.shortName = shortName;
        this.mode = mode;
    }

    String longName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** {@code --cluster} and {@code --jobname} are aliases, placed where Slurm defines them. */
    static final GetoptLong<ScancelOption> TABLE = buildTable();

    private static GetoptLong<ScancelOption> buildTable() {
        GetoptLong.Builder<ScancelOption> b = GetoptLong.builder();
        for (ScancelOption o : values()) {
            if (o.shortName != 0) b.shortOpt(o.shortName, o.mode, o);
            if (o == CLUSTERS) b.longOpt("cluster", REQUIRED, CLUSTERS);
            if (o == NAME) {
                b.longOpt("jobname", REQUIRED, NAME);
                continue; // --name comes after --me
            }
            if (o == ME) {
                b.longOpt("me", NONE, ME);
                b.longOpt("name", REQUIRED, NAME);
                continue;
            }
            b.longOpt(o.longName(), o.mode, o);
        }
        return b.build();
    }
}
