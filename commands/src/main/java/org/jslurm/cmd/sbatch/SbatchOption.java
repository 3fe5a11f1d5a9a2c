package org.jslurm.cmd.sbatch;

import static org.jslurm.cmd.opt.GetoptLong.ArgMode.NONE;
import static org.jslurm.cmd.opt.GetoptLong.ArgMode.OPTIONAL;
import static org.jslurm.cmd.opt.GetoptLong.ArgMode.REQUIRED;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jslurm.cmd.opt.GetoptLong;
import org.jslurm.cmd.opt.GetoptLong.ArgMode;
import org.jslurm.cmd.opt.GetoptLong.Ordering;

/**
 * Every option sbatch 22.05 accepts, so that no script or client ever meets "unrecognized option"
 * for a documented one. {@link #TABLE} lists the long names in Slurm's own order: getopt prints
 * them in that order when an abbreviation is ambiguous ({@code --par} gives
 * {@code '--parsable' '--partition'}).
 *
 * <p>Which ones jslurm acts on is decided in {@link SbatchOptions}; the rest are accepted and
 * ignored there.
 */
public enum SbatchOption {
    ACCOUNT('A', REQUIRED), ACCTG_FREQ(REQUIRED), ARRAY('a', REQUIRED), BATCH(REQUIRED), BEGIN('b', REQUIRED),
    BB(REQUIRED), BBF(REQUIRED), CLUSTER_CONSTRAINT(REQUIRED), CHDIR('D', REQUIRED), CLUSTERS('M', REQUIRED),
    COMMENT(REQUIRED), CONTAINER(REQUIRED), CONTEXT(REQUIRED), CONTIGUOUS(NONE), CONSTRAINT('C', REQUIRED),
    CORE_SPEC('S', REQUIRED), CORES_PER_SOCKET(REQUIRED), CPU_FREQ(REQUIRED), CPUS_PER_GPU(REQUIRED),
    CPUS_PER_TASK('c', REQUIRED), DEADLINE(REQUIRED), DELAY_BOOT(REQUIRED), DEPENDENCY('d', REQUIRED),
    DISTRIBUTION('m', REQUIRED), ERROR('e', REQUIRED), EXCLUDE('x', REQUIRED), EXCLUSIVE(OPTIONAL),
    EXPORT(REQUIRED), EXPORT_FILE(REQUIRED), EXTRA_NODE_INFO('B', REQUIRED), GET_USER_ENV(OPTIONAL),
    GID(REQUIRED), GPU_BIND(REQUIRED), GPU_FREQ(REQUIRED), GPUS('G', REQUIRED), GPUS_PER_NODE(REQUIRED),
    GPUS_PER_SOCKET(REQUIRED), GPUS_PER_TASK(REQUIRED), GRES(REQUIRED), GRES_FLAGS(REQUIRED), HELP('h', NONE),
    HINT(REQUIRED), HOLD('H', NONE), IGNORE_PBS(NONE), INPUT('i', REQUIRED), JOB_NAME('J', REQUIRED),
    KILL_ON_INVALID_DEP(REQUIRED), LICENSES('L', REQUIRED), MAIL_TYPE(REQUIRED), MAIL_USER(REQUIRED),
    MCS_LABEL(REQUIRED), MEM(REQUIRED), MEM_BIND(REQUIRED), MEM_PER_CPU(REQUIRED), MEM_PER_GPU(REQUIRED),
    MINCPUS(REQUIRED), NETWORK(REQUIRED), NICE(OPTIONAL), NO_KILL('k', OPTIONAL), NO_REQUEUE(NONE),
    NODEFILE('F', REQUIRED), NODELIST('w', REQUIRED), NODES('N', REQUIRED), NTASKS('n', REQUIRED),
    NTASKS_PER_CORE(REQUIRED), NTASKS_PER_GPU(REQUIRED), NTASKS_PER_NODE(REQUIRED), NTASKS_PER_SOCKET(REQUIRED),
    NTASKS_PER_TRES(REQUIRED), OPEN_MODE(REQUIRED), OUTPUT('o', REQUIRED), OVERCOMMIT('O', NONE),
    OVERSUBSCRIBE('s', NONE), PARSABLE(NONE), PARTITION('p', REQUIRED), POWER(REQUIRED), PREFER(REQUIRED),
    PRIORITY(REQUIRED), PROFILE(REQUIRED), PROPAGATE(OPTIONAL), QOS('q', REQUIRED), QUIET('Q', NONE),
    REBOOT(NONE), REQUEUE(NONE), RESERVATION(REQUIRED), SIGNAL(REQUIRED), SOCKETS_PER_NODE(REQUIRED),
    SPREAD_JOB(NONE), SWITCHES(REQUIRED), TEST_ONLY(NONE), THREAD_SPEC(REQUIRED), THREADS_PER_CORE(REQUIRED),
    TIME('t', REQUIRED), TIME_MIN(REQUIRED), TMP(REQUIRED), UID(REQUIRED), USE_MIN_NODES(NONE),
    VERBOSE('v', NONE), VERSION('V', NONE), USAGE(NONE), WAIT('W', NONE), WAIT_ALL_NODES(REQUIRED),
    WCKEY(REQUIRED), WRAP(REQUIRED);

    private final char shortName;
    private final ArgMode mode;

    SbatchOption(ArgMode mode) { this((char) 0, mode); }

    SbatchOption(char shortName, ArgMode mode) {
        this.shortName = shortName;
        this.mode = mode;
    }

