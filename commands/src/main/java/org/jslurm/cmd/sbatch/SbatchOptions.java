package org.jslurm.cmd.sbatch;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jslurm.cmd.CommandFailed;
import org.jslurm.cmd.opt.Signals;
import org.jslurm.model.JobSpec;

/**
 * The values of sbatch's options after the three sources have been applied in Slurm's order:
 * {@code #SBATCH} directives, then SBATCH_* environment variables, then the command line, each
 * overriding the previous. Every value is checked as it is applied, with sbatch's messages and
 * exit codes, so a bad value fails wherever it comes from.
 *
 * <p>Acted on (they map to {@link JobSpec} fields or change what sbatch does): account, chdir,
 * clusters (only for the "on cluster" output), comment, constraint, cpus-per-task, error,
 * exclude, exclusive (plain form), export, export-file, get-user-env, hold, input, job-name,
 * mem, mem-per-cpu, nice, no-requeue/requeue, nodefile, nodelist, nodes, ntasks,
 * ntasks-per-node (alias tasks-per-node), open-mode, output, oversubscribe (clears exclusive),
 * parsable, partition, quiet, time, verbose, wait, wrap.
 *
 * <p>Checked but otherwise ignored for now (no JobSpec field yet): begin, deadline (date
 * syntax), kill-on-invalid-dep, mem-per-gpu, mincpus, no-kill, signal, time-min, tmp.
 *
 * <p>Refused, because ignoring them would do something the user did not ask for: test-only
 * (would really submit), uid/gid (the job would run as the caller).
 *
 * <p>Accepted and ignored: acctg-freq, array (a job array is submitted as one job),
 * batch, bb, bbf, cluster-constraint, container, context, contiguous, core-spec,
 * cores-per-socket, cpu-freq, cpus-per-gpu, delay-boot, dependency (the job does not wait),
 * distribution, extra-node-info, gpu-bind, gpu-freq, gpus, gpus-per-node, gpus-per-socket,
 * gpus-per-task, gres, gres-flags, hint, ignore-pbs, licenses, mail-type, mail-user,
 * mcs-label, mem-bind, network, ntasks-per-core, ntasks-per-gpu, ntasks-per-socket,
 * ntasks-per-tres, overcommit, power, prefer, priority, profile, propagate, qos, reboot,
 * reservation, sockets-per-node, spread-job, switches, thread-spec, threads-per-core,
 * use-min-nodes, wait-all-nodes, wckey.
 */
final class SbatchOptions {

    /** Where a value came from. Slurm treats directives like the command line in its checks. */
    enum Source { SCRIPT, ENV, CLI }

    /** Exit code of sbatch for a bad option value ({@code exit(-1)} in Slurm). */
    static final int BAD_VALUE = 255;

    private static final int UNSET = JobSpec.UNSET;

    private final LocalProcess process;

    String jobName;
    String partition;
    String account;
    String comment;
    String chdir;
    String output;
    String error;
    String input;
    String export;
    String exportFile;
    String wrap;
    String nodelist;
    String nodefile;
    String exclude;
    String constraint;
    String clusters;
    String openMode;
    int minNodes = UNSET;
    int maxNodes = UNSET;
    int ntasks = UNSET;
    int cpusPerTask = UNSET;
    int ntasksPerNode = UNSET;
    long memMb = UNSET;
    long memPerCpuMb = UNSET;
    long memPerGpuMb = UNSET;
    Source memSource;
    Source memPerCpuSource;
    Source memPerGpuSource;
    long timeLimitMin = UNSET;
    boolean hold;
    boolean parsable;
    boolean wait;
    boolean quiet;
    boolean getUserEnv;
    boolean testOnly;
    int verbose;
    Boolean exclusive;
    Boolean requeue;
    Integer nice;

    SbatchOptions(LocalProcess process) { this.process = process; }

