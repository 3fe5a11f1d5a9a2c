package org.jslurm.cmd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;

/**
 * A cluster for command tests: records each request and answers with the next scripted reply
 * (a response, or an exception such as SlurmException or RpcClient.UnreachableException, as the
 * real client would throw). Running out of replies fails the test.
 */
public class ScriptedCluster extends Cluster {
    public final List<Request> requests = new ArrayList<>();
    private final Deque<Function<Request, Response>> replies = new ArrayDeque<>();

    public ScriptedCluster() { super(Map.of(), "test"); }

    public ScriptedCluster reply(Response r) {
        replies.add(req -> r);
        return this;
    }

    public ScriptedCluster fail(RuntimeException e) {
        replies.add(req -> { throw e; });
        return this;
    }

    public ScriptedCluster answer(Function<Request, Response> f) {
        replies.add(f);
        return this;
    }

    @Override
    public Response call(Request.Builder request) {
        Request r = request.build();
        requests.add(r);
        Function<Request, Response> f = replies.poll();
        if (f == null) throw new AssertionError("unexpected request: " + r);
        return f.apply(r);
    }

    public Request last() { return requests.get(requests.size() - 1); }
}
