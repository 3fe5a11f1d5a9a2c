package org.jslurm.model;

import java.util.List;

/**
 * What a user asked for when submitting a job: the request as sbatch sends it, after option
 * parsing and before the controller resolves defaults. Immutable; build with {@link #builder()}.
 *
 * <p>Numbers use {@link #UNSET} for "not given" so the controller can apply partition defaults.
 * Time limits are in minutes with {@code SlurmTime.INFINITE} (-1) and {@code SlurmTime.INVALID} (-2).
 *
 * @param uid        submitting user, filled in by the controller from the verified credential
 * @param gid        primary group of the submitter, filled in likewise
 * @param env        the job's environment as {@code NAME=value} strings (after {@code --export})
 * @param script     batch script text (copied at submission, so the file may be deleted)
 * @param command    path of the submitted script file as given, for scontrol's Command=
 * @param argv       arguments given after the script name, passed to the script
 */
public record JobSpec(
        String name,
        String partition,
        int uid,
        int gid,
        String userName,
        String account,
        String comment,
        int minNodes,
        int maxNodes,
        int numTasks,
        int cpusPerTask,
        int ntasksPerNode,
        long memPerNodeMb,
        long memPerCpuMb,
        long timeLimitMin,
        String workDir,
        String stdout,
        String stderr,
        String stdin,
        List<String> env,
        String script,
        String command,
        boolean hold,
        List<String> reqNodes,
        List<String> excNodes,
        boolean exclusive,
        boolean requeue,
        String submitHost,
        String openMode,
        int nice,
        List<String> features,
        List<String> argv) {

    public static final int UNSET = -3;

    public JobSpec {
        env = List.copyOf(env);
        reqNodes = List.copyOf(reqNodes);
        excNodes = List.copyOf(excNodes);
        features = List.copyOf(features);
        argv = List.copyOf(argv);
    }

    public static Builder builder() { return new Builder(); }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name; b.partition = partition; b.uid = uid; b.gid = gid; b.userName = userName;
        b.account = account; b.comment = comment; b.minNodes = minNodes; b.maxNodes = maxNodes;
        b.numTasks = numTasks; b.cpusPerTask = cpusPerTask; b.ntasksPerNode = ntasksPerNode;
        b.memPerNodeMb = memPerNodeMb; b.memPerCpuMb = memPerCpuMb; b.timeLimitMin = timeLimitMin;
        b.workDir = workDir; b.stdout = stdout; b.stderr = stderr; b.stdin = stdin; b.env = env;
        b.script = script; b.command = command; b.hold = hold; b.reqNodes = reqNodes; b.excNodes = excNodes;
        b.exclusive = exclusive; b.requeue = requeue; b.submitHost = submitHost; b.openMode = openMode;
        b.nice = nice; b.features = features; b.argv = argv;
        return b;
    }

    /** Tasks requested, defaulting to one per node as Slurm does. */
    public int effectiveTasks() {
        if (numTasks > 0) return numTasks;
        int nodes = Math.max(1, minNodes);
        return ntasksPerNode > 0 ? ntasksPerNode * nodes : nodes;
    }

    public int effectiveCpusPerTask() { return cpusPerTask > 0 ? cpusPerTask : 1; }

    /** Total CPUs the job needs at minimum: tasks times CPUs per task. */
    public int minCpus() { return effectiveTasks() * effectiveCpusPerTask(); }

    /** Node count requested, or {@link #UNSET}. */
    public boolean nodesGiven() { return minNodes > 0; }

    /** Mutable builder; every field starts at Slurm's "not given" value. */
    public static final class Builder {
        public String name = "";
        public String partition;
        public int uid = -1;
        public int gid = -1;
        public String userName = "";
        public String account;
        public String comment;
        public int minNodes = UNSET;
        public int maxNodes = UNSET;
        public int numTasks = UNSET;
        public int cpusPerTask = UNSET;
        public int ntasksPerNode = UNSET;
        public long memPerNodeMb = UNSET;
        public long memPerCpuMb = UNSET;
        public long timeLimitMin = UNSET;
        public String workDir = "";
        public String stdout;
        public String stderr;
        public String stdin;
        public List<String> env = List.of();
        public String script = "";
        public String command;
        public boolean hold;
        public List<String> reqNodes = List.of();
        public List<String> excNodes = List.of();
        public boolean exclusive;
        public boolean requeue = true;
        public String submitHost = "";
        public String openMode;
        public int nice;
        public List<String> features = List.of();
        public List<String> argv = List.of();

        public JobSpec build() {
            return new JobSpec(name, partition, uid, gid, userName, account, comment, minNodes, maxNodes,
                    numTasks, cpusPerTask, ntasksPerNode, memPerNodeMb, memPerCpuMb, timeLimitMin, workDir,
                    stdout, stderr, stdin, env, script, command, hold, reqNodes, excNodes, exclusive, requeue,
                    submitHost, openMode, nice, features, argv);
        }
    }
}