    /** Applies one option (help, usage and version are the caller's business and ignored here). */
    void apply(SbatchOption o, String arg, Source src) {
        switch (o) {
            case ACCOUNT -> account = arg;
            case BEGIN, DEADLINE -> checkDateTime(o, arg);
            case CHDIR -> chdir = arg;
            case CLUSTERS -> clusters = arg;
            case COMMENT -> comment = arg;
            case CONSTRAINT -> constraint = arg;
            case CPUS_PER_TASK -> cpusPerTask = positive(o, arg);
            case ERROR -> error = devNullIfNone(arg);
            case EXCLUDE -> exclude = arg;
            case EXCLUSIVE -> exclusive(arg);
            case EXPORT -> export = arg;
            case EXPORT_FILE -> exportFile = arg;
            case GET_USER_ENV -> getUserEnv = true;
            case UID, GID -> identity(o);
            case HOLD -> hold = true;
            case INPUT -> input = devNullIfNone(arg);
            case JOB_NAME -> jobName = arg;
            case KILL_ON_INVALID_DEP -> {
                if (!arg.equalsIgnoreCase("yes") && !arg.equalsIgnoreCase("no")) throw invalid(o);
            }
            case MEM -> { memMb = megabytes(o, arg); memSource = src; }
            case MEM_PER_CPU -> { memPerCpuMb = megabytes(o, arg); memPerCpuSource = src; }
            case MEM_PER_GPU -> { memPerGpuMb = megabytes(o, arg); memPerGpuSource = src; }
            case TMP -> megabytes(o, arg);
            case MINCPUS -> positive(o, arg);
            case NICE -> nice = arg == null ? 100 : OptionValues.atoi(arg);
            case NO_KILL -> {
                if (arg != null && !arg.equalsIgnoreCase("off")) throw invalid(o);
            }
            case NO_REQUEUE -> requeue = false;
            case REQUEUE -> requeue = true;
            case NODEFILE -> nodefile = arg;
            case NODELIST -> nodelist = arg;
            case NODES -> nodes(arg);
            case NTASKS -> ntasks = positive(o, arg);
            case NTASKS_PER_NODE -> ntasksPerNode = positive(o, arg);
            case OPEN_MODE -> openMode(arg);
            case OUTPUT -> output = devNullIfNone(arg);
            case OVERSUBSCRIBE -> exclusive = false;
            case PARSABLE -> parsable = true;
            case PARTITION -> partition = arg;
            case QUIET -> quiet = true;
            case SIGNAL -> checkSignal(arg);
            case TEST_ONLY -> testOnly = true;
            case TIME -> timeLimitMin = minutes(o, arg);
            case TIME_MIN -> minutes(o, arg);
            case VERBOSE -> verbose++;
            case WAIT -> wait = true;
            case WRAP -> wrap = arg;
            default -> { /* accepted, not acted on yet: see the class comment */ }
        }
    }

    /**
     * Applies an SBATCH_* variable. For options without a value the variable enables the option
     * when empty, "yes" or a non-zero number, and is otherwise ignored (man sbatch).
     */
    void applyEnv(SbatchOption o, String value) {
        if (o == SbatchOption.VERBOSE) { // SBATCH_DEBUG: 0 or 1
            if (OptionValues.atoi(value) != 0) verbose = Math.max(verbose, 1);
            return;
        }
        switch (o.mode()) {
            case NONE -> {
                if (value.isEmpty() || value.equalsIgnoreCase("yes") || OptionValues.atoi(value) != 0) {
                    apply(o, null, Source.ENV);
                }
            }
            case OPTIONAL -> apply(o, value.isEmpty() ? null : value, Source.ENV);
            case REQUIRED -> apply(o, value, Source.ENV);
        }
    }

    /**
     * Checks made once every source is in: at most one of --mem, --mem-per-cpu, --mem-per-gpu
     * from the command line and directives (the one given there overrides the environment's),
     * at most one from the environment; not both --quiet and --verbose.
     */
    void verify() {
        int cli = count(memSource != null && memSource != Source.ENV, memPerCpuSource != null && memPerCpuSource != Source.ENV,
                memPerGpuSource != null && memPerGpuSource != Source.ENV);
        if (cli > 1) {
            throw new CommandFailed("sbatch: fatal: --mem, --mem-per-cpu, and --mem-per-gpu are mutually exclusive.", 1);
        } else if (cli == 1) {
            if (memSource == Source.ENV) { memMb = UNSET; memSource = null; }
            if (memPerCpuSource == Source.ENV) { memPerCpuMb = UNSET; memPerCpuSource = null; }
            if (memPerGpuSource == Source.ENV) { memPerGpuMb = UNSET; memPerGpuSource = null; }
        } else if (count(memSource != null, memPerCpuSource != null, memPerGpuSource != null) > 1) {
            throw new CommandFailed("sbatch: fatal: SLURM_MEM_PER_CPU, SLURM_MEM_PER_GPU, and SLURM_MEM_PER_NODE"
                    + " are mutually exclusive.", 1);
        }
        if (quiet && verbose > 0) throw error("don't specify both --verbose (-v) and --quiet (-Q)", 1);
    }

