package org.jslurm.auth;

/**
 * An authentication failure: a credential that cannot be issued, fetched or verified, or a
 * cluster key that cannot be used. The message is written to be shown to a user or an
 * administrator as it is ("credential expired", "cannot reach the jslurm credential service
 * at /run/jslurm/auth.sock: no such socket ...").
 */
public class AuthException extends Exception {

    public AuthException(String message) {
        super(message);
    }

    public AuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
