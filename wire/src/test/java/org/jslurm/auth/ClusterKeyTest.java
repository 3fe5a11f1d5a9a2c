package org.jslurm.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterKeyTest {

    @TempDir
    Path dir;

    private Path keyFile(String mode, int length) throws IOException {
        Path p = dir.resolve("slurm.key");
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + 1);
        }
        Files.write(p, bytes);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }

    @Test
    void refusesKeyReadableByOthers() throws Exception {
        Path p = keyFile("rw-r--r--", 64);
        AuthException e = assertThrows(AuthException.class, () -> ClusterKey.load(p));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("0644"), e.getMessage());
        assertTrue(e.getMessage().contains("chmod 0600"), e.getMessage());
    }

    @Test
    void refusesKeyAccessibleByGroup() throws Exception {
        for (String mode : new String[] {"rw-r-----", "rw--w----", "rw-----w-", "r-------x"}) {
            Path p = keyFile(mode, 64);
            assertThrows(AuthException.class, () -> ClusterKey.load(p), mode);
        }
    }

    @Test
    void accepts0600And0400() throws Exception {
        ClusterKey a = ClusterKey.load(keyFile("rw-------", 64));
        ClusterKey b = ClusterKey.load(keyFile("r--------", 64));
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(a.hmac(data), b.hmac(data));
        assertEquals(ClusterKey.MAC_LENGTH, a.hmac(data).length);
    }

    @Test
    void refusesEmptyShortAndMissingKeys() throws Exception {
        Path empty = keyFile("rw-------", 0);
        assertTrue(assertThrows(AuthException.class, () -> ClusterKey.load(empty)).getMessage().contains("empty"));
        Path shortKey = keyFile("rw-------", 15);
        assertTrue(assertThrows(AuthException.class, () -> ClusterKey.load(shortKey)).getMessage().contains("too short"));
        ClusterKey.load(keyFile("rw-------", 16));
        Path missing = dir.resolve("nope.key");
        AuthException e = assertThrows(AuthException.class, () -> ClusterKey.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertThrows(AuthException.class, () -> ClusterKey.load(dir));
    }

    @Test
    void generateThenLoadRoundTrip() throws Exception {
        Path p = dir.resolve("etc/slurm/slurm.key");
        ClusterKey generated = ClusterKey.generate(p);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(p));
        assertEquals(ClusterKey.GENERATED_LENGTH, Files.size(p));
        ClusterKey loaded = ClusterKey.load(p);
        byte[] data = {1, 2, 3};
        assertArrayEquals(generated.hmac(data), loaded.hmac(data));
        assertTrue(loaded.verify(data, generated.hmac(data)));

        // Generating again replaces the key atomically and leaves no temporary files behind.
        ClusterKey second = ClusterKey.generate(p);
        assertFalse(loaded.verify(data, second.hmac(data)));
        assertTrue(ClusterKey.load(p).verify(data, second.hmac(data)));
        try (Stream<Path> files = Files.list(p.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void verifyIsStrict() {
        ClusterKey k = ClusterKey.of(new byte[32]);
        byte[] data = {9, 9, 9};
        byte[] mac = k.hmac(data);
        assertTrue(k.verify(data, mac));
        mac[5] ^= 1;
        assertFalse(k.verify(data, mac));
        assertFalse(k.verify(data, new byte[0]));
        assertFalse(k.verify(data, null));
        assertFalse(k.verify(new byte[] {9, 9}, k.hmac(data)));
        assertThrows(IllegalArgumentException.class, () -> ClusterKey.of(new byte[15]));
    }

    @Test
    void toStringDoesNotRevealTheKey() {
        byte[] material = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        String s = ClusterKey.of(material).toString();
        assertFalse(s.contains("0123"), s);
    }

    @Test
    void defaultPathIsBesideSlurmConf() {
        assertEquals(Path.of("/etc/slurm/slurm.key"), ClusterKey.defaultPath(Path.of("/etc/slurm/slurm.conf")));
    }

    @Test
    void parsesAuthInfo() {
        String info = "socket=/x/auth.sock, ttl=90 ,key=/etc/slurm/slurm.key";
        assertEquals(Optional.of(Path.of("/etc/slurm/slurm.key")), ClusterKey.keyFromAuthInfo(info));
        assertEquals(Optional.of(Path.of("/x/auth.sock")), ClusterKey.socketFromAuthInfo(info));
        assertEquals(Duration.ofSeconds(90), ClusterKey.ttlFromAuthInfo(info));

        assertEquals(Optional.empty(), ClusterKey.keyFromAuthInfo(null));
        assertEquals(Optional.empty(), ClusterKey.keyFromAuthInfo(""));
        assertEquals(Optional.empty(), ClusterKey.keyFromAuthInfo("socket=/x"));
        assertEquals(Optional.empty(), ClusterKey.keyFromAuthInfo("key="));
        assertEquals(Duration.ofSeconds(60), ClusterKey.ttlFromAuthInfo(null));
        assertEquals(Duration.ofSeconds(60), ClusterKey.ttlFromAuthInfo("key=/k"));
        assertEquals(Optional.of(Path.of("/run/munge/munge.socket.2")),
                ClusterKey.socketFromAuthInfo("/run/munge/munge.socket.2"));
        assertThrows(IllegalArgumentException.class, () -> ClusterKey.ttlFromAuthInfo("ttl=0"));
        assertThrows(IllegalArgumentException.class, () -> ClusterKey.ttlFromAuthInfo("ttl=-5"));
        assertThrows(IllegalArgumentException.class, () -> ClusterKey.ttlFromAuthInfo("ttl=1m"));
    }
}
