package org.jslurm.auth;
import java.time.Clock;
/** STUB: replaced by the auth package (branch h4). */
public class Authenticator {
    public Authenticator() {}
    public Authenticator(ClusterKey key, Clock clock, boolean rejectReplays) {}
    public Identity verify(byte[] cred) throws AuthException { throw new AuthException("stub"); }
}
