package org.jslurm.sched;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jslurm.model.JobSpec;
import org.jslurm.model.Node;
import org.jslurm.model.NodeAlloc;
import org.jslurm.model.Partition;

/**
 * Chooses nodes and CPUs for one job among a partition's nodes (a first, simple cons_tres):
 * lowest Weight first, then configuration order; several jobs may share a node's CPUs unless a
 * job asks for --exclusive or the partition says OverSubscribe=EXCLUSIVE.
 */
public final class NodeSelector {
    private NodeSelector() {}

    /** Memory (MB) per node a job needs: --mem, or --mem-per-cpu times CPUs, or the partition's DefMemPerCPU. */
    public static long memPerNode(JobSpec s, Partition p, int cpusOnNode, long nodeMem) {
        if (s.memPerNodeMb() == 0) return nodeMem; // --mem=0: the whole node
        if (s.memPerNodeMb() > 0) return s.memPerNodeMb();
        if (s.memPerCpuMb() > 0) return s.memPerCpuMb() * cpusOnNode;
        if (p.defMemPerCpuMb() > 0) return p.defMemPerCpuMb() * cpusOnNode;
        return 0;
    }

    /**
     * Tries to place the job on the given free resources.
     *
     * @param nodes  the partition's nodes in configuration order, current allocation included
     * @param usable names of nodes that may be used now (schedulable, in the partition)
     */
    public static Optional<List<NodeAlloc>> select(JobSpec s, Partition p, List<Node> nodes, Set<String> usable) {
        boolean exclusive = s.exclusive() || p.overSubscribe().startsWith("EXCLUSIVE");
        int cpt = s.effectiveCpusPerTask();
        int tasks = s.effectiveTasks();
        int minNodes = Math.max(1, s.minNodes());
        int maxNodes = s.maxNodes() > 0 ? s.maxNodes() : Integer.MAX_VALUE;
        if (s.minNodes() > 0 && s.maxNodes() <= 0 && s.numTasks() <= 0) maxNodes = minNodes;

        List<Node> cands = new ArrayList<>();
        for (Node n : nodes) {
            if (usable.contains(n.name()) && !s.excNodes().contains(n.name())) cands.add(n);
        }
        cands.sort(Comparator.comparingInt(n -> n.spec().weight())); // stable: config order within a weight
        List<String> req = s.reqNodes();
        if (!req.isEmpty()) {
            // required nodes go first; all of them must be usable
            Map<String, Node> byName = new java.util.HashMap<>();
            for (Node n : cands) byName.put(n.name(), n);
            List<Node> ordered = new ArrayList<>();
            for (String r : req) {
                Node n = byName.remove(r);
                if (n == null) return Optional.empty();
                ordered.add(n);
            }
            for (Node n : cands) if (byName.containsKey(n.name())) ordered.add(n);
            cands = ordered;
            minNodes = Math.max(minNodes, req.size());
        }

        List<NodeAlloc> out = new ArrayList<>();
        int placed = 0;
        for (Node n : cands) {
            if (out.size() >= maxNodes) break;
            boolean mustTake = out.size() < req.size();
            if (placed >= tasks && out.size() >= minNodes && !mustTake) break;
            if (exclusive && (n.cpusAlloc() > 0)) {
                if (mustTake) return Optional.empty();
                continue;
            }
            int free = exclusive ? n.spec().cpus() : n.cpusFree();
            int fit = free / cpt;
            if (s.ntasksPerNode() > 0) fit = Math.min(fit, s.ntasksPerNode());
            int remainingNodesNeeded = Math.max(0, minNodes - out.size() - 1);
            int want = Math.max(1, Math.min(fit, tasks - placed - remainingNodesNeeded));
            if (placed >= tasks) want = 1;
            // memory for the CPUs this node would give
            int cpus = exclusive ? n.spec().cpus() : want * cpt;
            long mem = memPerNode(s, p, cpus, n.spec().realMemoryMb());
            long memFree = exclusive ? n.spec().realMemoryMb() : n.memFreeMb();
            if (fit < 1 || mem > memFree) {
                if (mustTake) return Optional.empty();
                continue;
            }
            out.add(new NodeAlloc(n.name(), cpus, mem));
            placed += Math.min(want, Math.max(0, tasks - placed));
        }
        if (placed < tasks || out.size() < minNodes) return Optional.empty();
        return Optional.of(out);
    }

    /** True if the job could ever fit this partition's configured nodes (when all are idle). */
    public static boolean couldEverFit(JobSpec s, Partition p, List<Node> partNodes) {
        List<Node> idle = partNodes.stream().map(n -> {
            var b = n.toBuilder();
            b.cpusAlloc = 0; b.memAllocMb = 0;
            return b.build();
        }).toList();
        Set<String> all = new java.util.HashSet<>();
        for (Node n : idle) all.add(n.name());
        return select(s, p, idle, all).isPresent();
    }
}
