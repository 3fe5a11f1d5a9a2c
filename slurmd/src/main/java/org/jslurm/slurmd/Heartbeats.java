package org.jslurm.slurmd;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.NodeRegister;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;

/**
 * Registers each node with slurmctld and then sends its heartbeat every
 * {@code RegisterReply.heartbeat_interval_s}. Calls run on virtual threads, at most
 * {@code concurrency} at a time, started from one scheduler thread; an unreachable controller is
 * retried with backoff, forever.
 */
public final class Heartbeats implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Heartbeats.class.getName());
    public static final int DEFAULT_INTERVAL_S = 30;

    private final ControllerLink ctl;
    private final ScheduledExecutorService sched;
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore limiter;
    private final long maxBackoffMs;
    private final Map<String, State> nodes = new ConcurrentHashMap<>();
    private final AtomicLong lastWarning = new AtomicLong();
    private volatile boolean closed;

    private static final class State {
        final String node;
        final Function<Boolean, NodeRegister> message;
        volatile boolean registered;
        volatile int failures;
        volatile int intervalS = DEFAULT_INTERVAL_S;
        volatile long sent;

        State(String node, Function<Boolean, NodeRegister> message) {
            this.node = node;
            this.message = message;
        }
    }

    public Heartbeats(ControllerLink ctl, ScheduledExecutorService sched, int concurrency, long maxBackoffMs) {
        this.ctl = ctl;
        this.sched = sched;
        this.limiter = new Semaphore(Math.max(1, concurrency));
        this.maxBackoffMs = maxBackoffMs;
    }

    /**
     * Starts registering {@code node} after {@code delayMs}.
     *
     * @param message builds the NodeRegister; its argument is true for a heartbeat (the node is registered)
     */
    public void add(String node, Function<Boolean, NodeRegister> message, long delayMs) {
        State s = new State(node, message);
        nodes.put(node, s);
        schedule(s, delayMs);
    }

    public boolean registered(String node) {
        State s = nodes.get(node);
        return s != null && s.registered;
    }

    /** The heartbeat interval the controller asked for. */
    public int intervalS(String node) {
        State s = nodes.get(node);
        return s == null ? DEFAULT_INTERVAL_S : s.intervalS;
    }

    /** Messages sent for a node (registrations and heartbeats, answered or not). */
    public long sent(String node) {
        State s = nodes.get(node);
        return s == null ? 0 : s.sent;
    }

    private void schedule(State s, long delayMs) {
        if (closed) return;
        sched.schedule(() -> {
            if (!closed) io.execute(() -> send(s));
        }, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
    }

    private void send(State s) {
        long next;
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            return;
        }
        try {
            boolean heartbeat = s.registered;
            NodeRegister msg = s.message.apply(heartbeat);
            s.sent++;
            Response r = ctl.call(Request.newBuilder().setNodeRegister(msg));
            if (r.getError().isEmpty()) {
                if (!heartbeat || s.failures > 0) {
                    LOG.info(s.node + ": " + (heartbeat ? "heartbeat" : "registration") + " accepted by slurmctld");
                }
                s.registered = true;
                s.failures = 0;
                int iv = r.hasRegister() ? r.getRegister().getHeartbeatIntervalS() : 0;
                s.intervalS = iv > 0 ? iv : DEFAULT_INTERVAL_S;
                next = s.intervalS * 1000L;
            } else {
                s.registered = false;
                s.failures++;
                LOG.warning(s.node + ": slurmctld refused the registration: " + r.getError() + " " + r.getMessage());
                next = Backoff.delayMs(s.failures, 1000, Math.max(maxBackoffMs, 1000));
            }
        } catch (RpcClient.UnreachableException e) {
            s.failures++;
            warnRateLimited(s.node + ": cannot reach slurmctld (" + e.getMessage() + "), retrying");
            next = Backoff.delayMs(s.failures, 1000, maxBackoffMs);
        } catch (RuntimeException e) {
            s.failures++;
            LOG.log(Level.WARNING, s.node + ": registration failed", e);
            next = Backoff.delayMs(s.failures, 1000, maxBackoffMs);
        } finally {
            limiter.release();
        }
        schedule(s, next);
    }

    private void warnRateLimited(String msg) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if ((last == 0 || now - last > TimeUnit.SECONDS.toNanos(60)) && lastWarning.compareAndSet(last, now)) {
            LOG.warning(msg);
        } else {
            LOG.fine(msg);
        }
    }

    @Override
    public void close() {
        closed = true;
        io.shutdownNow();
    }
}
