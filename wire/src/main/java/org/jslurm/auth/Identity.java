package org.jslurm.auth;

/**
 * The authenticated identity a verified credential vouches for: the numeric user and primary
 * group id of the process that obtained it.
 */
public record Identity(int uid, int gid) {

    /** Whether this is the super-user (uid 0). */
    public boolean isRoot() {
        return uid == 0;
    }

    @Override
    public String toString() {
        return "uid=" + Integer.toUnsignedString(uid) + " gid=" + Integer.toUnsignedString(gid);
    }
}
