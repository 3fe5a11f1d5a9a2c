package org.jslurm.sched;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jslurm.model.Hold;
import org.jslurm.model.Job;
import org.jslurm.model.Node;
import org.jslurm.model.NodeAlloc;
import org.jslurm.model.Partition;
import org.jslurm.model.Reasons;
import org.jslurm.time.SlurmTime;

/**
 * The first scheduler, as the SLURM paper describes it: FIFO by priority within each partition.
 * The highest-priority pending job of a partition that cannot start blocks the jobs behind it in
 * that partition (they wait with reason Priority), so no later job can delay it.
 *
 * <p>A pure function of its inputs: no I/O, no clock (the caller passes {@code now}); the same
 * inputs give the same plan.
 */
public final class FifoScheduler {
    private final int maxStartsPerPass;

    public FifoScheduler(int maxStartsPerPass) {
        this.maxStartsPerPass = maxStartsPerPass;
    }

    /** Queue order: priority descending, then submission order. */
    public static final Comparator<Job> QUEUE_ORDER = Comparator.comparingLong(Job::priority).reversed()
            .thenComparingLong(Job::submitTime).thenComparingLong(Job::id);

    public Plan schedule(Collection<Job> jobs, List<Node> nodes, List<Partition> partitions, long now) {
        Map<String, Node> free = new HashMap<>();
        for (Node n : nodes) free.put(n.name(), n);
        Map<String, Partition> parts = new HashMap<>();
        for (Partition p : partitions) parts.put(p.name(), p);

        List<Job> pending = new ArrayList<>();
        for (Job j : jobs) if (j.isPending()) pending.add(j);
        pending.sort(QUEUE_ORDER);

        List<Plan.Start> starts = new ArrayList<>();
        Map<Long, String> reasons = new HashMap<>();
        Set<String> blocked = new HashSet<>();
        Map<String, Capacity> capacity = new HashMap<>();
        for (Partition p : partitions) capacity.put(p.name(), Capacity.of(p, free));
        int depth = 0;
        for (Job j : pending) {
            depth++;
            Partition p = parts.get(j.partition());
            String why = ineligible(j, p, p == null ? null : capacity.get(p.name()));
            if (why != null) {
                reasons.put(j.id(), why);
                continue;
            }
            if (blocked.contains(p.name()) || starts.size() >= maxStartsPerPass) {
                reasons.put(j.id(), Reasons.PRIORITY);
                continue;
            }
            List<Node> partNodes = p.nodes().stream().map(free::get).filter(n -> n != null).toList();
            Set<String> usable = new HashSet<>();
            for (Node n : partNodes) if (n.schedulable()) usable.add(n.name());
            Optional<List<NodeAlloc>> alloc = NodeSelector.select(j.spec(), p, partNodes, usable);
            if (alloc.isEmpty()) {
                reasons.put(j.id(), reasonForNoFit(j, p, partNodes));
                blocked.add(p.name());
                continue;
            }
            for (NodeAlloc a : alloc.get()) {
                Node n = free.get(a.node());
                var b = n.toBuilder();
                b.cpusAlloc += a.cpus();
                b.memAllocMb += a.memMb();
                free.put(n.name(), b.build());
            }
            starts.add(new Plan.Start(j.id(), alloc.get(), alloc.get().get(0).node()));
            reasons.put(j.id(), Reasons.NONE);
        }
        return new Plan(starts, reasons, depth);
    }

    /** Why a job may not be considered at all now, or null if it may. */
    static String ineligible(Job j, Partition p, Capacity cap) {
        if (j.hold() != Hold.NONE) return j.hold().reason();
        if (p == null) return Reasons.PARTITION_CONFIG;
        if (j.timeLimitMin() == SlurmTime.INVALID) return Reasons.NONE;
        if (!p.isUp()) return p.state().equals("INACTIVE") ? Reasons.PARTITION_INACTIVE : Reasons.PARTITION_DOWN;
        if (p.maxTimeMin() != SlurmTime.INFINITE && j.timeLimitMin() != SlurmTime.INFINITE
                && j.timeLimitMin() > p.maxTimeMin()) return Reasons.PARTITION_TIME_LIMIT;
        int nodesWanted = Math.max(1, j.spec().minNodes());
        if (p.maxNodes() >= 0 && nodesWanted > p.maxNodes()) return Reasons.PARTITION_NODE_LIMIT;
        if (p.minNodes() > 0 && j.spec().minNodes() > 0 && j.spec().minNodes() < p.minNodes())
            return Reasons.PARTITION_NODE_LIMIT;
        if (!cap.couldFit(j.spec(), p)) return Reasons.PARTITION_CONFIG;
        return null;
    }

    /** A partition's configured size, computed once per pass for the "could this ever fit" check. */
    record Capacity(int nodes, long totalCpus, int maxCpusPerNode, long maxMemMb) {
        static Capacity of(Partition p, Map<String, Node> all) {
            int n = 0, maxCpu = 0;
            long total = 0, maxMem = 0;
            for (String name : p.nodes()) {
                Node node = all.get(name);
                if (node == null) continue;
                n++;
                total += node.spec().cpus();
                maxCpu = Math.max(maxCpu, node.spec().cpus());
                maxMem = Math.max(maxMem, node.spec().realMemoryMb());
            }
            return new Capacity(n, total, maxCpu, maxMem);
        }

        boolean couldFit(org.jslurm.model.JobSpec s, Partition p) {
            if (Math.max(1, s.minNodes()) > nodes) return false;
            if (s.effectiveCpusPerTask() > maxCpusPerNode) return false;
            if (s.minCpus() > totalCpus) return false;
            if (s.ntasksPerNode() > 0 && (long) s.ntasksPerNode() * s.effectiveCpusPerTask() > maxCpusPerNode) return false;
            long mem = NodeSelector.memPerNode(s, p, s.effectiveCpusPerTask(), maxMemMb);
            return mem <= maxMemMb;
        }
    }

    private static String reasonForNoFit(Job j, Partition p, List<Node> partNodes) {
        for (String r : j.spec().reqNodes()) {
            for (Node n : partNodes) {
                if (n.name().equals(r) && !n.schedulable()) return Reasons.REQ_NODE_NOT_AVAIL;
            }
        }
        return Reasons.RESOURCES;
    }
}
