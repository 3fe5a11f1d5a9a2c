package org.jslurm.state;

import java.util.List;
import org.jslurm.model.Job;
import org.jslurm.model.JobState;
import org.jslurm.model.NodeAlloc;
import org.jslurm.model.NodeBase;
import org.jslurm.model.Partition;

/**
 * An accepted change of controller state. Events are journaled (and fsynced) before the request
 * that caused them is acknowledged; {@link ClusterState#apply} folds them into memory, and
 * recovery replays them in order. Anything not an event (heartbeats, pending reasons) is
 * volatile and recomputed after a restart.
 */
public sealed interface Event {

    /** A job was accepted, with its id, partition, limits and priority resolved. */
    record JobSubmitted(Job job) implements Event {}

    /** The scheduler started a pending job on these nodes. */
    record JobStarted(long jobId, long time, List<NodeAlloc> alloc, String batchHost) implements Event {
        public JobStarted { alloc = List.copyOf(alloc); }
    }

    /** A running job is being killed; it becomes COMPLETING and takes {@code endState} when its processes end. */
    record JobKillRequested(long jobId, JobState endState, int byUid, long time, String reason) implements Event {}

    /** A job's processes ended (or a pending job was cancelled): it takes its terminal state and frees its nodes. */
    record JobEnded(long jobId, JobState state, int exitCode, int signal, long time, int byUid, String reason)
            implements Event {}

    /**
     * A user or admin changed a job (hold, release, time limit, name, priority, partition...).
     * {@code basicPriority} marks a priority drawn from the priority/basic counter (on release).
     */
    record JobModified(Job job, boolean basicPriority) implements Event {}

    /** A running or finished job went back to the queue. */
    record JobRequeued(long jobId, long time, boolean hold, String reason) implements Event {}

    /** Finished jobs older than MinJobAge were forgotten. */
    record JobsPurged(List<Long> jobIds) implements Event {
        public JobsPurged { jobIds = List.copyOf(jobIds); }
    }

    /** A node's administrative state changed (DOWN, DRAIN, RESUME, back to service). */
    record NodeStateSet(String node, NodeBase base, boolean drain, String reason, int uid, long time)
            implements Event {}

    /** A partition was changed by scontrol update. */
    record PartitionModified(Partition partition) implements Event {}
}
