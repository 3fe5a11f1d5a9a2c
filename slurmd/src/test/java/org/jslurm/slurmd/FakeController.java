package org.jslurm.slurmd;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jslurm.rpc.Frame;
import org.jslurm.wire.proto.Ok;
import org.jslurm.wire.proto.RegisterReply;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;

/**
 * A stand-in slurmctld speaking the real framing on a real socket: records every request and
 * answers NodeRegister with a heartbeat interval and everything else with Ok. Credentials are
 * not checked (the auth package is tested elsewhere).
 */
final class FakeController implements AutoCloseable {
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ServerSocket socket;
    private final int heartbeatS;
    private volatile boolean closed;

    FakeController(int port, int heartbeatS) throws IOException {
        this.heartbeatS = heartbeatS;
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread.ofVirtual().start(this::accept);
    }

    int port() { return socket.getLocalPort(); }

    /** A port nothing listens on (yet). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            Frame.Read f;
            while (!closed && (f = Frame.read(in, Frame.DEFAULT_MAX_REQUEST)) != null) {
                Request r = Request.parseFrom(f.payload());
                requests.add(r);
                Response.Builder resp = Response.newBuilder();
                if (r.hasNodeRegister()) {
                    resp.setRegister(RegisterReply.newBuilder().setHeartbeatIntervalS(heartbeatS));
                } else {
                    resp.setOk(Ok.getDefaultInstance());
                }
                Frame.write(out, resp.build().toByteArray());
            }
        } catch (IOException e) {
            // peer went away
        }
    }

    List<Request> of(Request.BodyCase kind) {
        return requests.stream().filter(r -> r.getBodyCase() == kind).toList();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
    }
}
