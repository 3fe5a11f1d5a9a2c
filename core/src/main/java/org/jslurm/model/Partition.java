package org.jslurm.model;

import java.util.List;

/**
 * A partition: a named set of nodes with limits. Limits use -1 for UNLIMITED; times are minutes
 * with {@code SlurmTime.INFINITE} (-1) for none. {@code state} is UP, DOWN, DRAIN or INACTIVE.
 */
public record Partition(
        String name,
        List<String> nodes,
        boolean isDefault,
        String state,
        long maxTimeMin,
        long defaultTimeMin,
        int maxNodes,
        int minNodes,
        boolean rootOnly,
        List<String> allowGroups,
        String overSubscribe,
        int priorityTier,
        int priorityJobFactor,
        boolean hidden,
        int maxCpusPerNode,
        long defMemPerCpuMb,
        long maxMemPerNodeMb) {

    public Partition {
        nodes = List.copyOf(nodes);
        allowGroups = List.copyOf(allowGroups);
    }

    public boolean isUp() { return state.equals("UP"); }

    /** Accepts new jobs (UP or DOWN; DRAIN and INACTIVE refuse submissions). */
    public boolean acceptsJobs() { return state.equals("UP") || state.equals("DOWN"); }

    public Builder toBuilder() { return new Builder(this); }

    public static final class Builder {
        public String name; public List<String> nodes; public boolean isDefault; public String state;
        public long maxTimeMin; public long defaultTimeMin; public int maxNodes; public int minNodes;
        public boolean rootOnly; public List<String> allowGroups; public String overSubscribe; public int priorityTier;
        public int priorityJobFactor; public boolean hidden; public int maxCpusPerNode; public long defMemPerCpuMb;
        public long maxMemPerNodeMb;

        Builder(Partition p) {
            name = p.name; nodes = p.nodes; isDefault = p.isDefault; state = p.state; maxTimeMin = p.maxTimeMin;
            defaultTimeMin = p.defaultTimeMin; maxNodes = p.maxNodes; minNodes = p.minNodes; rootOnly = p.rootOnly;
            allowGroups = p.allowGroups; overSubscribe = p.overSubscribe; priorityTier = p.priorityTier;
            priorityJobFactor = p.priorityJobFactor; hidden = p.hidden; maxCpusPerNode = p.maxCpusPerNode;
            defMemPerCpuMb = p.defMemPerCpuMb; maxMemPerNodeMb = p.maxMemPerNodeMb;
        }

        public Partition build() {
            return new Partition(name, nodes, isDefault, state, maxTimeMin, defaultTimeMin, maxNodes, minNodes,
                    rootOnly, allowGroups, overSubscribe, priorityTier, priorityJobFactor, hidden, maxCpusPerNode,
                    defMemPerCpuMb, maxMemPerNodeMb);
        }
    }
}
