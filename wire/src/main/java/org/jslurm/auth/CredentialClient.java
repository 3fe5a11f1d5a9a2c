package org.jslurm.auth;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Obtains a credential for the calling process: signed locally when it can read the cluster key,
 * otherwise from the local {@link CredentialServer}.
 *
 * <p>Made for short-lived commands: no threads, no reflection, nothing done at class load.
 */
public final class CredentialClient {

    /** Where the credential service listens unless {@code AuthInfo} says otherwise. */
    public static final Path DEFAULT_SOCKET = Path.of("/run/jslurm/auth.sock");
    /** How long {@link #credentialFor} waits for the credential service. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private CredentialClient() {}

    /**
     * A credential for this process, encoded. If {@code keyPath} names a key file this process
     * can read (root, SlurmUser), the credential is signed here for the process's own effective
     * uid and gid, with lifetime {@code ttl}; otherwise it is fetched from the credential service
     * at {@code socketPath} (which sets the lifetime).
     *
     * @param keyPath the cluster key, or null to always use the service
     * @param socketPath the credential service's socket, or null if there is none
     * @throws AuthException if the key is readable but unusable (e.g. its mode is too open), or
     *     the service cannot be reached or refuses
     */
    public static byte[] credentialFor(Path keyPath, Path socketPath, Duration ttl) throws AuthException {
        if (keyPath != null && Files.isReadable(keyPath)) {
            ClusterKey key = ClusterKey.load(keyPath);
            return Credential.issue(key, UserDb.currentUid(), UserDb.currentGid(), ttl, Clock.systemUTC())
                    .encode();
        }
        if (socketPath == null) {
            throw new AuthException("cannot read the cluster key " + keyPath
                    + " and no jslurm credential service is configured (AuthInfo socket=...)");
        }
        return fetch(socketPath, DEFAULT_TIMEOUT);
    }

    /**
     * Asks the credential service at {@code socketPath} for a credential and returns it encoded.
     *
     * @throws AuthException if the service cannot be reached, does not answer within
     *     {@code timeout}, refuses, or answers with something that is not a credential
     */
    public static byte[] fetch(Path socketPath, Duration timeout) throws AuthException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                ch.connect(UnixDomainSocketAddress.of(socketPath));
            } catch (IOException e) {
                throw unreachable(socketPath, e);
            }
            ch.configureBlocking(false);
            try (Selector selector = Selector.open()) {
                ch.register(selector, SelectionKey.OP_READ);
                ByteBuffer header = ByteBuffer.allocate(4);
                readFully(ch, selector, header, deadline, socketPath, timeout);
                int n = header.flip().getInt();
                if (n == 0 || n > CredentialServer.MAX_FRAME || n < -CredentialServer.MAX_FRAME) {
                    throw new AuthException("the jslurm credential service at " + socketPath
                            + " sent a malformed answer (length " + n + ")");
                }
                ByteBuffer body = ByteBuffer.allocate(Math.abs(n));
                readFully(ch, selector, body, deadline, socketPath, timeout);
                if (n < 0) {
                    throw new AuthException(new String(body.array(), StandardCharsets.UTF_8));
                }
                byte[] encoded = body.array();
                try {
                    Credential.decode(encoded);
                } catch (AuthException e) {
                    throw new AuthException("the jslurm credential service at " + socketPath
                            + " sent a " + e.getMessage(), e);
                }
                return encoded;
            }
        } catch (IOException e) {
            throw new AuthException("error talking to the jslurm credential service at " + socketPath
                    + ": " + ClusterKey.reason(e), e);
        }
    }

    private static void readFully(SocketChannel ch, Selector selector, ByteBuffer buf, long deadline,
                                  Path socketPath, Duration timeout) throws IOException, AuthException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf);
            if (n < 0) {
                throw new AuthException("the jslurm credential service at " + socketPath
                        + " closed the connection without answering");
            }
            if (n == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AuthException("the jslurm credential service at " + socketPath
                            + " did not answer within " + timeout.toMillis() + " ms");
                }
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                selector.selectedKeys().clear();
            }
        }
    }

    private static AuthException unreachable(Path socketPath, IOException e) {
        String reason;
        if (!Files.exists(socketPath)) {
            reason = "no such socket (is the credential service running?)";
        } else if (e instanceof ConnectException) {
            reason = "connection refused (is the credential service running?)";
        } else {
            reason = ClusterKey.reason(e);
        }
        return new AuthException("cannot reach the jslurm credential service at " + socketPath + ": " + reason, e);
    }
}
