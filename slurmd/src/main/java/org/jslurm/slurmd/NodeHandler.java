package org.jslurm.slurmd;

import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import org.jslurm.auth.Identity;
import org.jslurm.launch.JobSupervisor;
import org.jslurm.launch.LaunchException;
import org.jslurm.launch.LaunchRequest;
import org.jslurm.model.Job;
import org.jslurm.model.SlurmError;
import org.jslurm.rpc.Convert;
import org.jslurm.rpc.RpcServer;
import org.jslurm.wire.proto.JobMsg;
import org.jslurm.wire.proto.LaunchBatch;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;
import org.jslurm.wire.proto.SignalJob;
import org.jslurm.wire.proto.TerminateJob;
import org.jslurm.wire.proto.Ok;

/**
 * Serves the requests slurmctld sends to a node's port: LaunchBatch, SignalJob, TerminateJob
 * (and Ping). Only root and SlurmUser may call. A request naming another node this process
 * serves is handed to that node (one JVM may run many emulated nodes).
 */
public final class NodeHandler implements RpcServer.Handler {
    private static final Logger LOG = Logger.getLogger(NodeHandler.class.getName());

    private final String portNode;
    private final Function<String, JobSupervisor> supervisors;
    private final Set<Integer> trustedUids;

    /**
     * @param portNode    the node whose port this handler serves
     * @param supervisors node name to its supervisor (null if not served here)
     * @param trustedUids uids allowed to call (root, SlurmUser, the daemon's own)
     */
    public NodeHandler(String portNode, Function<String, JobSupervisor> supervisors, Set<Integer> trustedUids) {
        this.portNode = portNode;
        this.supervisors = supervisors;
        this.trustedUids = Set.copyOf(trustedUids);
    }

    private static final Response OK = Response.newBuilder().setOk(Ok.getDefaultInstance()).build();

    @Override
    public Response handle(Request req, Identity caller) {
        if (!trustedUids.contains(caller.uid())) {
            LOG.warning(portNode + ": refused " + req.getBodyCase() + " from uid " + caller.uid());
            return RpcServer.error(SlurmError.ACCESS_DENIED, "slurmd on " + portNode + " accepts "
                    + req.getBodyCase().name().toLowerCase() + " only from root or SlurmUser, not from uid "
                    + caller.uid());
        }
        try {
            return switch (req.getBodyCase()) {
                case PING -> OK;
                case LAUNCH_BATCH -> launch(req.getLaunchBatch());
                case SIGNAL_JOB -> signal(req.getSignalJob());
                case TERMINATE_JOB -> terminate(req.getTerminateJob());
                default -> RpcServer.error(SlurmError.NOT_SUPPORTED, "slurmd does not serve "
                        + req.getBodyCase());
            };
        } catch (LaunchException e) {
            return RpcServer.error(e.error(), e.getMessage());
        }
    }

    private JobSupervisor target(String node) throws LaunchException {
        String name = node == null || node.isEmpty() ? portNode : node;
        JobSupervisor s = supervisors.apply(name);
        if (s == null) {
            throw new LaunchException(SlurmError.INVALID_NODE_NAME, "node " + name + " is not served by this slurmd");
        }
        return s;
    }

    private Response launch(LaunchBatch lb) throws LaunchException {
        JobSupervisor sup = target(lb.getNode());
        Job job;
        try {
            JobMsg m = lb.getJob();
            JobMsg.Builder b = m.toBuilder();
            if (m.getState().isEmpty()) b.setState("RUNNING");
            if (m.getHold().isEmpty()) b.setHold("NONE");
            job = Convert.fromMsg(b.build());
        } catch (IllegalArgumentException e) {
            throw new LaunchException(SlurmError.BAD_REQUEST, "undecodable job in launch request: " + e.getMessage());
        }
        sup.launch(new LaunchRequest(job, lb.getEnvList(), lb.getCluster(), lb.getProlog(), lb.getEpilog()));
        return OK;
    }

    private Response signal(SignalJob s) throws LaunchException {
        target(s.getNode()).signal(s.getJobId(), s.getSignal(), s.getBatchOnly());
        return OK;
    }

    private Response terminate(TerminateJob t) throws LaunchException {
        target(t.getNode()).terminate(t.getJobId(), t.getKillWaitS(), t.getEpilog(), t.getRunEpilog(), null);
        return OK;
    }
}
