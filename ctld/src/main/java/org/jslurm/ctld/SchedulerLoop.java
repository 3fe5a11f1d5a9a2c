package org.jslurm.ctld;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.jslurm.sched.FifoScheduler;
import org.jslurm.sched.Plan;

/**
 * Runs scheduling passes on its own thread: when woken (a submission, a job end, a node coming
 * back) and at least once a second. A pass reads a lock-free view of the state and computes a
 * plan; only applying the plan takes the controller's lock, briefly. RPCs never wait for it.
 */
final class SchedulerLoop {
    private static final Logger LOG = Logger.getLogger(SchedulerLoop.class.getName());
    private static final long MIN_GAP_NANOS = 2_000_000; // coalesce bursts of wake-ups

    private final Controller ctl;
    private final FifoScheduler scheduler;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean stopped;

    SchedulerLoop(Controller ctl, FifoScheduler scheduler) {
        this.ctl = ctl;
        this.scheduler = scheduler;
    }

    void start() {
        Thread.ofPlatform().name("scheduler").daemon(true).start(this::loop);
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    void stop() { stopped = true; wake(); }

    private void loop() {
        long lastPass = 0;
        while (!stopped) {
            try {
                synchronized (signal) {
                    if (!woken) signal.wait(1000);
                    woken = false;
                }
                long gap = System.nanoTime() - lastPass;
                if (gap < MIN_GAP_NANOS) Thread.sleep((MIN_GAP_NANOS - gap) / 1_000_000, 0);
                lastPass = System.nanoTime();
                pass();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "scheduling pass failed", e);
            }
        }
    }

    void pass() {
        long t0 = System.nanoTime();
        var state = ctl.state();
        Plan plan = scheduler.schedule(state.jobs(), state.nodes(), state.partitions(), ctl.now());
        long us = (System.nanoTime() - t0) / 1000;
        ctl.stats().schedCycle(us, plan.depth(), plan.reasons().size());
        ctl.applyPlan(plan);
    }
}
