package org.jslurm.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredentialServerTest {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ClusterKey key = ClusterKey.of("test key: not secret at all, 32+".getBytes());
    private final Authenticator authenticator = new Authenticator(key, Clock.systemUTC());
    /** Under /tmp with mode 0755, so that an unprivileged child can reach the socket. */
    private Path dir;
    private Path socket;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "jslurm-auth-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        socket = dir.resolve("run/auth.sock");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private CredentialServer startServer(UserDb users) throws IOException {
        CredentialServer server = new CredentialServer(socket, key, users, TTL, Clock.systemUTC());
        toClose.add(server);
        server.start();
        return server;
    }

    @Test
    void issuesCredentialForTheCallersKernelIdentity() throws Exception {
        CredentialServer server = startServer(UserDb.system());
        assertTrue(server.isRunning());
        assertEquals(PosixFilePermissions.fromString("rw-rw-rw-"), Files.getPosixFilePermissions(socket));
        assertEquals(PosixFilePermissions.fromString("rwxr-xr-x"), Files.getPosixFilePermissions(socket.getParent()));

        byte[] cred = CredentialClient.fetch(socket, TIMEOUT);
        Identity id = authenticator.verify(cred);
        assertEquals(UserDb.currentUid(), id.uid());
        assertEquals(UserDb.currentGid(), id.gid());
        Credential c = Credential.decode(cred);
        assertEquals(TTL.toMillis(), c.expiresMillis() - c.issuedMillis());

        // Each request gets a fresh credential.
        byte[] again = CredentialClient.fetch(socket, TIMEOUT);
        assertFalse(Arrays.equals(cred, again));

        server.close();
        assertFalse(server.isRunning());
        assertFalse(Files.exists(socket));
        server.close(); // idempotent
    }

    @Test
    void ignoresWhatTheClientSends() throws Exception {
        startServer(UserDb.system());
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            // A version byte, then a claim to be root: neither matters. The service may have
            // answered and closed already, making the write fail; the answer is still there.
            try {
                ch.write(ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0}));
            } catch (IOException ignored) {
                // broken pipe
            }
            byte[] answer = readAll(ch);
            int n = ByteBuffer.wrap(answer).getInt();
            assertEquals(Credential.ENCODED_LENGTH, n);
            Identity id = authenticator.verify(Arrays.copyOfRange(answer, 4, 4 + n));
            assertEquals(UserDb.currentUid(), id.uid());
        }
    }

    @Test
    void clientsThatNeverReadDoNotStopTheService() throws Exception {
        startServer(UserDb.system());
        List<SocketChannel> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                idle.add(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
            }
            authenticator.verify(CredentialClient.fetch(socket, TIMEOUT));
        } finally {
            for (SocketChannel ch : idle) {
                ch.close();
            }
        }
    }

    @Test
    void reportsAMissingServiceClearly() {
        AuthException e = assertThrows(AuthException.class, () -> CredentialClient.fetch(socket, TIMEOUT));
        assertTrue(e.getMessage().startsWith("cannot reach the jslurm credential service at " + socket + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains("no such socket"), e.getMessage());
    }

    @Test
    void reportsARefusalFromTheService() throws Exception {
        // A user database that knows nobody: the service cannot name the caller's uid.
        Path none = dir.resolve("none");
        startServer(new UserDb(none, none, false));
        assumeTrue(UserDb.system().nameOf(UserDb.currentUid()).isPresent(),
                "the JDK reports unnamed users by number, which the service accepts");
        AuthException e = assertThrows(AuthException.class, () -> CredentialClient.fetch(socket, TIMEOUT));
        assertTrue(e.getMessage().startsWith("credential service: cannot map"), e.getMessage());
    }

    @Test
    void timesOutOnAServiceThatNeverAnswers() throws Exception {
        Files.createDirectories(socket.getParent());
        try (ServerSocketChannel mute = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            mute.bind(UnixDomainSocketAddress.of(socket));
            long start = System.nanoTime();
            AuthException e = assertThrows(AuthException.class,
                    () -> CredentialClient.fetch(socket, Duration.ofMillis(300)));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(e.getMessage().contains("did not answer within 300 ms"), e.getMessage());
            assertTrue(tookMillis >= 250 && tookMillis < 5000, "took " + tookMillis + " ms");
        }
    }

    @Test
    void replacesAStaleSocketButNotALiveOne() throws Exception {
        Files.createDirectories(socket.getParent());
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket)); // left behind, as by a crashed service
        startServer(UserDb.system());
        authenticator.verify(CredentialClient.fetch(socket, TIMEOUT));

        CredentialServer second = new CredentialServer(socket, key, UserDb.system(), TTL, Clock.systemUTC());
        IOException e = assertThrows(IOException.class, second::start);
        assertTrue(e.getMessage().contains("already listening"), e.getMessage());
        second.close();
        assertTrue(Files.exists(socket), "closing the failed second service must not remove the live socket");
        authenticator.verify(CredentialClient.fetch(socket, TIMEOUT));
    }

    @Test
    void refusesToReplaceAFileThatIsNotASocket() throws Exception {
        Files.createDirectories(socket.getParent());
        Files.writeString(socket, "precious");
        CredentialServer server = new CredentialServer(socket, key, UserDb.system(), TTL, Clock.systemUTC());
        assertThrows(FileAlreadyExistsException.class, server::start);
        server.close();
        assertEquals("precious", Files.readString(socket));
    }

    @Test
    void credentialForSignsLocallyWhenTheKeyIsReadable() throws Exception {
        Path keyPath = dir.resolve("slurm.key");
        ClusterKey local = ClusterKey.generate(keyPath);
        // No service is running: the credential must come from the key.
        byte[] cred = CredentialClient.credentialFor(keyPath, socket, Duration.ofSeconds(30));
        Identity id = new Authenticator(local, Clock.systemUTC()).verify(cred);
        assertEquals(UserDb.currentUid(), id.uid());
        assertEquals(UserDb.currentGid(), id.gid());
        Credential c = Credential.decode(cred);
        assertEquals(30_000, c.expiresMillis() - c.issuedMillis());
    }

    @Test
    void credentialForAsksTheServiceWithoutTheKey() throws Exception {
        startServer(UserDb.system());
        byte[] cred = CredentialClient.credentialFor(dir.resolve("unreadable.key"), socket, TTL);
        assertEquals(UserDb.currentUid(), authenticator.verify(cred).uid());
        AuthException e = assertThrows(AuthException.class,
                () -> CredentialClient.credentialFor(dir.resolve("unreadable.key"), null, TTL));
        assertTrue(e.getMessage().contains("no jslurm credential service is configured"), e.getMessage());
    }

    /**
     * Proves that the identity comes from the kernel: a child process running as uid/gid 65534
     * gets a credential for 65534, whatever it might claim.
     */
    @Test
    void identityComesFromTheKernelNotTheClient() throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        assumeTrue(UserDb.currentUid() == 0, "needs root to run a child as another user");
        assumeTrue(Files.isExecutable(setpriv), "needs " + setpriv);
        startServer(UserDb.system());

        // The child needs only PeerFetchMain.class; copy it where uid 65534 can read it.
        Path classes = dir.resolve("classes");
        Path classFile = classes.resolve("org/jslurm/auth/PeerFetchMain.class");
        Files.createDirectories(classFile.getParent());
        try (InputStream in = PeerFetchMain.class.getResourceAsStream("PeerFetchMain.class")) {
            Files.write(classFile, in.readAllBytes());
        }
        for (Path p = classFile.getParent(); !p.equals(dir); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(classFile, PosixFilePermissions.fromString("rw-r--r--"));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                java, "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-cp", classes.toString(),
                PeerFetchMain.class.getName(), socket.toString())
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not finish");
        assertEquals(0, p.exitValue(), "child failed");

        ByteBuffer answer = ByteBuffer.wrap(out);
        int n = answer.getInt();
        assertEquals(Credential.ENCODED_LENGTH, n, "answer: " + Arrays.toString(out));
        byte[] cred = Arrays.copyOfRange(out, 4, 4 + n);
        assertEquals(out.length, 4 + n);
        Identity id = authenticator.verify(cred);
        assertEquals(new Identity(65534, 65534), id);
        assertFalse(id.isRoot());
        assertArrayEquals(cred, Credential.decode(cred).encode());
    }

    private static byte[] readAll(SocketChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
            // until EOF
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }
}
