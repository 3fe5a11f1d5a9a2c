package org.jslurm.ctld;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.jslurm.auth.Identity;
import org.jslurm.journal.EventCodec;
import org.jslurm.journal.Journal;
import org.jslurm.model.Hold;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.JobState;
import org.jslurm.model.Node;
import org.jslurm.model.NodeBase;
import org.jslurm.model.Partition;
import org.jslurm.model.Reasons;
import org.jslurm.model.SlurmError;
import org.jslurm.model.SlurmException;
import org.jslurm.rpc.Convert;
import org.jslurm.sched.Admission;
import org.jslurm.sched.Plan;
import org.jslurm.state.ClusterState;
import org.jslurm.state.Event;
import org.jslurm.wire.proto.Snapshot;

/**
 * The controller's state machine: every change goes through {@link #commit}, which applies events
 * to memory and queues them to the journal under one lock, and callers wait for durability after
 * releasing it. Reads go straight to {@link ClusterState} without the lock. Calls to node daemons
 * happen only after the events that justify them are durable.
 */
public final class Controller {
    private static final Logger LOG = Logger.getLogger(Controller.class.getName());

    private final ClusterState state;
    private final Journal journal;
    private final Settings settings;
    private final NodeAgent agent;
    private final Users users;
    private final Clock clock;
    private final Stats stats;
    private final ReentrantLock lock = new ReentrantLock();
    private final long startTime;
    private volatile Runnable wakeScheduler = () -> {};
    private long recordsAtLastSnapshot;

    public Controller(ClusterState state, Journal journal, Settings settings, NodeAgent agent, Users users,
            Clock clock, Stats stats) {
        this.state = state;
        this.journal = journal;
        this.settings = settings;
        this.agent = agent;
        this.users = users;
        this.clock = clock;
        this.stats = stats;
        this.startTime = now();
    }

    public void onWork(Runnable wake) { this.wakeScheduler = wake; }

    public ClusterState state() { return state; }
    public Settings settings() { return settings; }
    public Stats stats() { return stats; }
    public Journal journal() { return journal; }

    long now() { return clock.millis() / 1000; }

    public boolean privileged(Identity id) { return id.uid() == 0 || id.uid() == settings.slurmUserUid(); }

    // ---------------------------------------------------------------- commit

    /** Applies events and queues them to the journal. Caller holds the lock. */
    private CompletableFuture<Void> commit(Event... events) {
        CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
        for (Event e : events) {
            state.apply(e);
            last = journal.append(e);
        }
        return last; // the journal syncs in order, so the last future covers all
    }

