package org.jslurm.cmd.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jslurm.cmd.Cluster;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;

/**
 * A cluster that answers from a function instead of a controller, and remembers every request,
 * so command tests need no network.
 */
public class FakeCluster extends Cluster {
    private final Function<Request, Response> answer;
    public final List<Request> requests = new ArrayList<>();
    public String name = "testcluster";
    public List<String> controllers = List.of("ctl1");
    /** Per controller index: the answer to a ping, or null to behave as unreachable. */
    public Function<Integer, Response> controllerAnswer = i -> Response.newBuilder().build();

    public FakeCluster(Function<Request, Response> answer) {
        super(Map.of(), "test");
        this.answer = answer;
    }

    @Override
    public Response call(Request.Builder request) {
        Request r = request.build();
        requests.add(r);
        Response resp = answer.apply(r);
        if (!resp.getError().isEmpty()) throw org.jslurm.rpc.RpcClient.toException(resp);
        return resp;
    }

    @Override
    public String clusterName() { return name; }

    @Override
    public List<String> controllerNames() { return controllers; }

    @Override
    public Response callController(int index, Request.Builder request) {
        requests.add(request.build());
        Response r = controllerAnswer.apply(index);
        if (r == null) throw new org.jslurm.rpc.RpcClient.UnreachableException(new java.io.IOException("refused"));
        return r;
    }

    /** A cluster whose controller never answers. */
    public static FakeCluster unreachable() {
        return new FakeCluster(r -> {
            throw new org.jslurm.rpc.RpcClient.UnreachableException(new java.io.IOException("refused"));
        });
    }

    /** An error reply, as the controller sends it. */
    public static Response error(org.jslurm.model.SlurmError e) {
        return Response.newBuilder().setError(e.name()).setMessage(e.message()).build();
    }
}
