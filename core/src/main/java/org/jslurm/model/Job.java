package org.jslurm.model;

import java.util.List;

/**
 * A job as the controller knows it: the user's {@link JobSpec} plus what happened to it.
 * Immutable; every change produces a new record (see {@code org.jslurm.state.ClusterState}).
 * Times are epoch seconds, 0 meaning "not yet".
 *
 * @param partition    the partition the job was placed in (resolved from the default)
 * @param timeLimitMin the effective limit in minutes (resolved from partition defaults)
 * @param alloc        CPUs and memory held on each node while running or completing
 * @param endState     the terminal state a killed job takes once its processes are gone
 *                     (CANCELLED, TIMEOUT, NODE_FAIL...), or null
 * @param cancelledBy  uid that cancelled the job, or -1
 */
public record Job(
        long id,
        JobSpec spec,
        String partition,
        long timeLimitMin,
        JobState state,
        String reason,
        Hold hold,
        long priority,
        long submitTime,
        long eligibleTime,
        long startTime,
        long endTime,
        List<NodeAlloc> alloc,
        String batchHost,
        int exitCode,
        int termSignal,
        int cancelledBy,
        int restarts,
        JobState endState) {

    public Job {
        alloc = List.copyOf(alloc);
    }

    public static Job pending(long id, JobSpec spec, String partition, long timeLimitMin, long priority, long now) {
        Hold hold = spec.hold() ? Hold.USER : Hold.NONE;
        return new Job(id, spec, partition, timeLimitMin, JobState.PENDING, hold.reason(), hold,
                hold == Hold.NONE ? priority : 0, now, hold == Hold.NONE ? now : 0, 0, 0,
                List.of(), null, 0, 0, -1, 0, null);
    }

    public String name() { return spec.name(); }
    public int uid() { return spec.uid(); }
    public String userName() { return spec.userName(); }

    public boolean isPending() { return state == JobState.PENDING; }
    public boolean isRunning() { return state == JobState.RUNNING; }
    public boolean isFinished() { return state.isFinished(); }

    /** Holds node resources: running, or completing and waiting for its processes to end. */
    public boolean holdsResources() { return state == JobState.RUNNING || state == JobState.COMPLETING; }

    public List<String> nodeNames() { return alloc.stream().map(NodeAlloc::node).toList(); }

    public int allocCpus() { return alloc.stream().mapToInt(NodeAlloc::cpus).sum(); }

    /** CPUs shown by squeue %C: allocated CPUs once running, else the minimum requested. */
    public int cpus() { return alloc.isEmpty() ? spec.minCpus() : allocCpus(); }

    /** Node count shown by squeue %D. */
    public int nodeCount() { return alloc.isEmpty() ? Math.max(1, spec.minNodes()) : alloc.size(); }

    /** Seconds the job has run, as of {@code now}. */
    public long runSeconds(long now) {
        if (startTime == 0) return 0;
        long end = endTime != 0 ? endTime : now;
        return Math.max(0, end - startTime);
    }

    public Builder toBuilder() { return new Builder(this); }

    /** Copy-with helper, so transitions read as "the job, but RUNNING since t on these nodes". */
    public static final class Builder {
        public long id; public JobSpec spec; public String partition; public long timeLimitMin;
        public JobState state; public String reason; public Hold hold; public long priority;
        public long submitTime; public long eligibleTime; public long startTime; public long endTime;
        public List<NodeAlloc> alloc; public String batchHost; public int exitCode; public int termSignal;
        public int cancelledBy; public int restarts; public JobState endState;

        Builder(Job j) {
            id = j.id; spec = j.spec; partition = j.partition; timeLimitMin = j.timeLimitMin; state = j.state;
            reason = j.reason; hold = j.hold; priority = j.priority; submitTime = j.submitTime;
            eligibleTime = j.eligibleTime; startTime = j.startTime; endTime = j.endTime; alloc = j.alloc;
            batchHost = j.batchHost; exitCode = j.exitCode; termSignal = j.termSignal;
            cancelledBy = j.cancelledBy; restarts = j.restarts; endState = j.endState;
        }

        public Job build() {
            return new Job(id, spec, partition, timeLimitMin, state, reason, hold, priority, submitTime,
                    eligibleTime, startTime, endTime, alloc, batchHost, exitCode, termSignal, cancelledBy,
                    restarts, endState);
        }
    }
}
