package org.jslurm.cmd.fmt;

import java.util.EnumSet;
import java.util.Set;
import org.jslurm.cmd.args.Hosts;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.JobState;
import org.jslurm.model.NodeAlloc;

/** Values derived from a job that squeue and scontrol both print. */
public final class JobView {
    private JobView() {}

    /** States whose NODELIST(REASON) shows the reason in parentheses instead of the nodes. */
    private static final Set<JobState> REASON_STATES = EnumSet.of(JobState.PENDING, JobState.FAILED,
            JobState.TIMEOUT, JobState.OUT_OF_MEMORY, JobState.DEADLINE);

    public static String reason(Job j) {
        return j.reason() == null || j.reason().isEmpty() ? "None" : j.reason();
    }

    /** squeue's %R: {@code (Resources)} for waiting or failed jobs, else the node list. */
    public static String reasonList(Job j) {
        return REASON_STATES.contains(j.state()) ? "(" + reason(j) + ")" : nodeList(j);
    }

    /** Allocated nodes as a hostlist, empty when none. */
    public static String nodeList(Job j) {
        return j.alloc().isEmpty() ? "" : Hosts.compress(j.nodeNames());
    }

    /** CPUs each node must have: CPUs per task times tasks per node. */
    public static long minCpusPerNode(Job j) {
        JobSpec s = j.spec();
        return (long) s.effectiveCpusPerTask() * (s.ntasksPerNode() > 0 ? s.ntasksPerNode() : 1);
    }

    /** Memory asked for per node or per CPU (see {@link #memPerCpu}), 0 when not given. */
    public static long minMemMb(Job j) {
        JobSpec s = j.spec();
        if (s.memPerNodeMb() > 0) return s.memPerNodeMb();
        return Math.max(0, s.memPerCpuMb());
    }

    public static boolean memPerCpu(Job j) {
        return j.spec().memPerNodeMb() <= 0 && j.spec().memPerCpuMb() > 0;
    }

    /** Trackable resources: what the job holds when allocated, else what it asks for. */
    public static String tres(Job j) {
        if (!j.alloc().isEmpty()) {
            long mem = 0;
            for (NodeAlloc a : j.alloc()) mem += Math.max(0, a.memMb());
            int cpus = j.allocCpus();
            return Units.tres(cpus, mem, j.alloc().size(), cpus);
        }
        int cpus = j.cpus();
        int nodes = j.nodeCount();
        long mem = memPerCpu(j) ? minMemMb(j) * cpus : minMemMb(j) * nodes;
        return Units.tres(cpus, mem, nodes, cpus);
    }

    /** End time, actual or expected from the limit of a running job; 0 when unknown. */
    public static long expectedEnd(Job j) {
        if (j.endTime() > 0) return j.endTime();
        if (j.startTime() > 0 && j.timeLimitMin() >= 0) return j.startTime() + j.timeLimitMin() * 60;
        return 0;
    }

    /** Seconds left before the limit, or -1 for unlimited. */
    public static long secondsLeft(Job j, long now) {
        if (j.timeLimitMin() < 0) return -1;
        return Math.max(0, j.timeLimitMin() * 60 - j.runSeconds(now));
    }

    public static String features(Job j) {
        return j.spec().features().isEmpty() ? "(null)" : String.join("&", j.spec().features());
    }

    public static String orNull(String s) {
        return s == null || s.isEmpty() ? "(null)" : s;
    }

    public static String groupName(Job j) { return Ids.groupName(j.spec().gid()); }

    /** Node count of a pending job: {@code min} or {@code min-max} when a maximum was given. */
    public static String nodeRange(Job j) {
        JobSpec s = j.spec();
        if (!j.alloc().isEmpty()) return Integer.toString(j.alloc().size());
        int min = Math.max(1, s.minNodes());
        return s.maxNodes() > 0 ? min + "-" + Math.max(min, s.maxNodes()) : Integer.toString(min);
    }

    public static String overSubscribe(Job j) { return j.spec().exclusive() ? "NO" : "OK"; }

    /** Priority as the 0..1 fraction squeue's %p prints, 14 decimals. */
    public static String priorityFraction(long priority) {
        double f = (double) priority / 4294967295.0;
        return new java.math.BigDecimal(f).setScale(14, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
