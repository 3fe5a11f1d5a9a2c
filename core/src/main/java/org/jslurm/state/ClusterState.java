package org.jslurm.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jslurm.model.Job;
import org.jslurm.model.JobState;
import org.jslurm.model.Node;
import org.jslurm.model.NodeAlloc;
import org.jslurm.model.Partition;
import org.jslurm.model.Reasons;

/**
 * The controller's in-memory state: a fold over {@link Event}s. One writer at a time calls
 * {@link #apply} (the controller serialises writers); readers may iterate at any time without a
 * lock, because every record is immutable and the maps are concurrent, so a reader sees each job
 * either before or after a change, never half-changed.
 */
public final class ClusterState {
    private final ConcurrentHashMap<Long, Job> jobs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Node> nodes = new ConcurrentHashMap<>();
    private final List<String> nodeOrder;
    private volatile Map<String, Partition> partitions;
    private volatile long nextJobId;
    /** priority/basic: each eligible job gets one less than the previous, so FIFO by submission. */
    private volatile long lastPriority = FIRST_PRIORITY;
    public static final long FIRST_PRIORITY = 0xFFFF0000L;

    public ClusterState(List<Node> nodes, List<Partition> partitions, long firstJobId) {
        List<String> order = new ArrayList<>();
        for (Node n : nodes) {
            this.nodes.put(n.name(), n);
            order.add(n.name());
        }
        this.nodeOrder = List.copyOf(order);
        Map<String, Partition> p = new LinkedHashMap<>();
        for (Partition part : partitions) p.put(part.name(), part);
        this.partitions = Map.copyOf(p);
        this.partitionOrder = partitions.stream().map(Partition::name).toList();
        this.nextJobId = firstJobId;
    }

    private final List<String> partitionOrder;

    // ---------------------------------------------------------------- reads (lock-free)

    public Optional<Job> job(long id) { return Optional.ofNullable(jobs.get(id)); }

    public Collection<Job> jobs() { return jobs.values(); }

    public int jobCount() { return jobs.size(); }

    public Optional<Node> node(String name) { return Optional.ofNullable(nodes.get(name)); }

    /** Nodes in configuration order. */
    public List<Node> nodes() {
        List<Node> out = new ArrayList<>(nodeOrder.size());
        for (String n : nodeOrder) out.add(nodes.get(n));
        return out;
    }

    public List<String> nodeNames() { return nodeOrder; }

    public Optional<Partition> partition(String name) { return Optional.ofNullable(partitions.get(name)); }

    /** Partitions in configuration order. */
    public List<Partition> partitions() {
        Map<String, Partition> p = partitions;
        return partitionOrder.stream().map(p::get).toList();
    }

    public Optional<Partition> defaultPartition() {
        return partitions().stream().filter(Partition::isDefault).findFirst();
    }

    public long nextJobId() { return nextJobId; }

    /** The priority the next eligible job gets under priority/basic. */
    public long nextPriority() { return Math.max(1, lastPriority - 1); }

    public long lastPriority() { return lastPriority; }

    // ---------------------------------------------------------------- the fold (single writer)

