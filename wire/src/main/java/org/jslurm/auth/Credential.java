package org.jslurm.auth;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A signed statement "the holder is uid {@code uid}, gid {@code gid}, from {@code issuedMillis}
 * until {@code expiresMillis}", with a random {@code nonce} and the HMAC-SHA256 {@code mac} of
 * those fields under the cluster key.
 *
 * <p>Wire form ({@link #encode}), {@value #ENCODED_LENGTH} bytes, big-endian, fixed layout:
 * <pre>
 *   offset  size  field
 *        0     1  version (1)
 *        1     4  uid            (unsigned 32-bit, as the kernel's uid_t)
 *        5     4  gid
 *        9     8  issuedMillis   (ms since the epoch)
 *       17     8  expiresMillis
 *       25     8  nonce
 *       33    32  mac = HMAC-SHA256(key, bytes 0..32)
 * </pre>
 * The first {@value #PAYLOAD_LENGTH} bytes are the {@linkplain #signedPayload() signed payload}.
 * Version numbers are reserved for this structure: anything else signed with the cluster key must
 * use a payload that cannot be mistaken for it.
 *
 * <p>Records compare by value ({@code mac} by content); the {@code mac} array is copied in and
 * out, so an instance is immutable.
 */
public record Credential(int uid, int gid, long issuedMillis, long expiresMillis, long nonce, byte[] mac) {

    /** The format version this code writes and accepts. */
    public static final byte VERSION = 1;
    /** Length of the signed part of the encoding. */
    public static final int PAYLOAD_LENGTH = 1 + 4 + 4 + 8 + 8 + 8;
    /** Length of the whole encoding. */
    public static final int ENCODED_LENGTH = PAYLOAD_LENGTH + ClusterKey.MAC_LENGTH;

    public Credential {
        if (mac == null || mac.length != ClusterKey.MAC_LENGTH) {
            throw new IllegalArgumentException("credential MAC must be " + ClusterKey.MAC_LENGTH + " bytes");
        }
        mac = mac.clone();
    }

    /**
     * Issues a credential for {@code uid}/{@code gid}, valid from now (by {@code clock}) for
     * {@code ttl}, with a fresh random nonce.
     */
    public static Credential issue(ClusterKey key, int uid, int gid, Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("credential lifetime must be positive: " + ttl);
        }
        long issued = clock.millis();
        long expires;
        try {
            expires = Math.addExact(issued, ttl.toMillis());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("credential lifetime too long: " + ttl, e);
        }
        long nonce = ClusterKey.Random.INSTANCE.nextLong();
        byte[] payload = payload(uid, gid, issued, expires, nonce);
        return new Credential(uid, gid, issued, expires, nonce, key.hmac(payload));
    }

    /** The MAC (a copy). */
    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /** The identity this credential vouches for (whether or not it is valid). */
    public Identity identity() {
        return new Identity(uid, gid);
    }

    /** The bytes the MAC is computed over. */
    public byte[] signedPayload() {
        return payload(uid, gid, issuedMillis, expiresMillis, nonce);
    }

    /** Whether the MAC is right for the other fields under {@code key} (constant-time). */
    public boolean isSignedBy(ClusterKey key) {
        return key.verify(signedPayload(), mac);
    }

    /** The wire form, {@value #ENCODED_LENGTH} bytes. */
    public byte[] encode() {
        return ByteBuffer.allocate(ENCODED_LENGTH)
                .put(signedPayload())
                .put(mac)
                .array();
    }

    /**
     * Parses the wire form. This checks the structure only; use an {@link Authenticator} to
     * check the signature and validity period.
     *
     * @throws AuthException if {@code encoded} is null, not exactly {@value #ENCODED_LENGTH}
     *     bytes, or of an unknown version
     */
    public static Credential decode(byte[] encoded) throws AuthException {
        if (encoded == null || encoded.length == 0) {
            throw new AuthException("malformed credential: empty");
        }
        if (encoded[0] != VERSION) {
            throw new AuthException("malformed credential: unsupported version " + (encoded[0] & 0xff));
        }
        if (encoded.length != ENCODED_LENGTH) {
            throw new AuthException("malformed credential: " + encoded.length + " bytes, expected "
                    + ENCODED_LENGTH);
        }
        ByteBuffer in = ByteBuffer.wrap(encoded);
        in.get(); // version
        int uid = in.getInt();
        int gid = in.getInt();
        long issued = in.getLong();
        long expires = in.getLong();
        long nonce = in.getLong();
        byte[] mac = new byte[ClusterKey.MAC_LENGTH];
        in.get(mac);
        return new Credential(uid, gid, issued, expires, nonce, mac);
    }

    static byte[] payload(int uid, int gid, long issued, long expires, long nonce) {
        return ByteBuffer.allocate(PAYLOAD_LENGTH)
                .put(VERSION)
                .putInt(uid)
                .putInt(gid)
                .putLong(issued)
                .putLong(expires)
                .putLong(nonce)
                .array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credential c
                && uid == c.uid && gid == c.gid
                && issuedMillis == c.issuedMillis && expiresMillis == c.expiresMillis
                && nonce == c.nonce && Arrays.equals(mac, c.mac);
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(uid);
        h = 31 * h + Integer.hashCode(gid);
        h = 31 * h + Long.hashCode(issuedMillis);
        h = 31 * h + Long.hashCode(expiresMillis);
        h = 31 * h + Long.hashCode(nonce);
        return 31 * h + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "Credential[uid=" + Integer.toUnsignedString(uid)
                + ", gid=" + Integer.toUnsignedString(gid)
                + ", issued=" + instant(issuedMillis)
                + ", expires=" + instant(expiresMillis)
                + ", nonce=" + HexFormat.of().toHexDigits(nonce)
                + ", mac=" + HexFormat.of().formatHex(mac, 0, 8) + "...]";
    }

    private static String instant(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
