package org.jslurm.launch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.NodeAlloc;

/**
 * The environment of a batch script: the submitter's exported environment, overlaid with the
 * {@code SLURM_*} variables Slurm sets for a batch job, overlaid with what the controller added
 * in the launch request. Pure: everything comes in through {@link Context}.
 */
public final class BatchEnvironment {
    private BatchEnvironment() {}

    /**
     * The node-side facts the variables are computed from.
     *
     * @param nodeName   this node (SLURMD_NODENAME, SLURM_TOPOLOGY_ADDR)
     * @param cluster    ClusterName
     * @param confPath   path of slurm.conf (SLURM_CONF)
     * @param uid        the job's uid
     * @param gid        the job's primary gid
     * @param userName   the job user's name
     * @param home       the user's home directory from the passwd entry, or null
     * @param compress   makes a hostlist expression of node names ({@code HostList::compress})
     * @param now        epoch seconds, used when the job carries no start time
     */
    public record Context(String nodeName, String cluster, String confPath, int uid, int gid, String userName,
                          String home, Function<Collection<String>, String> compress, long now) {}

    /** Builds the environment, in a stable order (submitter's first, then Slurm's, then the controller's). */
    public static Map<String, String> build(Job job, Context ctx, List<String> controllerEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        putAll(env, job.spec().env());
        env.putAll(slurmVariables(job, ctx));
        putAll(env, controllerEnv);
        if (ctx.home() != null) env.putIfAbsent("HOME", ctx.home());
        env.putIfAbsent("USER", ctx.userName());
        env.putIfAbsent("LOGNAME", ctx.userName());
        return env;
    }

