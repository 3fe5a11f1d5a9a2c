package org.jslurm.model;

import java.util.List;

/** A node's configured identity and resources, as slurm.conf describes it. */
public record NodeSpec(
        String name,
        String addr,
        String hostname,
        int port,
        int cpus,
        int boards,
        int sockets,
        int coresPerSocket,
        int threadsPerCore,
        long realMemoryMb,
        long tmpDiskMb,
        int weight,
        List<String> features,
        String gres) {

    public NodeSpec {
        features = List.copyOf(features);
    }
}
