package org.jslurm.auth;
/** STUB: replaced by the auth package (branch h4). */
public class Authenticator {
    public Identity verify(byte[] cred) throws AuthException { throw new AuthException("stub"); }
}
