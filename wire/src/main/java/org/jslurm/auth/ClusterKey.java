package org.jslurm.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cluster's shared secret ({@code slurm.key}), used to sign and verify credentials with
 * HMAC-SHA256.
 *
 * <p>The key file must be accessible by its owner only (mode 0600 or 0400): {@link #load}
 * refuses a key that group or others may read or write, because such a key lets any local user
 * forge any identity, root included.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} never reveals the secret.
 */
public final class ClusterKey {

    /** The shortest key accepted, in bytes. */
    public static final int MIN_LENGTH = 16;
    /** The length of keys written by {@link #generate}, in bytes. */
    public static final int GENERATED_LENGTH = 64;
    /** The longest key accepted, in bytes (a sanity limit: the file is read whole). */
    public static final int MAX_LENGTH = 1 << 20;
    /** The length of the MACs this key produces, in bytes. */
    public static final int MAC_LENGTH = 32;
    /** The credential lifetime used when {@code AuthInfo} sets no {@code ttl}. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private static final String ALGORITHM = "HmacSHA256";
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final SecretKeySpec secret;

    private ClusterKey(byte[] material) {
        this.secret = new SecretKeySpec(material, ALGORITHM);
    }

    /** A key made from the given bytes (for tests and tools; daemons {@link #load} the file). */
    public static ClusterKey of(byte[] material) {
        if (material.length < MIN_LENGTH) {
            throw new IllegalArgumentException(
                    "cluster key too short: " + material.length + " bytes, need at least " + MIN_LENGTH);
        }
        return new ClusterKey(material.clone());
    }

    /**
     * Loads the key from {@code path}.
     *
     * @throws AuthException if the file is missing or unreadable, is not a regular file, may be
     *     read or written by group or others, or holds fewer than {@value #MIN_LENGTH} bytes
     */
    public static ClusterKey load(Path path) throws AuthException {
        Set<PosixFilePermission> perms;
        try {
            if (!Files.isRegularFile(path)) {
                if (!Files.exists(path)) {
                    throw new AuthException("cluster key " + path + " does not exist");
                }
                throw new AuthException("cluster key " + path + " is not a regular file");
            }
            perms = Files.getPosixFilePermissions(path);
        } catch (AccessDeniedException e) {
            throw new AuthException("cannot read cluster key " + path + ": permission denied", e);
        } catch (UnsupportedOperationException e) {
            throw new AuthException("cannot check the permissions of cluster key " + path
                    + ": the file system has no POSIX permissions", e);
        } catch (IOException e) {
            throw new AuthException("cannot read cluster key " + path + ": " + reason(e), e);
        }
        if (!Collections.disjoint(perms, GROUP_OR_OTHER)) {
            throw new AuthException("cluster key " + path + " has mode "
                    + PosixFilePermissions.toString(perms) + " (0" + octal(perms)
                    + "): it must be accessible by its owner only (chmod 0600 " + path + ")");
        }
        byte[] material;
        try (InputStream in = Files.newInputStream(path)) {
            material = in.readNBytes(MAX_LENGTH + 1);
        } catch (AccessDeniedException e) {
            throw new AuthException("cannot read cluster key " + path + ": permission denied", e);
        } catch (IOException e) {
            throw new AuthException("cannot read cluster key " + path + ": " + reason(e), e);
        }
        try {
            if (material.length == 0) {
                throw new AuthException("cluster key " + path + " is empty");
            }
            if (material.length < MIN_LENGTH) {
                throw new AuthException("cluster key " + path + " is too short: " + material.length
                        + " bytes, need at least " + MIN_LENGTH);
            }
            if (material.length > MAX_LENGTH) {
                throw new AuthException("cluster key " + path + " is too long: more than "
                        + MAX_LENGTH + " bytes");
            }
            return new ClusterKey(material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * Writes a new random key of {@value #GENERATED_LENGTH} bytes to {@code path} with mode 0600
     * and returns it. Missing parent directories are created. The file is written to a temporary
     * name in the same directory and renamed into place, so readers never see a partial key; an
     * existing key at {@code path} is replaced.
     */
    public static ClusterKey generate(Path path) throws AuthException {
        byte[] material = new byte[GENERATED_LENGTH];
        Random.INSTANCE.nextBytes(material);
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(material);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return new ClusterKey(material);
        } catch (IOException | UnsupportedOperationException e) {
            throw new AuthException("cannot write cluster key " + path + ": " + reason(e), e);
        } finally {
            Arrays.fill(material, (byte) 0);
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** The default key location for a configuration file: {@code slurm.key} beside it. */
    public static Path defaultPath(Path slurmConfPath) {
        return slurmConfPath.resolveSibling("slurm.key");
    }

    /** HMAC-SHA256 of {@code data} under this key ({@value #MAC_LENGTH} bytes). */
    public byte[] hmac(byte[] data) {
        return newMac().doFinal(data);
    }

    /** Whether {@code mac} is the HMAC of {@code data} under this key; constant-time. */
    public boolean verify(byte[] data, byte[] mac) {
        if (mac == null || mac.length != MAC_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(hmac(data), mac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required of every Java platform.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ClusterKey[" + ALGORITHM + ", " + secret.getEncoded().length + " bytes]";
    }

    // ---- AuthInfo ---------------------------------------------------------------------------

    /**
     * The key file named by a slurm.conf {@code AuthInfo} value
     * ({@code socket=/run/jslurm/auth.sock,ttl=60,key=/etc/slurm/slurm.key}), if any.
     */
    public static Optional<Path> keyFromAuthInfo(String authInfo) {
        return authInfoOption(authInfo, "key").map(Path::of);
    }

    /**
     * The credential service socket named by an {@code AuthInfo} value, if any: its
     * {@code socket=} option, or, as Slurm accepts for {@code auth/munge}, a value that is a bare
     * absolute path.
     */
    public static Optional<Path> socketFromAuthInfo(String authInfo) {
        Optional<String> socket = authInfoOption(authInfo, "socket");
        if (socket.isEmpty() && authInfo != null) {
            String v = authInfo.strip();
            if (v.startsWith("/") && v.indexOf('=') < 0 && v.indexOf(',') < 0) {
                return Optional.of(Path.of(v));
            }
        }
        return socket.map(Path::of);
    }

    /**
     * The credential lifetime set by an {@code AuthInfo} value's {@code ttl=} option (whole
     * seconds), or {@link #DEFAULT_TTL} (60 s).
     *
     * @throws IllegalArgumentException if {@code ttl} is not a positive whole number of seconds
     */
    public static Duration ttlFromAuthInfo(String authInfo) {
        Optional<String> ttl = authInfoOption(authInfo, "ttl");
        if (ttl.isEmpty()) {
            return DEFAULT_TTL;
        }
        long seconds;
        try {
            seconds = Long.parseLong(ttl.get());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds <= 0 || seconds > Duration.ofDays(365).toSeconds()) {
            throw new IllegalArgumentException(
                    "AuthInfo ttl=" + ttl.get() + " is not a positive number of seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    /** The value of one {@code name=value} option of a comma-separated AuthInfo value; last wins. */
    static Optional<String> authInfoOption(String authInfo, String name) {
        if (authInfo == null) {
            return Optional.empty();
        }
        String found = null;
        for (String item : authInfo.split(",")) {
            int eq = item.indexOf('=');
            if (eq > 0 && item.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String value = item.substring(eq + 1).strip();
                found = value.isEmpty() ? null : value;
            }
        }
        return Optional.ofNullable(found);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static String octal(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format("%03o", mode);
    }

    static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Lazily created so that loading this class costs no entropy gathering. */
    static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();

        private Random() {}
    }
}
