package org.jslurm.sched;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.Node;
import org.jslurm.model.Partition;
import org.jslurm.model.SlurmError;
import org.jslurm.model.SlurmException;
import org.jslurm.time.SlurmTime;

/**
 * Checks a submitted request and resolves its defaults (partition, time limit), as the paper's
 * job manager does at submission: the impossible is refused at once with Slurm's error; what
 * only exceeds a partition limit is refused or left pending depending on EnforcePartLimits.
 * Pure: the caller supplies the state and the submitter's verified identity and groups.
 */
public final class Admission {
    private Admission() {}

    /** EnforcePartLimits: NO (pend with a reason), ANY/ALL/YES (refuse at submission). */
    public enum Enforce { NO, ANY, ALL }

    public static Enforce parseEnforce(String v) {
        if (v == null) return Enforce.NO;
        return switch (v.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "ALL" -> Enforce.ALL;
            case "ANY", "YES" -> Enforce.ANY;
            default -> Enforce.NO;
        };
    }

    /**
     * @param groups the submitter's group ids (primary and supplementary)
     * @param groupIdsOf maps a group name from AllowGroups to its gid (-1 if unknown)
     */
    public static Job admit(JobSpec spec, long id, long priority, long now, List<Partition> partitions,
            Map<String, Node> nodes, Set<Integer> groups, java.util.function.ToIntFunction<String> groupIdsOf,
            boolean privileged, Enforce enforce) {
        Partition p = resolvePartition(spec, partitions);
        if (!p.acceptsJobs()) throw new SlurmException(SlurmError.PARTITION_NOT_AVAIL);
        if (p.rootOnly() && spec.uid() != 0) throw new SlurmException(SlurmError.ACCESS_DENIED);
        if (!p.allowGroups().isEmpty() && !privileged
                && p.allowGroups().stream().noneMatch(g -> groups.contains(groupIdsOf.applyAsInt(g)))) {
            throw new SlurmException(SlurmError.JOB_MISSING_REQUIRED_PARTITION_GROUP);
        }
        for (String n : spec.reqNodes()) {
            if (!nodes.containsKey(n)) throw new SlurmException(SlurmError.INVALID_NODE_NAME,
                    SlurmError.INVALID_NODE_NAME.message());
            if (!p.nodes().contains(n)) throw new SlurmException(SlurmError.REQUESTED_NODES_NOT_IN_PARTITION);
        }
        for (String n : spec.excNodes()) {
            if (!nodes.containsKey(n)) throw new SlurmException(SlurmError.INVALID_NODE_NAME);
        }
        checkMemory(spec, p, nodes);

        long limit = spec.timeLimitMin();
        if (limit == JobSpec.UNSET) limit = p.defaultTimeMin() != SlurmTime.INFINITE ? p.defaultTimeMin() : p.maxTimeMin();
        if (limit == 0) limit = SlurmTime.INFINITE;
        if (enforce != Enforce.NO) {
            boolean overTime = limit != SlurmTime.INVALID && p.maxTimeMin() != SlurmTime.INFINITE
                    && (limit == SlurmTime.INFINITE || limit > p.maxTimeMin());
            if (overTime) throw new SlurmException(SlurmError.INVALID_TIME_LIMIT);
            int wanted = Math.max(1, spec.minNodes());
            if ((p.maxNodes() >= 0 && wanted > p.maxNodes()) || wanted > p.nodes().size()) {
                throw new SlurmException(SlurmError.REQUESTED_NODE_CONFIG_UNAVAILABLE);
            }
            List<Node> partNodes = p.nodes().stream().map(nodes::get).filter(n -> n != null).toList();
            if (!NodeSelector.couldEverFit(spec, p, partNodes)) {
                throw new SlurmException(SlurmError.REQUESTED_NODE_CONFIG_UNAVAILABLE);
            }
        }
        return Job.pending(id, spec, p.name(), limit, priority, now);
    }

    static Partition resolvePartition(JobSpec spec, List<Partition> partitions) {
        String name = spec.partition();
        if (name == null || name.isEmpty()) {
            return partitions.stream().filter(Partition::isDefault).findFirst()
                    .orElseThrow(() -> new SlurmException(SlurmError.DEFAULT_PARTITION_NOT_SET,
                            "No partition specified or system default partition"));
        }
        // sbatch -p a,b: the first listed partition that exists (Slurm tries them in order)
        for (String n : name.split(",")) {
            for (Partition p : partitions) if (p.name().equals(n.trim())) return p;
        }
        throw new SlurmException(SlurmError.INVALID_PARTITION_NAME,
                "invalid partition specified: " + name);
    }

    private static void checkMemory(JobSpec spec, Partition p, Map<String, Node> nodes) {
        if (spec.memPerNodeMb() <= 0 && spec.memPerCpuMb() <= 0) return;
        long maxMem = 0;
        int maxCpus = 0;
        for (String n : p.nodes()) {
            Node node = nodes.get(n);
            if (node == null) continue;
            maxMem = Math.max(maxMem, node.spec().realMemoryMb());
            maxCpus = Math.max(maxCpus, node.spec().cpus());
        }
        long need = spec.memPerNodeMb() > 0 ? spec.memPerNodeMb()
                : spec.memPerCpuMb() * Math.min(maxCpus, Math.max(1, spec.effectiveCpusPerTask()));
        if (need > maxMem || (p.maxMemPerNodeMb() > 0 && need > p.maxMemPerNodeMb())) {
            throw new SlurmException(SlurmError.REQUESTED_NODE_CONFIG_UNAVAILABLE,
                    "Memory specification can not be satisfied");
        }
    }
}
