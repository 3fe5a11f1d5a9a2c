package org.jslurm.auth;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The local credential service (the role of munged or Slurm's sackd): issues credentials to
 * processes on this host that cannot read the cluster key.
 *
 * <p>It listens on a Unix-domain socket that every local user may connect to. For each
 * connection it asks the kernel who the peer is ({@code SO_PEERCRED}: the effective uid and gid
 * the peer had when it connected), issues a {@link Credential} for that uid and gid, writes it,
 * and closes the connection. Nothing the client sends is read or trusted.
 *
 * <p>Protocol: the client connects and may send nothing (or a version byte, which is ignored;
 * the service may have answered and closed before it arrives, so a client must not treat a failed
 * write as an error and should just read the answer). The server answers with a 4-byte big-endian signed length {@code n}, then {@code n} bytes of
 * {@linkplain Credential#encode() encoded credential} if {@code n > 0}, or {@code -n} bytes of
 * UTF-8 error message if {@code n < 0}. See {@link CredentialClient}.
 *
 * <p>Each connection is served on its own virtual thread and never blocks: the answer is far
 * smaller than a socket buffer, and is written in non-blocking mode, so a client that never reads
 * costs nothing once its answer is queued.
 */
public final class CredentialServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CredentialServer.class.getName());
    /** Largest frame body, either way; far above a credential's size. */
    static final int MAX_FRAME = 4096;
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private final Path socketPath;
    private final ClusterKey key;
    private final UserDb users;
    private final Duration ttl;
    private final Clock clock;

    private final Object lock = new Object();
    private ServerSocketChannel server;
    private Thread acceptor;
    /** The inode of the socket file we created, so close() never deletes someone else's. */
    private Object socketFileKey;
    private volatile boolean closed;

    public CredentialServer(Path socketPath, ClusterKey key, UserDb users, Duration ttl, Clock clock) {
        this.socketPath = socketPath.toAbsolutePath();
        this.key = Objects.requireNonNull(key, "key");
        this.users = Objects.requireNonNull(users, "users");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("credential lifetime must be positive: " + ttl);
        }
    }

    /** The socket this service listens (or will listen) on. */
    public Path socketPath() {
        return socketPath;
    }

    /**
     * Binds the socket and starts serving. Creates the socket's directory if missing (mode 0755).
     * A socket file left behind by a service that is gone is replaced.
     *
     * @throws IOException if the socket cannot be bound, another service answers on it, or the
     *     path is taken by something that is not a socket
     * @throws IllegalStateException if already started or closed
     */
    public void start() throws IOException {
        synchronized (lock) {
            if (closed || server != null) {
                throw new IllegalStateException("credential service already " + (closed ? "closed" : "started"));
            }
            Path dir = socketPath.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system; leave it as created
                }
            }
            removeStaleSocket();
            ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.bind(UnixDomainSocketAddress.of(socketPath), 128);
            } catch (IOException e) {
                ch.close();
                throw new IOException("cannot listen on " + socketPath + ": " + ClusterKey.reason(e), e);
            }
            try {
                socketFileKey = Files.readAttributes(socketPath, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS).fileKey();
                // Every local user must be able to connect; identity comes from the kernel.
                Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rw-rw-rw-"));
            } catch (IOException | RuntimeException e) {
                ch.close();
                deleteOwnSocket();
                throw e;
            }
            server = ch;
            acceptor = Thread.ofVirtual().name("jslurm-auth-accept").start(this::acceptLoop);
        }
    }

    /** Whether {@link #start()} succeeded and {@link #close()} has not been called. */
    public boolean isRunning() {
        synchronized (lock) {
            return server != null && !closed;
        }
    }

    /** Stops serving and deletes the socket file. Idempotent. */
    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            t = acceptor;
            if (server != null) {
                try {
                    server.close();
                } catch (IOException e) {
                    LOG.log(Level.DEBUG, "closing " + socketPath, e);
                }
            }
            deleteOwnSocket();
        }
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- serving ----------------------------------------------------------------------------

    private void acceptLoop() {
        while (!closed) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // e.g. out of file descriptors: back off instead of spinning
                LOG.log(Level.WARNING, "credential service on " + socketPath + ": accept failed: " + e);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    return;
                }
                continue;
            }
            Thread.ofVirtual().name("jslurm-auth-conn").start(() -> serve(ch));
        }
    }

    private void serve(SocketChannel ch) {
        try (ch) {
            ch.configureBlocking(false);
            ByteBuffer answer;
            try {
                UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
                String userName = peer.user().getName();
                String groupName = peer.group().getName();
                int uid = resolve(users.uidOf(userName), userName, "user");
                int gid = resolve(users.gidOf(groupName), groupName, "group");
                byte[] cred = Credential.issue(key, uid, gid, ttl, clock).encode();
                answer = ByteBuffer.allocate(4 + cred.length).putInt(cred.length).put(cred).flip();
            } catch (AuthException | IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "credential service on " + socketPath + ": refused a request: "
                        + e.getMessage());
                byte[] msg = ("credential service: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
                int n = Math.min(msg.length, MAX_FRAME);
                answer = ByteBuffer.allocate(4 + n).putInt(-n).put(msg, 0, n).flip();
            }
            ch.write(answer); // non-blocking; a fresh socket's buffer holds far more than this
            drain(ch);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "credential service connection: " + e);
        }
    }

    /**
     * Reads whatever the client already sent, so that closing does not make the kernel reset the
     * connection (a Unix-domain peer closing with unread data gets ECONNRESET).
     */
    private static void drain(SocketChannel ch) throws IOException {
        ByteBuffer sink = ByteBuffer.allocate(256);
        for (int i = 0; i < 4; i++) {
            sink.clear();
            if (ch.read(sink) <= 0) {
                return;
            }
        }
    }

    /**
     * Maps a name from SO_PEERCRED to an id. The JDK names the peer by looking its id up (NSS);
     * when there is no such entry it gives the number itself.
     */
    private static int resolve(OptionalInt byName, String name, String what) throws AuthException {
        if (byName.isPresent()) {
            return byName.getAsInt();
        }
        if (!name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Integer.parseUnsignedInt(name);
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new AuthException("cannot map the connecting process's " + what + " '" + name + "' to an id");
    }

    // ---- the socket file --------------------------------------------------------------------

    private void removeStaleSocket() throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(socketPath, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!isSocket(attrs)) {
            throw new FileAlreadyExistsException(socketPath.toString(), null,
                    "exists and is not a socket; refusing to replace it");
        }
        try {
            SocketChannel.open(UnixDomainSocketAddress.of(socketPath)).close();
        } catch (ConnectException e) {
            // nobody home: a leftover of a service that died
            LOG.log(Level.INFO, "removing stale socket " + socketPath);
            Files.deleteIfExists(socketPath);
            return;
        }
        throw new IOException("another credential service is already listening on " + socketPath);
    }

    private boolean isSocket(BasicFileAttributes attrs) throws IOException {
        try {
            Object mode = Files.getAttribute(socketPath, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return mode instanceof Integer m && (m & S_IFMT) == S_IFSOCK;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return attrs.isOther();
        }
    }

    private void deleteOwnSocket() {
        try {
            Object fileKey = Files.readAttributes(socketPath, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey();
            if (socketFileKey != null && socketFileKey.equals(fileKey)) {
                Files.deleteIfExists(socketPath);
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove " + socketPath + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "CredentialServer[" + socketPath + (isRunning() ? ", running" : "") + "]";
    }
}
