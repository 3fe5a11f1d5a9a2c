package org.jslurm.cmd.sdiag;

import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;
import org.jslurm.cmd.args.Args;
import org.jslurm.cmd.args.ArgsException;
import org.jslurm.cmd.fmt.Cli;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.StatsQuery;
import org.jslurm.wire.proto.StatsReply;

/** sdiag: the controller's scheduling and RPC statistics; {@code -r} resets them (root only). */
public final class Sdiag implements Command {
    static final Args ARGS = Args.of("sdiag")
            .flag('a', "all")
            .flag('h', "help")
            .req('M', "cluster", "clusters")
            .flag('i', "sort-by-id")
            .flag('r', "reset")
            .flag('t', "sort-by-time")
            .flag('T', "sort-by-time2")
            .flag((char) 0, "usage")
            .flag('V', "version");

    static final String USAGE = "Usage: sdiag [-M cluster] [-aritT]";

    static final String HELP = """
            Usage: sdiag [OPTIONS]
              -a, --all           all statistics (the default)
              -r, --reset         reset the statistics (root only)
              -M, --cluster       the cluster to ask
              -i, --sort-by-id    RPCs ordered by message type
              -t, --sort-by-time  RPCs ordered by total time
              -T, --sort-by-time2 RPCs ordered by average time
              -V, --version       print the version
                  --help          this text
                  --usage         short usage""";

    /** Exit code Slurm's sdiag uses when the controller refuses or cannot be reached. */
    static final int FAILED = 255;

    @Override
    public int run(String[] args, CommandEnv env) {
        Args.Result r;
        try {
            r = ARGS.parse(args);
        } catch (ArgsException e) {
            return Cli.badArgs(env, "sdiag", e);
        }
        if (r.has("version")) return Cli.version(env);
        if (r.has("help")) {
            env.out().println(HELP);
            return 0;
        }
        if (r.has("usage")) {
            env.out().println(USAGE);
            return 0;
        }
        return Cli.guard(env, () -> {
            if (r.has("reset")) {
                Cli.call(env, Request.newBuilder().setStats(StatsQuery.newBuilder().setReset(true)),
                        "slurm_reset_statistics", FAILED);
                env.out().println("Reset scheduling statistics");
                return 0;
            }
            StatsReply s = Cli.call(env, Request.newBuilder().setStats(StatsQuery.newBuilder()),
                    "slurm_get_statistics", FAILED).getStats();
            SdiagFormat.Sort sort = r.has("sort-by-id") ? SdiagFormat.Sort.ID
                    : r.has("sort-by-time") ? SdiagFormat.Sort.TIME
                    : r.has("sort-by-time2") ? SdiagFormat.Sort.AVERAGE : SdiagFormat.Sort.COUNT;
            env.out().print(SdiagFormat.render(s, env.zone(), sort, clockLatencyUs()));
            return 0;
        });
    }

    /** Microseconds taken by 1000 reads of the wall clock, as sdiag reports for gettimeofday(). */
    static long clockLatencyUs() {
        long start = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < 1000; i++) sink += System.currentTimeMillis();
        long us = (System.nanoTime() - start) / 1000;
        return sink == 42 ? us + 1 : us;
    }
}
