package org.jslurm.launch;

import java.util.List;
import org.jslurm.model.Job;

/**
 * What slurmd needs to start a batch job: the job as the controller knows it (spec, allocation,
 * partition, limits), the variables the controller adds, the cluster name and the Prolog and
 * Epilog programs ("" = none).
 */
public record LaunchRequest(Job job, List<String> env, String cluster, String prolog, String epilog) {
    public LaunchRequest {
        env = List.copyOf(env);
        cluster = cluster == null ? "" : cluster;
        prolog = prolog == null ? "" : prolog;
        epilog = epilog == null ? "" : epilog;
    }
}
