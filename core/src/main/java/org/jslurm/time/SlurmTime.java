package org.jslurm.time;
/** STUB: replaced by branch h1. */
public final class SlurmTime {
    public static final long INFINITE = -1;
    public static final long INVALID = -2;
    public static long parseMinutes(String s) { return Long.parseLong(s); }
}
