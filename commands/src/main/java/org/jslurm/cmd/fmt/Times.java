package org.jslurm.cmd.fmt;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The time formats Slurm's commands print. Durations are seconds, limits minutes, instants epoch
 * seconds. Limits use -1 for "infinite", -2 for "invalid" and anything below for "not set".
 */
public final class Times {
    private Times() {}

    public static final long INFINITE = -1;
    public static final long INVALID = -2;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.US);

    /** squeue's elapsed form: {@code 0:00}, {@code 5:07}, {@code 1:02:03}, {@code 2-03:04:05}; INVALID if negative. */
    public static String elapsed(long secs) {
        if (secs < 0) return "INVALID";
        long d = secs / 86400, h = secs / 3600 % 24, m = secs / 60 % 60, s = secs % 60;
        if (d > 0) return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", d, h, m, s);
        if (h > 0) return String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s);
        return String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** scontrol's duration form: {@code 00:05:00}, {@code 2-03:04:05}. */
    public static String clock(long secs) {
        if (secs < 0) secs = 0;
        long d = secs / 86400, h = secs / 3600 % 24, m = secs / 60 % 60, s = secs % 60;
        if (d > 0) return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", d, h, m, s);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s);
    }

    /** A job's limit as squeue prints it (%l): UNLIMITED, INVALID, NOT_SET or the elapsed form. */
    public static String limit(long minutes) {
        if (minutes == INFINITE) return "UNLIMITED";
        if (minutes == INVALID) return "INVALID";
        if (minutes < 0) return "NOT_SET";
        return elapsed(minutes * 60);
    }

    /** A limit as scontrol prints it (TimeLimit=, MaxTime=): UNLIMITED or the clock form. */
    public static String clockLimit(long minutes) {
        if (minutes == INFINITE) return "UNLIMITED";
        if (minutes == INVALID) return "INVALID";
        if (minutes < 0) return "NONE";
        return clock(minutes * 60);
    }

    /** A partition limit as sinfo prints it (%l): infinite or the elapsed form. */
    public static String sinfoLimit(long minutes) {
        if (minutes < 0) return "infinite";
        return elapsed(minutes * 60);
    }

    /** {@code 2026-11-22T03:56:41} in the given zone. */
    public static String iso(long epoch, ZoneId zone) {
        return ISO.format(Instant.ofEpochSecond(epoch).atZone(zone));
    }

    /** {@code iso} for a set time, {@code none} for 0. */
    public static String iso(long epoch, ZoneId zone, String none) {
        return epoch <= 0 ? none : iso(epoch, zone);
    }

    /** The date line of squeue -l / sinfo -l and sdiag's stamps: {@code Sun Nov 22 03:56:43 2026}. */
    public static String ctime(long epoch, ZoneId zone) {
        return CTIME.format(Instant.ofEpochSecond(epoch).atZone(zone));
    }
}
