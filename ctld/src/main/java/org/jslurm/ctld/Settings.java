package org.jslurm.ctld;

import org.jslurm.sched.Admission;

/**
 * The controller's tunables, read once from slurm.conf (Slurm's defaults where a key is unset).
 *
 * @param killWaitS        seconds between SIGTERM and SIGKILL when a job is killed
 * @param minJobAgeS       how long a finished job stays visible
 * @param slurmdTimeoutS   a node not heard from for this long goes DOWN (0: never)
 * @param returnToService  0, 1 or 2, as Slurm's ReturnToService
 * @param slurmUserUid     uid of SlurmUser: privileged like root
 */
public record Settings(
        String clusterName,
        int killWaitS,
        int minJobAgeS,
        int slurmdTimeoutS,
        int returnToService,
        int maxJobCount,
        long firstJobId,
        int slurmUserUid,
        Admission.Enforce enforcePartLimits,
        String prolog,
        String epilog,
        boolean requeueOnNodeFail,
        int snapshotEveryRecords) {

    /** Heartbeat interval asked of node daemons: a third of SlurmdTimeout, between 1 and 30 s. */
    public int heartbeatIntervalS() {
        if (slurmdTimeoutS <= 0) return 30;
        return Math.max(1, Math.min(30, slurmdTimeoutS / 3));
    }
}
