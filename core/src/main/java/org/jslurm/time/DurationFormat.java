package org.jslurm.time;

/** Renders durations the way Slurm's commands print them. */
final class DurationFormat {

    private DurationFormat() {
    }

    /** {@code m:ss}, {@code h:mm:ss} or {@code d-hh:mm:ss}: the squeue/sinfo style. */
    static String compact(long seconds) {
        if (seconds < 0) {
            return "INVALID";
        }
        long days = seconds / 86_400;
        long hours = seconds / 3_600 % 24;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        StringBuilder out = new StringBuilder(16);
        if (days > 0) {
            out.append(days).append('-');
            two(out, hours).append(':');
            two(out, minutes);
        } else if (hours > 0) {
            out.append(hours).append(':');
            two(out, minutes);
        } else {
            out.append(minutes);
        }
        out.append(':');
        return two(out, secs).toString();
    }

    /** {@code hh:mm:ss} or {@code d-hh:mm:ss}: the scontrol style, always zero-padded. */
    static String padded(long seconds) {
        long days = seconds / 86_400;
        StringBuilder out = new StringBuilder(16);
        if (days > 0) {
            out.append(days).append('-');
        }
        two(out, seconds / 3_600 % 24).append(':');
        two(out, seconds / 60 % 60).append(':');
        return two(out, seconds % 60).toString();
    }

    private static StringBuilder two(StringBuilder out, long value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
