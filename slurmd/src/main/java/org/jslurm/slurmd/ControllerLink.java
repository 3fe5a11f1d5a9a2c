package org.jslurm.slurmd;

import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;

/** Sends a request to slurmctld. Tests plug in fakes; production uses {@link RpcClient#callRaw}. */
@FunctionalInterface
public interface ControllerLink {
    /**
     * Returns the controller's reply, error replies included.
     *
     * @throws RpcClient.UnreachableException when no controller answered
     */
    Response call(Request.Builder request);

    static ControllerLink of(RpcClient client) { return client::callRaw; }
}
