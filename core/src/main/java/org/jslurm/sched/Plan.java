package org.jslurm.sched;

import java.util.List;
import java.util.Map;
import org.jslurm.model.NodeAlloc;

/**
 * What one scheduling pass decided: jobs to start where, and why every other pending job waits.
 * The controller re-checks each start against current state before applying it.
 */
public record Plan(List<Start> starts, Map<Long, String> reasons, int depth) {
    /** Start this job on these nodes; the batch script runs on {@code batchHost}. */
    public record Start(long jobId, List<NodeAlloc> alloc, String batchHost) {}
}
