package org.jslurm.rpc;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jslurm.auth.AuthException;
import org.jslurm.auth.Authenticator;
import org.jslurm.auth.Identity;
import org.jslurm.model.SlurmError;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;

/**
 * A TCP server speaking framed protobuf. Each connection is served on its own virtual thread and
 * may carry several requests. Every request's credential is verified before its handler runs;
 * garbage, truncated frames, oversized frames and wrong protocol versions are answered (where a
 * reply is possible) and logged, and never disturb other connections.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RpcServer.class.getName());

    /** Serves one authenticated request. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Request request, Identity caller);
    }

    private final Authenticator auth;
    private final Handler handler;
    private final String name;
    private final int maxRequest;
    private final int readTimeoutMs;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private ServerSocket socket;
    private volatile boolean closed;

    public RpcServer(String name, Authenticator auth, Handler handler, int maxRequest, int readTimeoutMs) {
        this.name = name;
        this.auth = auth;
        this.handler = handler;
        this.maxRequest = maxRequest;
        this.readTimeoutMs = readTimeoutMs;
    }

    /** Binds and starts accepting. Port 0 picks an ephemeral port (see {@link #port()}). */
    public RpcServer start(String bindAddr, int port) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        InetAddress addr = bindAddr == null ? null : InetAddress.getByName(bindAddr);
        socket.bind(new InetSocketAddress(addr, port), 512);
        Thread.ofVirtual().name(name + "-accept").start(this::acceptLoop);
        return this;
    }

    public int port() { return socket.getLocalPort(); }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) LOG.log(Level.WARNING, name + ": accept failed: " + e.getMessage());
            }
        }
    }

    private void serve(Socket s) {
        String peer = String.valueOf(s.getRemoteSocketAddress());
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(readTimeoutMs);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            while (!closed) {
                Frame.Read frame;
                try {
                    frame = Frame.read(in, maxRequest);
                } catch (SocketTimeoutException e) {
                    return; // idle or stalled peer: drop it quietly
                } catch (Frame.BadFrameException e) {
                    LOG.warning(name + ": refused connection from " + peer + ": " + e.getMessage());
                    reply(out, error(SlurmError.BAD_REQUEST, e.getMessage()));
                    return;
                }
                if (frame == null) return;
                if (frame.version() != Frame.PROTOCOL_VERSION) {
                    String msg = "protocol version " + frame.version() + " is not supported; this " + name
                            + " speaks version " + Frame.PROTOCOL_VERSION;
                    LOG.warning(name + ": " + peer + ": " + msg);
                    reply(out, error(SlurmError.PROTOCOL_VERSION, msg));
                    return;
                }
                Request req;
                try {
                    req = Request.parseFrom(frame.payload());
                } catch (InvalidProtocolBufferException e) {
                    LOG.warning(name + ": undecodable request from " + peer + ": " + e.getMessage());
                    reply(out, error(SlurmError.BAD_REQUEST, "undecodable request"));
                    return;
                }
                Identity id;
                try {
                    id = auth.verify(req.getCredential().toByteArray());
                } catch (AuthException e) {
                    LOG.warning(name + ": authentication failed for " + req.getBodyCase() + " from " + peer + ": "
                            + e.getMessage());
                    reply(out, error(SlurmError.AUTHENTICATION, e.getMessage()));
                    return;
                }
                Response resp;
                try {
                    resp = handler.handle(req, id);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, name + ": handler failed on " + req.getBodyCase(), e);
                    resp = error(SlurmError.UNEXPECTED, "internal error: " + e);
                }
                reply(out, resp);
            }
        } catch (EOFException e) {
            LOG.fine(() -> name + ": truncated frame from " + peer);
        } catch (SocketException e) {
            LOG.fine(() -> name + ": connection from " + peer + " dropped: " + e.getMessage());
        } catch (IOException e) {
            LOG.fine(() -> name + ": i/o error with " + peer + ": " + e.getMessage());
        }
    }

    private static void reply(OutputStream out, Response r) throws IOException {
        Frame.write(out, r.toByteArray());
    }

    public static Response error(SlurmError e, String message) {
        return Response.newBuilder().setError(e.name()).setMessage(message == null ? e.message() : message).build();
    }

    public static Response error(SlurmError e) { return error(e, e.message()); }

    @Override
    public void close() {
        closed = true;
        try {
            if (socket != null) socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
