package org.jslurm.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(60);

    private final ClusterKey key = ClusterKey.of(bytes(64, 1));
    private final MutableClock clock = new MutableClock(T0);

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private byte[] issue(int uid, int gid) {
        return Credential.issue(key, uid, gid, TTL, clock).encode();
    }

    private static String refusal(Authenticator a, byte[] cred) {
        return assertThrows(AuthException.class, () -> a.verify(cred)).getMessage();
    }

    @Test
    void issueVerifyRoundTrip() throws Exception {
        Authenticator a = new Authenticator(key, clock);
        Identity id = a.verify(issue(1234, 567));
        assertEquals(new Identity(1234, 567), id);
        assertFalse(id.isRoot());
        assertTrue(a.verify(issue(0, 0)).isRoot());
        // Unsigned ids survive the round trip.
        assertEquals(-2, a.verify(issue(-2, -2)).uid());
    }

    @Test
    void encodeDecodeRoundTripAndValueSemantics() throws Exception {
        Credential c = Credential.issue(key, 1000, 100, TTL, clock);
        byte[] encoded = c.encode();
        assertEquals(Credential.ENCODED_LENGTH, encoded.length);
        assertEquals(Credential.VERSION, encoded[0]);
        Credential d = Credential.decode(encoded);
        assertEquals(c, d);
        assertEquals(c.hashCode(), d.hashCode());
        assertArrayEquals(encoded, d.encode());
        assertEquals(T0.toEpochMilli(), d.issuedMillis());
        assertEquals(T0.plus(TTL).toEpochMilli(), d.expiresMillis());
        assertTrue(d.toString().contains("uid=1000"), d.toString());
        assertTrue(d.toString().contains("2025-03-01T12:00:00Z"), d.toString());
        // The record does not expose its array.
        d.mac()[0] ^= 1;
        assertEquals(c, d);
        // Fresh nonces.
        assertNotEquals(c.nonce(), Credential.issue(key, 1000, 100, TTL, clock).nonce());
        assertTrue(c.isSignedBy(key));
        assertFalse(c.isSignedBy(ClusterKey.of(bytes(64, 2))));
    }

    @Test
    void refusesTamperedMac() {
        Authenticator a = new Authenticator(key, clock);
        byte[] cred = issue(1000, 100);
        cred[cred.length - 1] ^= 0x01;
        assertEquals("invalid credential signature", refusal(a, cred));
    }

    @Test
    void refusesTamperedUidGidAndTimes() {
        Authenticator a = new Authenticator(key, clock);
        byte[] cred = issue(1000, 100);
        byte[] asRoot = cred.clone();
        ByteBuffer.wrap(asRoot).putInt(1, 0);
        assertEquals("invalid credential signature", refusal(a, asRoot));
        byte[] otherGid = cred.clone();
        ByteBuffer.wrap(otherGid).putInt(5, 0);
        assertEquals("invalid credential signature", refusal(a, otherGid));
        byte[] longer = cred.clone();
        ByteBuffer.wrap(longer).putLong(17, Long.MAX_VALUE);
        assertEquals("invalid credential signature", refusal(a, longer));
        // Every single-bit change is refused.
        for (int bit = 0; bit < cred.length * 8; bit++) {
            byte[] flipped = cred.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThrows(AuthException.class, () -> a.verify(flipped), "bit " + bit);
        }
    }

    @Test
    void refusesCredentialSignedWithAnotherKey() {
        Authenticator a = new Authenticator(ClusterKey.of(bytes(64, 2)), clock);
        assertEquals("invalid credential signature", refusal(a, issue(1000, 100)));
    }

    @Test
    void refusesExpired() throws Exception {
        Authenticator a = new Authenticator(key, clock);
        byte[] cred = issue(1000, 100);
        clock.advance(TTL);
        a.verify(cred); // valid through its last millisecond
        clock.advance(Duration.ofMillis(1));
        assertEquals("credential expired", refusal(a, cred));
        clock.advance(Duration.ofDays(1));
        assertEquals("credential expired", refusal(a, cred));
    }

    @Test
    void refusesCredentialFromTheFuture() throws Exception {
        Authenticator a = new Authenticator(key, clock);
        clock.advance(Duration.ofSeconds(31));
        byte[] farFuture = issue(1000, 100);
        clock.advance(Duration.ofSeconds(-2));
        byte[] nearFuture = issue(1000, 100);
        clock.set(T0);
        assertTrue(refusal(a, farFuture).startsWith("credential issued in the future"));
        assertEquals(1000, a.verify(nearFuture).uid()); // 29 s of skew is tolerated
    }

    @Test
    void refusesLifetimeEndingBeforeItStarts() {
        // Only a key holder can make one, but it must still not be accepted.
        long now = T0.toEpochMilli();
        byte[] payload = Credential.payload(5, 5, now, now - 1, 42);
        byte[] cred = new Credential(5, 5, now, now - 1, 42, key.hmac(payload)).encode();
        assertTrue(refusal(new Authenticator(key, clock), cred).contains("expires before"));
    }

    @Test
    void replaysAllowedByDefault() throws Exception {
        Authenticator a = new Authenticator(key, clock);
        assertFalse(a.rejectsReplays());
        byte[] cred = issue(1000, 100);
        a.verify(cred);
        a.verify(cred);
        assertEquals(0, a.replayCacheEntries());
    }

    @Test
    void replaysRefusedWhenEnabled() throws Exception {
        Authenticator a = new Authenticator(key, clock, true);
        byte[] cred = issue(1000, 100);
        a.verify(cred);
        assertTrue(refusal(a, cred).startsWith("credential replayed"));
        a.verify(issue(1000, 100)); // another credential of the same user is fine
        assertEquals(2, a.replayCacheEntries());
        // Once expired, entries are forgotten (the credential is refused as expired instead).
        clock.advance(TTL.plusSeconds(5));
        a.verify(issue(1000, 100));
        assertEquals(1, a.replayCacheEntries());
        assertEquals("credential expired", refusal(a, cred));
    }

    @Test
    void fullReplayCacheRefusesRatherThanForgets() throws Exception {
        Authenticator a = new Authenticator(key, clock, true, 3);
        byte[][] creds = {issue(1, 1), issue(2, 2), issue(3, 3)};
        for (byte[] c : creds) {
            a.verify(c);
        }
        assertTrue(refusal(a, issue(4, 4)).startsWith("too many credentials"));
        for (byte[] c : creds) {
            assertTrue(refusal(a, c).startsWith("credential replayed"));
        }
        clock.advance(TTL.plusMillis(1));
        a.verify(issue(4, 4));
    }

    @Test
    void decodeOfGarbageIsAlwaysAnAuthException() {
        Authenticator a = new Authenticator(key, clock, true);
        Random random = new Random(20250301L);
        for (int i = 0; i < 10_000; i++) {
            int length = switch (i % 4) {
                case 0 -> Credential.ENCODED_LENGTH;
                case 1 -> random.nextInt(Credential.ENCODED_LENGTH * 2);
                case 2 -> random.nextInt(8);
                default -> Credential.ENCODED_LENGTH + random.nextInt(3) - 1;
            };
            byte[] junk = new byte[length];
            random.nextBytes(junk);
            if (length > 0 && random.nextBoolean()) {
                junk[0] = Credential.VERSION;
            }
            try {
                a.verify(junk);
                fail("accepted random bytes: " + Arrays.toString(junk));
            } catch (AuthException expected) {
                // good
            } catch (RuntimeException e) {
                throw new AssertionError("unchecked exception for input " + Arrays.toString(junk), e);
            }
        }
        assertThrows(AuthException.class, () -> Credential.decode(null));
        assertThrows(AuthException.class, () -> a.verify(null));
    }

    @Test
    void truncatedOrExtendedCredentialIsAnAuthException() throws Exception {
        Authenticator a = new Authenticator(key, clock);
        byte[] cred = issue(1000, 100);
        for (int n = 0; n < cred.length; n++) {
            byte[] prefix = Arrays.copyOf(cred, n);
            AuthException e = assertThrows(AuthException.class, () -> Credential.decode(prefix), "length " + n);
            assertTrue(e.getMessage().startsWith("malformed credential"), e.getMessage());
            assertThrows(AuthException.class, () -> a.verify(prefix));
        }
        assertThrows(AuthException.class, () -> a.verify(Arrays.copyOf(cred, cred.length + 1)));
        byte[] otherVersion = cred.clone();
        otherVersion[0] = 2;
        assertTrue(assertThrows(AuthException.class, () -> Credential.decode(otherVersion))
                .getMessage().contains("unsupported version 2"));
        a.verify(cred);
    }
}
