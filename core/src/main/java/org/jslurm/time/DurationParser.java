package org.jslurm.time;

/** Parses Slurm duration strings ({@code -t/--time}, {@code MaxTime}) into minutes. */
final class DurationParser {

    /** Enough for any sane limit, small enough that the arithmetic below cannot overflow. */
    private static final int MAX_FIELD_DIGITS = 9;

    private DurationParser() {
    }

    static long parseMinutes(String s) {
        if (s == null) {
            throw new IllegalArgumentException("time limit is null");
        }
        String t = s.strip();
        if (t.equalsIgnoreCase("INFINITE") || t.equalsIgnoreCase("UNLIMITED")) {
            return SlurmTime.INFINITE;
        }
        // Slurm takes "--time=-5" and leaves the job with an invalid limit instead of refusing;
        // the rest must still be well formed.
        if (t.startsWith("-")) {
            parseSeconds(t.substring(1), s);
            return SlurmTime.INVALID;
        }
        long seconds = parseSeconds(t, s);
        return (seconds + 59) / 60;
    }

    /** Accepts M, M:S, H:M:S, D-H, D-H:M, D-H:M:S and returns the total seconds. */
    private static long parseSeconds(String t, String original) {
        int dash = t.indexOf('-');
        if (dash >= 0) {
            long days = field(t.substring(0, dash), original);
            long[] f = fields(t.substring(dash + 1), original);
            long hours = f[0];
            long minutes = f.length > 1 ? f[1] : 0;
            long seconds = f.length > 2 ? f[2] : 0;
            return ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
        }
        long[] f = fields(t, original);
        return switch (f.length) {
            case 1 -> f[0] * 60;
            case 2 -> f[0] * 60 + f[1];
            default -> (f[0] * 60 + f[1]) * 60 + f[2];
        };
    }

    private static long[] fields(String text, String original) {
        String[] parts = text.split(":", -1);
        if (parts.length > 3) {
            throw bad(original, "too many ':' fields");
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = field(parts[i], original);
        }
        return values;
    }

    private static long field(String text, String original) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(original, "expected digits, got '" + text + "'");
        }
        if (text.length() > MAX_FIELD_DIGITS) {
            throw bad(original, "number too large");
        }
        return Long.parseLong(text);
    }

    private static IllegalArgumentException bad(String original, String why) {
        return new IllegalArgumentException("invalid time specification '" + original
                + "' (" + why + "); use [days-]hours:minutes:seconds, minutes, or UNLIMITED");
    }
}
