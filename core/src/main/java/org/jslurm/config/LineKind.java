package org.jslurm.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a configuration line describes, decided by its first key, with the keys such a line may
 * carry (from slurm.conf(5), plus the aliases Slurm accepts).
 */
enum LineKind {
    NODE("NodeName", List.of("NodeName", "NodeAddr", "NodeHostname", "BcastAddr", "Boards",
            "CoreSpecCount", "CoresPerSocket", "CpuBind", "CPUs", "Procs", "CpuSpecList",
            "Features", "Feature", "Gres", "MemSpecLimit", "Port", "RealMemory", "Reason",
            "RestrictedCoresPerGPU", "Sockets", "SocketsPerBoard", "State", "ThreadsPerCore",
            "TmpDisk", "Topology", "Weight")),
    PARTITION("PartitionName", List.of("PartitionName", "AllocNodes", "AllowAccounts",
            "AllowGroups", "AllowQos", "Alternate", "CpuBind", "Default", "DefaultTime",
            "DefCpuPerGPU", "DefMemPerCPU", "DefMemPerGPU", "DefMemPerNode", "DenyAccounts",
            "DenyQos", "DisableRootJobs", "ExclusiveUser", "GraceTime", "Hidden", "LLN",
            "MaxCPUsPerNode", "MaxCPUsPerSocket", "MaxMemPerCPU", "MaxMemPerNode", "MaxNodes",
            "MaxTime", "MinNodes", "Nodes", "OverSubscribe", "OverTimeLimit", "PowerDownOnIdle",
            "PreemptMode", "PriorityJobFactor", "PriorityTier", "QOS", "ReqResv", "ResumeTimeout",
            "RootOnly", "SelectTypeParameters", "Shared", "State", "SuspendTime", "SuspendTimeout",
            "Topology", "TRESBillingWeights")),
    NODESET("NodeSet", List.of("NodeSet", "Feature", "Nodes")),
    FRONTEND("FrontendName", List.of("FrontendName", "FrontendAddr", "AllowGroups", "AllowUsers",
            "DenyGroups", "DenyUsers", "Port", "Reason", "State")),
    DOWN_NODES("DownNodes", List.of("DownNodes", "Reason", "State")),
    SWITCH("SwitchName", List.of("SwitchName", "Switches", "Nodes", "LinkSpeed"));

    private static final Map<String, LineKind> BY_FIRST_KEY = Map.of(
            "nodename", NODE, "partitionname", PARTITION, "nodeset", NODESET,
            "frontendname", FRONTEND, "downnodes", DOWN_NODES, "switchname", SWITCH);

    private final String firstKey;
    private final Map<String, String> keys;

    LineKind(String firstKey, List<String> keys) {
        this.firstKey = firstKey;
        this.keys = KnownKeys.index(keys);
    }

    /** The entity kind a line starting with {@code key} describes; empty for global lines. */
    static Optional<LineKind> forFirstKey(String key) {
        return Optional.ofNullable(BY_FIRST_KEY.get(key.toLowerCase(Locale.ROOT)));
    }

    String firstKey() {
        return firstKey;
    }

    /** The documented spelling of {@code key} on this kind of line, or null when unknown. */
    String canonical(String key) {
        return keys.get(key.toLowerCase(Locale.ROOT));
    }
}