    public ArgMode mode() { return mode; }

    /** The option's canonical long name ({@code job-name}). */
    public String longName() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    /**
     * sbatch's option table. Parsing stops at the first operand (Slurm's optstring starts with
     * {@code +}): everything after the script name belongs to the script. {@code --cluster} and
     * {@code --tasks-per-node} are aliases that Slurm lists where it defines them.
     */
    public static final GetoptLong<SbatchOption> TABLE = buildTable();

    private static GetoptLong<SbatchOption> buildTable() {
        GetoptLong.Builder<SbatchOption> b = GetoptLong.<SbatchOption>builder().ordering(Ordering.REQUIRE_ORDER);
        for (SbatchOption o : values()) {
            if (o.shortName != 0) b.shortOpt(o.shortName, o.mode, o);
            if (o == CLUSTERS) b.longOpt("cluster", REQUIRED, CLUSTERS);
            if (o == TEST_ONLY) b.longOpt("tasks-per-node", REQUIRED, NTASKS_PER_NODE);
            b.longOpt(o.longName(), o.mode, o);
        }
        return b.build();
    }

    /**
     * The input environment variables sbatch 22.05 reads (man sbatch, INPUT ENVIRONMENT
     * VARIABLES), in the order applied: they override {@code #SBATCH} directives and are
     * overridden by the command line. A later entry for the same option wins.
     */
    public static final Map<String, SbatchOption> ENVIRONMENT = environment();

    private static Map<String, SbatchOption> environment() {
        Map<String, SbatchOption> m = new LinkedHashMap<>();
        m.put("SBATCH_ACCOUNT", ACCOUNT);
        m.put("SBATCH_ACCTG_FREQ", ACCTG_FREQ);
        m.put("SBATCH_ARRAY_INX", ARRAY);
        m.put("SBATCH_BATCH", BATCH);
        m.put("SLURM_CLUSTERS", CLUSTERS);
        m.put("SBATCH_CLUSTERS", CLUSTERS);
        m.put("SBATCH_CONSTRAINT", CONSTRAINT);
        m.put("SBATCH_CONTAINER", CONTAINER);
        m.put("SBATCH_CORE_SPEC", CORE_SPEC);
        m.put("SBATCH_CPUS_PER_GPU", CPUS_PER_GPU);
        m.put("SBATCH_DEBUG", VERBOSE);
        m.put("SBATCH_DELAY_BOOT", DELAY_BOOT);
        m.put("SBATCH_DISTRIBUTION", DISTRIBUTION);
        m.put("SBATCH_ERROR", ERROR);
        m.put("SBATCH_EXCLUSIVE", EXCLUSIVE);
        m.put("SBATCH_EXPORT", EXPORT);
        m.put("SBATCH_GET_USER_ENV", GET_USER_ENV);
        m.put("SBATCH_GPU_BIND", GPU_BIND);
        m.put("SBATCH_GPU_FREQ", GPU_FREQ);
        m.put("SBATCH_GPUS", GPUS);
        m.put("SBATCH_GPUS_PER_NODE", GPUS_PER_NODE);
        m.put("SBATCH_GPUS_PER_TASK", GPUS_PER_TASK);
        m.put("SBATCH_GRES", GRES);
        m.put("SBATCH_GRES_FLAGS", GRES_FLAGS);
        m.put("SLURM_HINT", HINT);
        m.put("SBATCH_HINT", HINT);
        m.put("SBATCH_IGNORE_PBS", IGNORE_PBS);
        m.put("SBATCH_INPUT", INPUT);
        m.put("SBATCH_JOB_NAME", JOB_NAME);
        m.put("SBATCH_MEM_BIND", MEM_BIND);
        m.put("SBATCH_MEM_PER_CPU", MEM_PER_CPU);
        m.put("SBATCH_MEM_PER_GPU", MEM_PER_GPU);
        m.put("SBATCH_MEM_PER_NODE", MEM);
        m.put("SBATCH_NETWORK", NETWORK);
        m.put("SBATCH_NO_KILL", NO_KILL);
        m.put("SBATCH_NO_REQUEUE", NO_REQUEUE);
        m.put("SBATCH_OPEN_MODE", OPEN_MODE);
        m.put("SBATCH_OUTPUT", OUTPUT);
        m.put("SBATCH_OVERCOMMIT", OVERCOMMIT);
        m.put("SBATCH_PARTITION", PARTITION);
        m.put("SBATCH_POWER", POWER);
        m.put("SBATCH_PROFILE", PROFILE);
        m.put("SBATCH_QOS", QOS);
        m.put("SBATCH_REQ_SWITCH", SWITCHES);
        m.put("SBATCH_REQUEUE", REQUEUE);
        m.put("SBATCH_RESERVATION", RESERVATION);
        m.put("SBATCH_SIGNAL", SIGNAL);
        m.put("SBATCH_SPREAD_JOB", SPREAD_JOB);
        m.put("SBATCH_THREAD_SPEC", THREAD_SPEC);
        m.put("SBATCH_THREADS_PER_CORE", THREADS_PER_CORE);
        m.put("SBATCH_TIMELIMIT", TIME);
        m.put("SBATCH_USE_MIN_NODES", USE_MIN_NODES);
        m.put("SBATCH_WAIT", WAIT);
        m.put("SBATCH_WAIT_ALL_NODES", WAIT_ALL_NODES);
        m.put("SBATCH_WCKEY", WCKEY);
        return java.util.Collections.unmodifiableMap(m);
    }
}
