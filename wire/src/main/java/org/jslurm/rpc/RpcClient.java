package org.jslurm.rpc;

import com.google.protobuf.ByteString;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.function.Supplier;
import org.jslurm.model.SlurmError;
import org.jslurm.model.SlurmException;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;

/**
 * Sends one request and reads its response over a fresh connection, trying each address in turn
 * (primary controller first, then backups). Kept small on purpose: commands are short-lived JVMs.
 */
public final class RpcClient {
    /** A host and port to try. */
    public record Address(String host, int port) {}

    private final List<Address> addresses;
    private final Supplier<byte[]> credentials;
    private final int timeoutMs;

    public RpcClient(List<Address> addresses, Supplier<byte[]> credentials, int timeoutMs) {
        this.addresses = List.copyOf(addresses);
        this.credentials = credentials;
        this.timeoutMs = timeoutMs;
    }

    /**
     * Calls the first reachable address. Throws {@link SlurmException} when the reply carries an
     * error, and {@link UnreachableException} when nothing answered.
     */
    public Response call(Request.Builder request) {
        Response r = callRaw(request);
        if (!r.getError().isEmpty()) throw toException(r);
        return r;
    }

    /** Like {@link #call} but returns error replies instead of throwing them. */
    public Response callRaw(Request.Builder request) {
        byte[] payload = request.setCredential(ByteString.copyFrom(credentials.get())).build().toByteArray();
        IOException last = null;
        for (Address a : addresses) {
            try {
                return exchange(a, payload);
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UnreachableException(last);
    }

    private Response exchange(Address a, byte[] payload) throws IOException {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(a.host(), a.port()), timeoutMs);
            s.setSoTimeout(timeoutMs);
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            Frame.write(out, payload);
            InputStream in = new BufferedInputStream(s.getInputStream());
            Frame.Read f = Frame.read(in, Frame.DEFAULT_MAX_RESPONSE);
            if (f == null) throw new IOException("connection closed by " + a.host() + ":" + a.port());
            Response r = Response.parseFrom(f.payload());
            if (f.version() != Frame.PROTOCOL_VERSION && r.getError().isEmpty()) {
                throw new SlurmException(SlurmError.PROTOCOL_VERSION, "peer speaks protocol version " + f.version()
                        + ", this client " + Frame.PROTOCOL_VERSION);
            }
            return r;
        }
    }

    public static SlurmException toException(Response r) {
        SlurmError e;
        try {
            e = SlurmError.valueOf(r.getError());
        } catch (IllegalArgumentException unknown) {
            e = SlurmError.UNEXPECTED;
        }
        return new SlurmException(e, r.getMessage().isEmpty() ? e.message() : r.getMessage());
    }

    /** Nothing answered at any address. */
    public static final class UnreachableException extends RuntimeException {
        public UnreachableException(IOException cause) {
            super(cause == null ? "no address to try" : cause.getMessage(), cause);
        }
    }
}
