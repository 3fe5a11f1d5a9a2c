package org.jslurm.config;

import java.util.List;
import java.util.Objects;

import org.jslurm.time.SlurmTime;

/**
 * One partition as configured, after DEFAULT merging.
 *
 * @param name              PartitionName
 * @param nodes             expanded node names, each once, in node definition order
 * @param isDefault         Default=YES
 * @param state             UP (default), DOWN, DRAIN or INACTIVE
 * @param maxTimeMin        MaxTime in minutes, {@link SlurmTime#INFINITE} when unlimited (default)
 * @param defaultTimeMin    DefaultTime in minutes, {@link SlurmTime#INFINITE} when unset (NONE)
 * @param maxNodes          MaxNodes, -1 for UNLIMITED (default)
 * @param minNodes          MinNodes, default 0
 * @param rootOnly          RootOnly=YES
 * @param allowGroups       AllowGroups; empty means ALL
 * @param overSubscribe     OverSubscribe (old name Shared) normalised: {@code NO}, {@code YES:n},
 *                          {@code FORCE:n} or {@code EXCLUSIVE}; a bare YES or FORCE gets n=4
 * @param priorityTier      PriorityTier, default 1
 * @param priorityJobFactor PriorityJobFactor, default 1
 * @param hidden            Hidden=YES
 * @param maxCpusPerNode    MaxCPUsPerNode, -1 for UNLIMITED (default)
 * @param defMemPerCpu      DefMemPerCPU in MB; 0 when not set here (the global value applies)
 * @param maxMemPerNode     MaxMemPerNode in MB; 0 means unlimited
 * @param allowAccounts     AllowAccounts; empty means ALL
 * @param allowQos          AllowQos; empty means ALL
 */
public record PartitionConf(String name, List<String> nodes, boolean isDefault, String state,
                            long maxTimeMin, long defaultTimeMin, int maxNodes, int minNodes,
                            boolean rootOnly, List<String> allowGroups, String overSubscribe,
                            int priorityTier, int priorityJobFactor, boolean hidden,
                            int maxCpusPerNode, long defMemPerCpu, long maxMemPerNode,
                            List<String> allowAccounts, List<String> allowQos) {

    public PartitionConf {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(overSubscribe, "overSubscribe");
        nodes = List.copyOf(nodes);
        allowGroups = List.copyOf(allowGroups);
        allowAccounts = List.copyOf(allowAccounts);
        allowQos = List.copyOf(allowQos);
    }
}
