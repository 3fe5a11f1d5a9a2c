package org.jslurm.slurmd;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.jslurm.auth.Authenticator;
import org.jslurm.auth.ClusterKey;
import org.jslurm.auth.Credential;

/**
 * slurmd's only contact with the auth package: the cluster key (AuthInfo key=..., else slurm.key
 * next to slurm.conf), the verifier for requests on the node ports, and the credentials slurmd
 * signs for its own requests to slurmctld.
 */
final class Security {
    private Security() {}

    static final Duration CREDENTIAL_TTL = Duration.ofSeconds(60);

    static Path keyPath(SlurmdConfig cfg) {
        return ClusterKey.keyFromAuthInfo(cfg.authInfo()).orElse(ClusterKey.defaultPath(cfg.confPath()));
    }

    static ClusterKey loadKey(Path path) throws Exception {
        return ClusterKey.load(path);
    }

    /**
     * Replays are not rejected: several node ports of one process share nothing, and a
     * controller may reuse a credential for a burst of requests to one node.
     */
    static Authenticator authenticator(ClusterKey key) {
        return new Authenticator(key, Clock.systemUTC(), false);
    }

    static Supplier<byte[]> credentials(ClusterKey key, int uid, int gid) {
        return () -> {
            try {
                return Credential.issue(key, uid, gid, CREDENTIAL_TTL, Clock.systemUTC()).encode();
            } catch (Exception e) {
                throw new IllegalStateException("cannot sign a credential: " + e.getMessage(), e);
            }
        };
    }
}
