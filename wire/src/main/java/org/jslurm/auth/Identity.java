package org.jslurm.auth;
/** STUB: replaced by the auth package (branch h4). */
public record Identity(int uid, int gid) { public boolean isRoot() { return uid == 0; } }