    private static void durable(CompletableFuture<Void> f) {
        try {
            f.get();
        } catch (ExecutionException e) {
            throw new SlurmException(SlurmError.WRITE_FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlurmException(SlurmError.WRITE_FAILED);
        }
    }

    // ---------------------------------------------------------------- submission

    /** Accepts a batch job; returns its id once the submission is durable. */
    public long submit(JobSpec requested, Identity caller) {
        JobSpec.Builder b = requested.toBuilder();
        b.uid = caller.uid();
        b.gid = caller.gid();
        b.userName = users.nameOf(caller.uid());
        b.env = Interner.env(requested.env());
        JobSpec spec = b.build();
        CompletableFuture<Void> f;
        long id;
        lock.lock();
        try {
            if (state.jobCount() >= settings.maxJobCount()) throw new SlurmException(SlurmError.REACHED_JOB_LIMIT);
            id = state.nextJobId();
            Map<String, Node> nodes = new HashMap<>();
            for (Node n : state.nodes()) nodes.put(n.name(), n);
            Job job = Admission.admit(spec, id, state.nextPriority(), now(), state.partitions(), nodes,
                    users.groupsOf(caller.uid()), users::gidOf, privileged(caller), settings.enforcePartLimits());
            f = commit(new Event.JobSubmitted(job));
        } finally {
            lock.unlock();
        }
        durable(f);
        stats.submitted.increment();
        wakeScheduler.run();
        return id;
    }

    // ---------------------------------------------------------------- scheduling

    /** Applies a scheduler plan: re-checks each start against current state, then launches. */
    public void applyPlan(Plan plan) {
        List<Job> toLaunch = new ArrayList<>();
        CompletableFuture<Void> f = CompletableFuture.completedFuture(null);
        lock.lock();
        try {
            for (Plan.Start s : plan.starts()) {
                Optional<Job> j = state.job(s.jobId());
                if (j.isEmpty() || !j.get().isPending() || j.get().hold() != Hold.NONE || !fits(s)) continue;
                f = commit(new Event.JobStarted(s.jobId(), now(), s.alloc(), s.batchHost()));
                toLaunch.add(state.job(s.jobId()).orElseThrow());
            }
            plan.reasons().forEach(state::observeReason);
        } finally {
            lock.unlock();
        }
        if (toLaunch.isEmpty()) return;
        durable(f);
        for (Job j : toLaunch) {
            stats.started.increment();
            state.node(j.batchHost()).ifPresent(n -> agent.launch(j, n, this::launched));
        }
    }

    private boolean fits(Plan.Start s) {
        for (var a : s.alloc()) {
            Optional<Node> n = state.node(a.node());
            if (n.isEmpty() || !n.get().schedulable() || n.get().cpusFree() < a.cpus()
                    || n.get().memFreeMb() < a.memMb()) return false;
        }
        return true;
    }

    private void launched(Job job, NodeAgent.LaunchResult result, String detail) {
        if (result == NodeAgent.LaunchResult.OK) return;
        LOG.warning("launch of job " + job.id() + " on " + job.batchHost() + " failed: " + result + " " + detail);
        CompletableFuture<Void> f;
        lock.lock();
        try {
            Optional<Job> cur = state.job(job.id());
            if (cur.isEmpty() || cur.get().state() != JobState.RUNNING || cur.get().restarts() != job.restarts()) return;
            List<Event> ev = new ArrayList<>();
            Node n = state.node(job.batchHost()).orElse(null);
            switch (result) {
                case PROLOG_FAILED -> {
                    if (n != null) ev.add(new Event.NodeStateSet(n.name(), n.base(), true, "Prolog error", 0, now()));
                    ev.add(new Event.JobRequeued(job.id(), now(), false, null));
                }
                case UNREACHABLE -> {
                    if (n != null) ev.add(new Event.NodeStateSet(n.name(), NodeBase.DOWN, n.drain(), "Not responding",
                            0, now()));
                    ev.add(new Event.JobRequeued(job.id(), now(), false, null));
                }
                default -> ev.add(new Event.JobRequeued(job.id(), now(), true, Reasons.LAUNCH_FAILED_REQUEUED_HELD));
            }
            f = commit(ev.toArray(Event[]::new));
        } finally {
            lock.unlock();
        }
        durable(f);
        wakeScheduler.run();
    }

    // ---------------------------------------------------------------- kill, signal, completion

    /**
     * Cancels or signals jobs (scancel). All changes are made under one lock hold and made durable
     * with one wait, so cancelling a thousand jobs costs one group commit, not a thousand.
     * Returns the error for each job, SUCCESS where it worked.
     */
    public Map<Long, SlurmError> kill(List<Long> jobIds, int signal, boolean batchOnly, Identity caller) {
        Map<Long, SlurmError> results = new java.util.LinkedHashMap<>();
        List<Runnable> after = new ArrayList<>();
        CompletableFuture<Void> f = CompletableFuture.completedFuture(null);
        int cancelledPending = 0;
        lock.lock();
        try {
            for (long jobId : jobIds) {
                Optional<Job> oj = state.job(jobId);
                SlurmError r = SlurmError.SUCCESS;
                if (oj.isEmpty()) {
                    r = SlurmError.INVALID_JOB_ID;
                } else {
                    Job job = oj.get();
                    List<Node> nodes = nodesOf(job);
                    if (job.uid() != caller.uid() && !privileged(caller)) {
                        r = SlurmError.ACCESS_DENIED;
                    } else if (job.isFinished()) {
                        r = SlurmError.ALREADY_DONE;
                    } else if (signal != 0) {
                        if (job.isPending()) {
                            r = SlurmError.JOB_PENDING;
                        } else {
                            List<Node> targets = batchOnly ? nodes.subList(0, Math.min(1, nodes.size())) : nodes;
                            after.add(() -> agent.signal(job, targets, signal, batchOnly));
                        }
                    } else if (job.isPending()) {
                        f = commit(new Event.JobEnded(jobId, JobState.CANCELLED, 0, 0, now(), caller.uid(), null));
                        cancelledPending++;
                    } else if (job.state() == JobState.RUNNING) {
                        f = commit(new Event.JobKillRequested(jobId, JobState.CANCELLED, caller.uid(), now(), null));
                        after.add(() -> agent.terminate(job, nodes));
                    }
                }
                results.put(jobId, r);
            }
        } finally {
            lock.unlock();
        }
        durable(f);
        stats.canceled.add(cancelledPending);
        for (Runnable r : after) r.run();
        if (cancelledPending > 0) wakeScheduler.run();
        return results;
    }

    private List<Node> nodesOf(Job job) {
        List<Node> out = new ArrayList<>();
        // batch host first: signals with --batch go to it alone
        if (job.batchHost() != null) state.node(job.batchHost()).ifPresent(out::add);
        for (String n : job.nodeNames()) {
            if (!n.equals(job.batchHost())) state.node(n).ifPresent(out::add);
        }
        return out;
    }

    /** A node daemon reports that a job's batch script ended. */
    public void jobComplete(String node, long jobId, int exitCode, int signal) {
        Job job;
        boolean wasRunning;
        CompletableFuture<Void> f;
        lock.lock();
        try {
            Optional<Job> oj = state.job(jobId);
            if (oj.isEmpty() || !oj.get().holdsResources() || !node.equals(oj.get().batchHost())) return;
            job = oj.get();
            wasRunning = job.state() == JobState.RUNNING;
            JobState end;
            String reason = null;
            if (!wasRunning && job.endState() != null) {
                end = job.endState();
            } else if (exitCode == 0 && signal == 0) {
                end = JobState.COMPLETED;
            } else {
                end = JobState.FAILED;
                reason = Reasons.NON_ZERO_EXIT;
            }
            f = commit(new Event.JobEnded(jobId, end, exitCode, signal, now(), -1, reason));
            switch (end) {
                case COMPLETED -> stats.completed.increment();
                case CANCELLED -> stats.canceled.increment();
                default -> stats.failed.increment();
            }
        } finally {
            lock.unlock();
        }
        durable(f);
        // a job that ended by itself still needs its epilog and stray processes cleaned on every node
        if (wasRunning) agent.terminate(job, nodesOf(job));
        wakeScheduler.run();
    }

    // ---------------------------------------------------------------- periodic duties

    /** Ends jobs past their time limit. */
    public void enforceTimeLimits() {
        long now = now();
        List<Job> expired = new ArrayList<>();
        for (Job j : state.jobs()) {
            if (j.state() == JobState.RUNNING && j.timeLimitMin() > 0 && now >= j.startTime() + j.timeLimitMin() * 60) {
                expired.add(j);
            }
        }
        if (expired.isEmpty()) return;
        CompletableFuture<Void> f = CompletableFuture.completedFuture(null);
        List<Job> killed = new ArrayList<>();
        lock.lock();
        try {
            for (Job j : expired) {
                Optional<Job> cur = state.job(j.id());
                if (cur.isEmpty() || cur.get().state() != JobState.RUNNING) continue;
                f = commit(new Event.JobKillRequested(j.id(), JobState.TIMEOUT, -1, now, Reasons.TIME_LIMIT));
                killed.add(cur.get());
            }
        } finally {
            lock.unlock();
        }
        durable(f);
        for (Job j : killed) {
            LOG.info("job " + j.id() + " reached its time limit");
            agent.terminate(j, nodesOf(j));
        }
    }

    /** Forgets finished jobs older than MinJobAge. */
    public void purgeOldJobs() {
        long cutoff = now() - settings.minJobAgeS();
        List<Long> old = new ArrayList<>();
        for (Job j : state.jobs()) if (j.isFinished() && j.endTime() <= cutoff) old.add(j.id());
        if (old.isEmpty()) return;
        CompletableFuture<Void> f;
        lock.lock();
        try {
            f = commit(new Event.JobsPurged(old));
        } finally {
            lock.unlock();
        }
        durable(f);
    }

    /** Nodes silent for SlurmdTimeout go DOWN; their jobs are requeued or end NODE_FAIL. */
    public void checkNodeTimeouts() {
        if (settings.slurmdTimeoutS() <= 0) return;
        long now = now();
        List<Job> toTerminate = new ArrayList<>();
        CompletableFuture<Void> f = CompletableFuture.completedFuture(null);
        lock.lock();
        try {
            for (Node n : state.nodes()) {
                long heard = Math.max(n.lastHeard(), startTime);
                if (n.base() == NodeBase.FUTURE || n.notResponding() || now - heard < settings.slurmdTimeoutS()) continue;
                var b = n.toBuilder();
                b.notResponding = true;
                state.observeNode(b.build());
                if (n.base() == NodeBase.DOWN) continue;
                LOG.warning("node " + n.name() + " not responding for " + (now - heard) + " s: setting DOWN");
                f = commit(new Event.NodeStateSet(n.name(), NodeBase.DOWN, n.drain(), "Not responding", 0, now));
                f = failJobsOn(n.name(), now, toTerminate, f);
            }
        } finally {
            lock.unlock();
        }
        durable(f);
        for (Job j : toTerminate) agent.terminate(j, nodesOf(j));
        wakeScheduler.run();
    }

    /** Caller holds the lock. Requeues (JobRequeue) or fails the jobs that used a failed node. */
    private CompletableFuture<Void> failJobsOn(String node, long now, List<Job> toTerminate, CompletableFuture<Void> f) {
        for (Job j : state.jobs()) {
            if (!j.holdsResources() || !j.nodeNames().contains(node)) continue;
            if (j.state() == JobState.COMPLETING) {
                f = commit(new Event.JobEnded(j.id(), j.endState() == null ? JobState.NODE_FAIL : j.endState(), 0, 0,
                        now, -1, null));
            } else if (settings.requeueOnNodeFail() && j.spec().requeue()) {
                f = commit(new Event.JobRequeued(j.id(), now, false, null));
                stats.failed.increment();
            } else {
                f = commit(new Event.JobEnded(j.id(), JobState.NODE_FAIL, 0, 0, now, -1, Reasons.NODE_DOWN));
                stats.failed.increment();
            }
            toTerminate.add(j);
        }
        return f;
    }

    /** Takes a snapshot when enough records have accumulated since the last one. */
    public void maybeSnapshot(boolean force) throws IOException {
        long records = journal.recordCount();
        if (!force && records - recordsAtLastSnapshot < settings.snapshotEveryRecords()) return;
        Snapshot.Builder snap = Snapshot.newBuilder();
        lock.lock();
        try {
            snap.setSeq(journal.rotateForSnapshot()).setNextJobId(state.nextJobId())
                    .setLastPriority(state.lastPriority());
            for (Job j : state.jobs()) snap.addJobs(Convert.toMsg(j));
            for (Node n : state.nodes()) {
                snap.addNodes(EventCodec.nodeState(new Event.NodeStateSet(n.name(), n.base(), n.drain(), n.reason(),
                        n.reasonUid(), n.reasonTime())));
            }
            for (Partition p : state.partitions()) snap.addPartitions(Convert.toMsg(p));
        } finally {
            lock.unlock();
        }
        journal.writeSnapshot(snap.build());
        recordsAtLastSnapshot = records;
        LOG.fine("snapshot written at seq " + snap.getSeq());
    }

    // ---------------------------------------------------------------- nodes

    /** A node daemon registered (start-up) or sent a heartbeat. */
    public void nodeRegistered(NodeReport r, boolean heartbeat) {
        long now = now();
        CompletableFuture<Void> f = CompletableFuture.completedFuture(null);
        List<Job> lost = new ArrayList<>();
        lock.lock();
        try {
            Optional<Node> on = state.node(r.node());
            if (on.isEmpty()) throw new SlurmException(SlurmError.INVALID_NODE_NAME,
                    "node " + r.node() + " is not in slurm.conf");
            Node n = on.get();
            var b = n.toBuilder();
            b.lastHeard = now; b.notResponding = false; b.cpuLoad = r.cpuLoad(); b.freeMemMb = r.freeMemMb();
            if (!heartbeat) {
                b.bootTime = r.bootTime(); b.slurmdStartTime = r.slurmdStartTime(); b.version = r.version();
                b.os = r.os(); b.arch = r.arch();
            }
            state.observeNode(b.build());
            String low = lowResources(n, r);
            if (low != null) {
                if (n.base() != NodeBase.DOWN || !low.equals(n.reason())) {
                    LOG.warning("node " + n.name() + ": " + low);
                    f = commit(new Event.NodeStateSet(n.name(), NodeBase.DOWN, n.drain(), low, 0, now));
                    f = failJobsOn(n.name(), now, lost, f);
                }
            } else if (n.base() == NodeBase.UNKNOWN) {
                f = commit(new Event.NodeStateSet(n.name(), NodeBase.UP, n.drain(), n.drain() ? n.reason() : null,
                        n.reasonUid(), now));
            } else if (n.base() == NodeBase.DOWN && returnsToService(n)) {
                LOG.info("node " + n.name() + " returned to service");
                f = commit(new Event.NodeStateSet(n.name(), NodeBase.UP, n.drain(), n.drain() ? n.reason() : null,
                        n.reasonUid(), now));
            }
            if (!heartbeat) {
                // batch jobs this node should be running but does not know: it lost them (reboot)
                for (Job j : state.jobs()) {
                    if (j.state() == JobState.RUNNING && r.node().equals(j.batchHost())
                            && !r.runningJobs().contains(j.id()) && now - j.startTime() > 10) {
                        f = commit(new Event.JobEnded(j.id(), JobState.NODE_FAIL, 0, 0, now, -1, Reasons.NODE_DOWN));
                        stats.failed.increment();
                        lost.add(j);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        durable(f);
        for (Job j : lost) agent.terminate(j, nodesOf(j));
        // jobs the node runs that the controller no longer considers running there: orphans
        if (!heartbeat) {
            for (long id : r.runningJobs()) {
                Optional<Job> j = state.job(id);
                if (j.isEmpty() || !j.get().holdsResources() || !r.node().equals(j.get().batchHost())) {
                    state.node(r.node()).ifPresent(n -> agent.terminate(orphan(id, j), List.of(n)));
                }
            }
        }
        wakeScheduler.run();
    }

    private static Job orphan(long id, Optional<Job> known) {
        return known.orElseGet(() -> Job.pending(id, JobSpec.builder().build(), "", -1, 0, 0));
    }

    private boolean returnsToService(Node n) {
        return switch (settings.returnToService()) {
            case 1 -> "Not responding".equals(n.reason());
            case 2 -> true;
            default -> false;
        };
    }

    private static String lowResources(Node n, NodeReport r) {
        if (r.cpus() < n.spec().cpus()) {
            return "Low socket*core*thread count, Low CPUs (reported:" + r.cpus() + " < configured:" + n.spec().cpus() + ")";
        }
        if (r.realMemoryMb() < n.spec().realMemoryMb()) {
            return "Low RealMemory (reported:" + r.realMemoryMb() + " < 100.00% of configured:"
                    + n.spec().realMemoryMb() + ")";
        }
        return null;
    }

    /** What a node daemon reports about itself. */
    public record NodeReport(String node, int cpus, long realMemoryMb, long bootTime, long slurmdStartTime,
            String version, String os, String arch, double cpuLoad, long freeMemMb, List<Long> runningJobs) {}

    // ---------------------------------------------------------------- admin updates

    /** Applies an admin/user change built by {@link Updates}; events are journaled before returning. */
    public <T> T mutate(java.util.function.Function<MutationContext, T> change) {
        CompletableFuture<Void> f;
        T result;
        MutationContext ctx = new MutationContext();
        lock.lock();
        try {
            result = change.apply(ctx);
            f = ctx.future;
        } finally {
            lock.unlock();
        }
        durable(f);
        for (Runnable r : ctx.after) r.run();
        wakeScheduler.run();
        return result;
    }

    /** Given to a change running under the lock: read state, commit events, schedule follow-up calls. */
    public final class MutationContext {
        private CompletableFuture<Void> future = CompletableFuture.completedFuture(null);
        private final List<Runnable> after = new ArrayList<>();

        public ClusterState state() { return state; }
        public long now() { return Controller.this.now(); }
        public long nextPriority() { return state.nextPriority(); }
        public void commit(Event e) { future = Controller.this.commit(e); }
        public void terminateAfter(Job j) { List<Node> n = nodesOf(j); after.add(() -> agent.terminate(j, n)); }
        public void failJobsOnNode(String node) {
            List<Job> t = new ArrayList<>();
            future = Controller.this.failJobsOn(node, now(), t, future);
            for (Job j : t) terminateAfter(j);
        }
    }
}
