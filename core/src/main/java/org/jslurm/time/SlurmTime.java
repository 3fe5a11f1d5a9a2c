package org.jslurm.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Time limits, durations and timestamps in the formats Slurm's commands read and print. */
public final class SlurmTime {

    /** A limit of {@code INFINITE}/{@code UNLIMITED}. */
    public static final long INFINITE = -1;

    /** A negative limit such as {@code --time=-5}: accepted, but shown as {@code INVALID}. */
    public static final long INVALID = -2;

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private SlurmTime() {
    }

    /**
     * Parses a time limit: {@code M}, {@code M:S}, {@code H:M:S}, {@code D-H}, {@code D-H:M},
     * {@code D-H:M:S}, or {@code INFINITE}/{@code UNLIMITED} (any case). Seconds round up to
     * the next whole minute.
     *
     * <p>{@code "0"} returns 0; what a zero limit means (Slurm's sbatch treats {@code -t 0} as no
     * limit) is left to the caller.
     *
     * @return minutes, {@link #INFINITE}, or {@link #INVALID} for a negative value like {@code -5}
     * @throws IllegalArgumentException for anything else
     */
    public static long parseMinutes(String s) {
        return DurationParser.parseMinutes(s);
    }

    /**
     * Elapsed time as in squeue's TIME column: {@code 0:00}, {@code 5:07}, {@code 1:02:03},
     * {@code 2-03:04:05}. Negative input gives {@code INVALID}.
     */
    public static String formatDuration(long seconds) {
        return DurationFormat.compact(seconds);
    }

    /**
     * A limit in minutes as in squeue's TIME_LIMIT column: {@code UNLIMITED}, {@code INVALID}
     * (any other negative value), else like {@link #formatDuration}: {@code 5:00},
     * {@code 1:00:00}, {@code 1-00:00:00}.
     */
    public static String formatLimit(long minutes) {
        if (minutes == INFINITE) {
            return "UNLIMITED";
        }
        return minutes < 0 ? "INVALID" : DurationFormat.compact(minutes * 60);
    }

    /**
     * A limit in minutes as scontrol prints it: {@code UNLIMITED}, {@code INVALID}, else
     * {@code 00:05:00} or {@code 1-00:00:00}. (An unset partition DefaultTime prints as
     * {@code NONE}; that choice belongs to the caller.)
     */
    public static String formatLimitScontrol(long minutes) {
        if (minutes == INFINITE) {
            return "UNLIMITED";
        }
        return minutes < 0 ? "INVALID" : DurationFormat.padded(minutes * 60);
    }

    /** A limit in minutes as in sinfo's TIMELIMIT column: {@code infinite}, {@code 5:00}, ... */
    public static String formatLimitSinfo(long minutes) {
        if (minutes == INFINITE) {
            return "infinite";
        }
        return minutes < 0 ? "invalid" : DurationFormat.compact(minutes * 60);
    }

    /** {@code 2026-11-22T03:56:41} in the given zone. */
    public static String formatTimestamp(long epochSeconds, ZoneId zone) {
        return TIMESTAMP.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), zone));
    }

    /** Like {@link #formatTimestamp}, but 0 (Slurm's "never") prints as {@code ifZero}. */
    public static String formatTimestampOr(long epochSeconds, String ifZero, ZoneId zone) {
        return epochSeconds == 0 ? ifZero : formatTimestamp(epochSeconds, zone);
    }

    /**
     * Parses a point in time as {@code --begin} and {@code sacct -S} accept it:
     * {@code YYYY-MM-DD[THH:MM[:SS]]}, {@code HH:MM[:SS][AM|PM]} (today, or tomorrow if
     * already past), {@code now[+|-count[seconds|minutes|hours|days|weeks]]} (seconds by
     * default), {@code today}, {@code tomorrow}, {@code midnight}, {@code noon}, {@code fika},
     * {@code teatime}, {@code MMDDYY}, {@code MM/DD[/YY]}, and any date form followed by
     * {@code T} and a time. Case-insensitive.
     *
     * @return seconds since the epoch
     * @throws IllegalArgumentException for anything else
     */
    public static long parseTimestamp(String s, long nowEpochSec, ZoneId zone) {
        return TimestampParser.parse(s, nowEpochSec, zone);
    }
}
