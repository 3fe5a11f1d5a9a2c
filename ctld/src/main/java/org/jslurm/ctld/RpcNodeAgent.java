package org.jslurm.ctld;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.jslurm.model.Job;
import org.jslurm.model.Node;
import org.jslurm.model.SlurmError;
import org.jslurm.model.SlurmException;
import org.jslurm.rpc.Convert;
import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.LaunchBatch;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.SignalJob;
import org.jslurm.wire.proto.TerminateJob;

/** Talks to node daemons over the wire, each call on its own virtual thread. */
final class RpcNodeAgent implements NodeAgent {
    private static final Logger LOG = Logger.getLogger(RpcNodeAgent.class.getName());

    private final Supplier<byte[]> credentials;
    private final Settings settings;
    private final int timeoutMs;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    RpcNodeAgent(Supplier<byte[]> credentials, Settings settings, int timeoutMs) {
        this.credentials = credentials;
        this.settings = settings;
        this.timeoutMs = timeoutMs;
    }

    private RpcClient client(Node n) {
        return new RpcClient(List.of(new RpcClient.Address(n.spec().addr(), n.spec().port())), credentials, timeoutMs);
    }

    @Override
    public void launch(Job job, Node host, LaunchCallback callback) {
        threads.execute(() -> {
            LaunchBatch.Builder m = LaunchBatch.newBuilder().setJob(Convert.toMsg(job, true)).setNode(host.name())
                    .setCluster(settings.clusterName());
            if (settings.prolog() != null) m.setProlog(settings.prolog());
            if (settings.epilog() != null) m.setEpilog(settings.epilog());
            try {
                client(host).call(Request.newBuilder().setLaunchBatch(m));
                callback.launched(job, LaunchResult.OK, null);
            } catch (SlurmException e) {
                callback.launched(job, e.error() == SlurmError.PROLOG_FAILED ? LaunchResult.PROLOG_FAILED
                        : LaunchResult.REFUSED, e.getMessage());
            } catch (RpcClient.UnreachableException e) {
                callback.launched(job, LaunchResult.UNREACHABLE, e.getMessage());
            }
        });
    }

    @Override
    public void terminate(Job job, List<Node> nodes) {
        for (Node n : nodes) {
            threads.execute(() -> {
                TerminateJob.Builder m = TerminateJob.newBuilder().setNode(n.name()).setJobId(job.id())
                        .setKillWaitS(settings.killWaitS()).setRunEpilog(settings.epilog() != null);
                if (settings.epilog() != null) m.setEpilog(settings.epilog());
                send(n, Request.newBuilder().setTerminateJob(m), "terminate job " + job.id());
            });
        }
    }

    @Override
    public void signal(Job job, List<Node> nodes, int signal, boolean batchOnly) {
        for (Node n : nodes) {
            threads.execute(() -> send(n, Request.newBuilder().setSignalJob(SignalJob.newBuilder().setNode(n.name())
                    .setJobId(job.id()).setSignal(signal).setBatchOnly(batchOnly)), "signal job " + job.id()));
        }
    }

    private void send(Node n, Request.Builder r, String what) {
        try {
            client(n).call(r);
        } catch (RuntimeException e) {
            LOG.warning(what + " on " + n.name() + " failed: " + e.getMessage());
        }
    }
}