    private static int count(boolean... b) {
        int n = 0;
        for (boolean x : b) if (x) n++;
        return n;
    }

    // ---------------------------------------------------------------- value checks

    private static String devNullIfNone(String arg) { return arg.equalsIgnoreCase("none") ? "/dev/null" : arg; }

    private int positive(SbatchOption o, String arg) {
        OptionalInt v = OptionValues.positiveInt(arg);
        if (v.isEmpty()) throw error("Invalid numeric value \"" + arg + "\" for --" + o.longName() + ".", 1);
        return v.getAsInt();
    }

    private long megabytes(SbatchOption o, String arg) {
        OptionalLong v = OptionValues.megabytes(arg);
        if (v.isEmpty()) throw invalid(o);
        return v.getAsLong();
    }

    private long minutes(SbatchOption o, String arg) {
        OptionalLong v = TimeFormats.parseMinutes(arg);
        if (v.isEmpty()) throw invalid(o);
        return v.getAsLong();
    }

    private void nodes(String arg) {
        try {
            OptionValues.NodeRange r = OptionValues.nodes(arg);
            minNodes = r.min();
            maxNodes = r.max() == 0 && r.min() > 0 ? UNSET : r.max();
        } catch (OptionValues.ValueException e) {
            throw error(e.getMessage(), BAD_VALUE);
        }
    }

    private void exclusive(String arg) {
        if (arg == null) {
            exclusive = true;
        } else if (arg.equalsIgnoreCase("user") || arg.equalsIgnoreCase("mcs")) {
            exclusive = false; // sharing among the user's (or MCS label's) jobs: not modelled yet
        } else {
            throw invalid(SbatchOption.EXCLUSIVE);
        }
    }

    private void openMode(String arg) {
        char c = arg.isEmpty() ? ' ' : Character.toLowerCase(arg.charAt(0));
        if (c == 'a') openMode = "append";
        else if (c == 't') openMode = "truncate";
        else throw invalid(SbatchOption.OPEN_MODE);
    }

    private void identity(SbatchOption o) {
        if (!process.isRoot()) throw error("--" + o.longName() + " only permitted by root user", BAD_VALUE);
        throw error("--" + o.longName() + " is not supported by jslurm yet", 1);
    }

    private static void checkDateTime(SbatchOption o, String arg) {
        if (arg.isEmpty()) throw invalid(o);
        int pos = TimeFormats.checkDateTime(arg);
        if (pos >= 0) {
            throw new CommandFailed("Invalid time specification (pos=" + pos + "): " + arg
                    + "\nsbatch: error: Invalid --" + o.longName() + " specification", BAD_VALUE);
        }
    }

    /** {@code [{R|B}...:]sig[@seconds]} */
    private static void checkSignal(String arg) {
        String spec = arg;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            String flags = spec.substring(0, colon).toUpperCase(Locale.ROOT);
            if (flags.isEmpty() || !flags.chars().allMatch(c -> c == 'R' || c == 'B')) throw invalid(SbatchOption.SIGNAL);
            spec = spec.substring(colon + 1);
        }
        int at = spec.indexOf('@');
        String sig = at < 0 ? spec : spec.substring(0, at);
        if (Signals.parse(sig).isEmpty()) throw invalid(SbatchOption.SIGNAL);
        if (at >= 0) {
            String secs = spec.substring(at + 1).strip();
            if (!secs.isEmpty() && (!secs.chars().allMatch(Character::isDigit) || secs.length() > 9)) {
                throw invalid(SbatchOption.SIGNAL);
            }
        }
    }

    static CommandFailed invalid(SbatchOption o) {
        return error("Invalid --" + o.longName() + " specification", BAD_VALUE);
    }

    static CommandFailed error(String message, int exitCode) {
        return new CommandFailed("sbatch: error: " + message, exitCode);
    }
}
