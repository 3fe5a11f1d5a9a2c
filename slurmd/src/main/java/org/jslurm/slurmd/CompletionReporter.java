package org.jslurm.slurmd;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.jslurm.launch.JobSupervisor;
import org.jslurm.wire.proto.JobComplete;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;

/**
 * Sends JobComplete for each finished batch job until slurmctld answers (an Ok, or any error: the
 * controller then knows the job's fate better than we do), retrying with backoff while it is
 * unreachable. The outcome stays in the job's spool directory until acknowledged, so a restart
 * re-sends it.
 */
public final class CompletionReporter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CompletionReporter.class.getName());

    private final ControllerLink ctl;
    private final ScheduledExecutorService sched;
    private final Consumer<JobSupervisor.Outcome> acknowledged;
    private final long maxBackoffMs;
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean closed;

    public CompletionReporter(ControllerLink ctl, ScheduledExecutorService sched,
                              Consumer<JobSupervisor.Outcome> acknowledged, long maxBackoffMs) {
        this.ctl = ctl;
        this.sched = sched;
        this.acknowledged = acknowledged;
        this.maxBackoffMs = maxBackoffMs;
    }

    public void submit(JobSupervisor.Outcome o) {
        if (!closed) io.execute(() -> attempt(o, 1));
    }

    private void attempt(JobSupervisor.Outcome o, int n) {
        if (closed) return;
        JobComplete msg = JobComplete.newBuilder().setNode(o.node()).setJobId(o.jobId())
                .setExitCode(o.exitCode()).setSignal(o.signal()).build();
        try {
            Response r = ctl.call(Request.newBuilder().setJobComplete(msg));
            if (!r.getError().isEmpty()) {
                LOG.info("job " + o.jobId() + ": slurmctld answered the completion from " + o.node() + " with "
                        + r.getError() + " " + r.getMessage());
            } else {
                LOG.fine(() -> "job " + o.jobId() + ": completion acknowledged");
            }
            acknowledged.accept(o);
        } catch (RuntimeException e) { // unreachable, or a reply we could not use: try again later
            long d = Backoff.delayMs(n, 1000, maxBackoffMs);
            if (n == 1 || n % 10 == 0) {
                LOG.warning("job " + o.jobId() + ": cannot report completion to slurmctld (" + e.getMessage()
                        + "), retrying");
            }
            if (!closed) {
                sched.schedule(() -> {
                    if (!closed) io.execute(() -> attempt(o, n + 1));
                }, d, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        io.shutdownNow();
    }
}