    public void apply(Event e) {
        switch (e) {
            case Event.JobSubmitted s -> {
                jobs.put(s.job().id(), s.job());
                nextJobId = Math.max(nextJobId, s.job().id() + 1);
                notePriority(s.job().priority());
            }
            case Event.JobStarted s -> update(s.jobId(), j -> {
                var b = j.toBuilder();
                b.state = JobState.RUNNING; b.reason = Reasons.NONE; b.startTime = s.time(); b.endTime = 0;
                b.alloc = s.alloc(); b.batchHost = s.batchHost(); b.exitCode = 0; b.termSignal = 0; b.endState = null;
                for (NodeAlloc a : s.alloc()) adjustNode(a, +1);
                return b.build();
            });
            case Event.JobKillRequested k -> update(k.jobId(), j -> {
                var b = j.toBuilder();
                b.state = JobState.COMPLETING; b.endState = k.endState(); b.cancelledBy = k.byUid();
                if (k.reason() != null) b.reason = k.reason();
                return b.build();
            });
            case Event.JobEnded d -> update(d.jobId(), j -> {
                if (j.holdsResources()) for (NodeAlloc a : j.alloc()) adjustNode(a, -1);
                var b = j.toBuilder();
                b.state = d.state(); b.exitCode = d.exitCode(); b.termSignal = d.signal(); b.endTime = d.time();
                b.endState = null; b.priority = 0;
                if (d.byUid() >= 0) b.cancelledBy = d.byUid();
                if (d.reason() != null) b.reason = d.reason();
                if (j.startTime() == 0) b.startTime = d.time();
                return b.build();
            });
            case Event.JobModified m -> {
                Job old = jobs.get(m.job().id());
                if (old != null) jobs.put(m.job().id(), m.job());
                if (m.basicPriority()) notePriority(m.job().priority());
            }
            case Event.JobRequeued r -> update(r.jobId(), j -> {
                if (j.holdsResources()) for (NodeAlloc a : j.alloc()) adjustNode(a, -1);
                var b = j.toBuilder();
                b.state = JobState.PENDING; b.restarts = j.restarts() + 1; b.alloc = List.of(); b.batchHost = null;
                b.endState = null; b.startTime = 0; b.endTime = 0; b.exitCode = 0; b.termSignal = 0;
                b.eligibleTime = r.time();
                if (r.hold()) { b.hold = org.jslurm.model.Hold.ADMIN; b.priority = 0; }
                b.reason = r.reason() != null ? r.reason() : b.hold.reason();
                return b.build();
            });
            case Event.JobsPurged p -> p.jobIds().forEach(jobs::remove);
            case Event.NodeStateSet n -> {
                Node node = nodes.get(n.node());
                if (node != null) {
                    var b = node.toBuilder();
                    b.base = n.base(); b.drain = n.drain(); b.reason = n.reason(); b.reasonUid = n.uid();
                    b.reasonTime = n.reason() == null ? 0 : n.time();
                    nodes.put(n.node(), b.build());
                }
            }
            case Event.PartitionModified p -> {
                Map<String, Partition> copy = new LinkedHashMap<>(partitions);
                if (copy.containsKey(p.partition().name())) {
                    copy.put(p.partition().name(), p.partition());
                    partitions = Map.copyOf(copy);
                }
            }
        }
    }

    // ---------------------------------------------------------------- volatile observations (single writer)

    /** Replaces a node record for facts that are not journaled: heartbeats, reported load, responsiveness. */
    public void observeNode(Node n) {
        if (nodes.containsKey(n.name())) nodes.put(n.name(), n);
    }

    /** Sets a pending job's reason (recomputed every scheduling pass, so not journaled). */
    public void observeReason(long jobId, String reason) {
        Job j = jobs.get(jobId);
        if (j != null && j.isPending() && !reason.equals(j.reason())) {
            var b = j.toBuilder();
            b.reason = reason;
            jobs.put(jobId, b.build());
        }
    }

    /** Puts a job recovered from a snapshot, re-taking the node resources it holds. */
    public void restoreJob(Job j) {
        jobs.put(j.id(), j);
        if (j.holdsResources()) for (NodeAlloc a : j.alloc()) adjustNode(a, +1);
        nextJobId = Math.max(nextJobId, j.id() + 1);
    }

    /** Restores counters from a snapshot, so purged ids are never reused and priorities keep falling. */
    public void restoreCounters(long next, long lastPrio) {
        nextJobId = Math.max(nextJobId, next);
        if (lastPrio > 0) lastPriority = Math.min(lastPriority, lastPrio);
    }

    private void notePriority(long p) {
        if (p > 0 && p < lastPriority) lastPriority = p;
    }

    private void update(long id, java.util.function.UnaryOperator<Job> f) {
        Job j = jobs.get(id);
        if (j != null) jobs.put(id, f.apply(j));
    }

    private void adjustNode(NodeAlloc a, int sign) {
        Node n = nodes.get(a.node());
        if (n == null) return;
        var b = n.toBuilder();
        b.cpusAlloc = Math.max(0, n.cpusAlloc() + sign * a.cpus());
        b.memAllocMb = Math.max(0, n.memAllocMb() + sign * a.memMb());
        nodes.put(a.node(), b.build());
    }
}