    /** Only the variables slurmd itself sets for a batch job. */
    public static Map<String, String> slurmVariables(Job job, Context ctx) {
        JobSpec s = job.spec();
        Map<String, String> v = new LinkedHashMap<>();
        List<String> nodes = new ArrayList<>();
        List<Integer> cpus = new ArrayList<>();
        for (NodeAlloc a : job.alloc()) {
            nodes.add(a.node());
            cpus.add(Math.max(1, a.cpus()));
        }
        if (nodes.isEmpty()) {
            nodes.add(ctx.nodeName());
            cpus.add(Math.max(1, s.minCpus()));
        }
        int idx = nodes.indexOf(ctx.nodeName());
        int cpusHere = cpus.get(Math.max(0, idx));
        String nodeList = ctx.compress().apply(nodes);
        int cpusPerTask = s.cpusPerTask() > 0 ? s.cpusPerTask() : 1;

        v.put("ENVIRONMENT", "BATCH");
        if (ctx.cluster() != null && !ctx.cluster().isEmpty()) v.put("SLURM_CLUSTER_NAME", ctx.cluster());
        if (ctx.confPath() != null) v.put("SLURM_CONF", ctx.confPath());
        v.put("SLURM_CPUS_ON_NODE", Integer.toString(cpusHere));
        if (s.cpusPerTask() > 0) v.put("SLURM_CPUS_PER_TASK", Integer.toString(s.cpusPerTask()));
        v.put("SLURM_GTIDS", "0");
        v.put("SLURM_JOBID", Long.toString(job.id()));
        if (s.account() != null && !s.account().isEmpty()) v.put("SLURM_JOB_ACCOUNT", s.account());
        v.put("SLURM_JOB_CPUS_PER_NODE", compressCounts(cpus));
        long start = job.startTime() > 0 ? job.startTime() : ctx.now();
        if (job.timeLimitMin() > 0) v.put("SLURM_JOB_END_TIME", Long.toString(start + job.timeLimitMin() * 60));
        v.put("SLURM_JOB_GID", Integer.toString(ctx.gid()));
        v.put("SLURM_JOB_ID", Long.toString(job.id()));
        v.put("SLURM_JOB_NAME", s.name());
        v.put("SLURM_JOB_NODELIST", nodeList);
        v.put("SLURM_JOB_NUM_NODES", Integer.toString(nodes.size()));
        String partition = job.partition() != null && !job.partition().isEmpty() ? job.partition() : s.partition();
        if (partition != null && !partition.isEmpty()) v.put("SLURM_JOB_PARTITION", partition);
        v.put("SLURM_JOB_START_TIME", Long.toString(start));
        v.put("SLURM_JOB_UID", Integer.toString(ctx.uid()));
        v.put("SLURM_JOB_USER", ctx.userName());
        v.put("SLURM_LOCALID", "0");
        if (s.memPerCpuMb() > 0) v.put("SLURM_MEM_PER_CPU", Long.toString(s.memPerCpuMb()));
        else if (s.memPerNodeMb() > 0) v.put("SLURM_MEM_PER_NODE", Long.toString(s.memPerNodeMb()));
        v.put("SLURM_NNODES", Integer.toString(nodes.size()));
        v.put("SLURM_NODEID", Integer.toString(Math.max(0, idx)));
        v.put("SLURM_NODELIST", nodeList);
        if (s.numTasks() > 0) {
            v.put("SLURM_NPROCS", Integer.toString(s.numTasks()));
            v.put("SLURM_NTASKS", Integer.toString(s.numTasks()));
        }
        if (s.ntasksPerNode() > 0) v.put("SLURM_NTASKS_PER_NODE", Integer.toString(s.ntasksPerNode()));
        v.put("SLURM_PRIO_PROCESS", "0");
        v.put("SLURM_PROCID", "0");
        if (s.workDir() != null && !s.workDir().isEmpty()) v.put("SLURM_SUBMIT_DIR", s.workDir());
        if (s.submitHost() != null && !s.submitHost().isEmpty()) v.put("SLURM_SUBMIT_HOST", s.submitHost());
        int tasks = s.numTasks() > 0 ? s.numTasks() : Math.max(1, cpus.stream().mapToInt(Integer::intValue).sum() / cpusPerTask);
        v.put("SLURM_TASKS_PER_NODE", compressCounts(tasksPerNode(cpus, tasks, cpusPerTask)));
        v.put("SLURM_TOPOLOGY_ADDR", ctx.nodeName());
        v.put("SLURM_TOPOLOGY_ADDR_PATTERN", "node");
        v.put("SLURMD_NODENAME", ctx.nodeName());
        return v;
    }

    /** Slurm's run-length form of per-node counts: {@code [2,2,2,1]} → {@code 2(x3),1}. */
    public static String compressCounts(List<Integer> counts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < counts.size(); ) {
            int v = counts.get(i), j = i;
            while (j < counts.size() && counts.get(j) == v) j++;
            if (!sb.isEmpty()) sb.append(',');
            sb.append(v);
            if (j - i > 1) sb.append("(x").append(j - i).append(')');
            i = j;
        }
        return sb.toString();
    }

    /**
     * Tasks per node for the block layout: one task per node in turn, each node taking at most
     * its CPUs / cpus-per-task while any node has room, then round robin over all nodes.
     */
    public static List<Integer> tasksPerNode(List<Integer> cpus, int tasks, int cpusPerTask) {
        int n = cpus.size();
        int[] t = new int[n];
        int left = tasks;
        boolean room = true;
        while (left > 0) {
            boolean placed = false;
            for (int i = 0; i < n && left > 0; i++) {
                if (room && t[i] >= Math.max(1, cpus.get(i) / Math.max(1, cpusPerTask))) continue;
                t[i]++;
                left--;
                placed = true;
            }
            if (!placed) room = false; // every node is full: overcommit evenly
        }
        List<Integer> out = new ArrayList<>(n);
        for (int x : t) out.add(x);
        return out;
    }

    private static void putAll(Map<String, String> env, List<String> entries) {
        for (String e : entries) {
            int eq = e.indexOf('=');
            if (eq <= 0) continue;
            env.put(e.substring(0, eq), e.substring(eq + 1));
        }
    }
}
