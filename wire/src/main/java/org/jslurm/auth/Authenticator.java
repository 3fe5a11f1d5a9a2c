package org.jslurm.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies encoded {@link Credential}s against the cluster key and a clock.
 *
 * <p>A credential is accepted when its MAC is right, it has not expired, and it was not issued
 * more than {@link #MAX_CLOCK_SKEW} in the future (hosts' clocks differ a little). Optionally
 * ({@code rejectReplays}), a credential is accepted only once: the (uid, nonce) pairs seen are
 * remembered until the credential expires. That is off by default, because a daemon may
 * legitimately present one credential for each of a connection's several frames.
 *
 * <p>Thread-safe. Logs nothing: failures are reported as {@link AuthException}s whose message
 * says why.
 */
public final class Authenticator {

    /** How far in the future a credential's issue time may be before it is refused. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(30);
    /** The default bound on the number of credentials remembered for replay detection. */
    public static final int DEFAULT_REPLAY_CACHE_SIZE = 100_000;

    private final ClusterKey key;
    private final Clock clock;
    private final boolean rejectReplays;
    private final int replayCacheSize;
    /** (uid, nonce) -> expiresMillis; guarded by itself. */
    private final Map<ReplayKey, Long> seen = new HashMap<>();
    /** When the expired entries of {@link #seen} were last dropped; guarded by {@link #seen}. */
    private long lastPrune = Long.MIN_VALUE;

    /** An authenticator that does not reject replays. */
    public Authenticator(ClusterKey key, Clock clock) {
        this(key, clock, false);
    }

    public Authenticator(ClusterKey key, Clock clock, boolean rejectReplays) {
        this(key, clock, rejectReplays, DEFAULT_REPLAY_CACHE_SIZE);
    }

    /**
     * @param replayCacheSize the most credentials remembered at once; when that many unexpired
     *     credentials are remembered, new ones are refused ("try again") rather than forgetting a
     *     credential that could then be replayed
     */
    public Authenticator(ClusterKey key, Clock clock, boolean rejectReplays, int replayCacheSize) {
        if (replayCacheSize <= 0) {
            throw new IllegalArgumentException("replayCacheSize must be positive: " + replayCacheSize);
        }
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rejectReplays = rejectReplays;
        this.replayCacheSize = replayCacheSize;
    }

    /**
     * Verifies an encoded credential and returns the identity it vouches for.
     *
     * @throws AuthException if it is malformed ("malformed credential: ..."), its signature is
     *     wrong ("invalid credential signature"), it has expired ("credential expired"), it was
     *     issued too far in the future, or it is a replay
     */
    public Identity verify(byte[] encodedCredential) throws AuthException {
        Credential c = Credential.decode(encodedCredential);
        if (!c.isSignedBy(key)) {
            throw new AuthException("invalid credential signature");
        }
        long now = clock.millis();
        if (c.expiresMillis() < c.issuedMillis()) {
            throw new AuthException("invalid credential: expires before it was issued");
        }
        if (now > c.expiresMillis()) {
            throw new AuthException("credential expired");
        }
        if (c.issuedMillis() - now > MAX_CLOCK_SKEW.toMillis()) {
            throw new AuthException("credential issued in the future (by "
                    + Duration.ofMillis(c.issuedMillis() - now).toSeconds()
                    + " s): check that the hosts' clocks agree");
        }
        if (rejectReplays) {
            remember(new ReplayKey(c.uid(), c.nonce()), c.expiresMillis(), now);
        }
        return c.identity();
    }

    /** Whether this authenticator refuses a credential it has already accepted. */
    public boolean rejectsReplays() {
        return rejectReplays;
    }

    /** The number of credentials currently remembered for replay detection. */
    int replayCacheEntries() {
        synchronized (seen) {
            return seen.size();
        }
    }

    private void remember(ReplayKey k, long expires, long now) throws AuthException {
        synchronized (seen) {
            // A full scan at most once a second, or every 10 ms while the cache is full.
            long sincePrune = now - lastPrune;
            if (lastPrune == Long.MIN_VALUE || sincePrune < 0 || sincePrune >= 1000
                    || (seen.size() >= replayCacheSize && sincePrune >= 10)) {
                prune(now);
            }
            if (seen.containsKey(k)) {
                throw new AuthException("credential replayed: it has already been used");
            }
            if (seen.size() >= replayCacheSize) {
                throw new AuthException("too many credentials in use; try again shortly");
            }
            seen.put(k, expires);
        }
    }

    /** Forgets credentials that have expired (they are refused as expired from now on). */
    private void prune(long now) {
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next() < now) {
                it.remove();
            }
        }
        lastPrune = now;
    }

    private record ReplayKey(int uid, long nonce) {}
}
