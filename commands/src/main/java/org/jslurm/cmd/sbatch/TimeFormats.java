package org.jslurm.cmd.sbatch;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Slurm's time formats as sbatch checks them: durations for {@code --time}/{@code --time-min}
 * and points in time for {@code --begin}/{@code --deadline}.
 *
 * TODO(merge): use org.jslurm.time.SlurmTime.parseMinutes (and its date parser) once
 * org.jslurm.time is in this tree; the behaviour below was checked against sbatch 22.05.
 */
final class TimeFormats {
    private TimeFormats() {}

    /** No limit (Slurm's INFINITE). */
    static final long INFINITE = -1;
    /** A limit Slurm accepted but could not make sense of: the job shows TIME_LIMIT INVALID. */
    static final long INVALID = -2;

    /**
     * A duration in minutes, rounding seconds up: {@code M}, {@code M:S}, {@code H:M:S},
     * {@code D-H}, {@code D-H:M}, {@code D-H:M:S} (fields may exceed 59 or 23; {@code D-}
     * alone is D days), or {@code UNLIMITED}/{@code INFINITE}/{@code -1}. Zero means no limit.
     * A negative number of minutes is accepted as {@link #INVALID}, as Slurm does. Empty for
     * anything else, including surrounding blanks.
     */
    // TODO(merge): use org.jslurm.time.SlurmTime.parseMinutes
    static OptionalLong parseMinutes(String s) {
        if (s == null || s.isEmpty()) return OptionalLong.empty();
        String u = s.toUpperCase(Locale.ROOT);
        if (u.equals("-1") || u.equals("INFINITE") || u.equals("UNLIMITED")) return OptionalLong.of(INFINITE);
        if (s.charAt(0) == '-') {
            // strtol-style "-N": Slurm keeps the negative value, which the controller flags INVALID
            if (s.length() > 1 && allDigits(s, 1, s.length())) {
                return OptionalLong.of(isZero(s.substring(1)) ? INFINITE : INVALID);
            }
            return OptionalLong.empty();
        }
        long days = 0;
        String rest = s;
        int dash = s.indexOf('-');
        boolean withDays = dash >= 0;
        if (withDays) {
            String d = s.substring(0, dash);
            if (d.isEmpty() || !allDigits(d, 0, d.length())) return OptionalLong.empty();
            days = parse(d);
            rest = s.substring(dash + 1);
            if (rest.isEmpty()) return result(days * 1440);
        }
        String[] f = rest.split(":", -1);
        if (f.length > 3) return OptionalLong.empty();
        long[] v = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            if (f[i].isEmpty() || !allDigits(f[i], 0, f[i].length())) return OptionalLong.empty();
            v[i] = parse(f[i]);
        }
        long hours = 0, minutes = 0, seconds = 0;
        if (withDays) {
            hours = v[0];
            if (v.length > 1) minutes = v[1];
            if (v.length > 2) seconds = v[2];
        } else if (v.length == 1) {
            minutes = v[0];
        } else if (v.length == 2) {
            minutes = v[0];
            seconds = v[1];
        } else {
            hours = v[0];
            minutes = v[1];
            seconds = v[2];
        }
        return result(((days * 24 + hours) * 60 + minutes) + (seconds + 59) / 60);
    }

    private static OptionalLong result(long minutes) {
        if (minutes == 0) return OptionalLong.of(INFINITE);
        // Slurm keeps minutes in 32 bits and treats the top of the range as "no limit"
        if (minutes >= Integer.MAX_VALUE) return OptionalLong.of(INFINITE);
        return OptionalLong.of(minutes);
    }

    private static boolean isZero(String digits) { return digits.chars().allMatch(c -> c == '0'); }

    private static long parse(String digits) {
        // saturate instead of overflowing: huge values end up as "no limit" either way
        return digits.length() > 12 ? 999_999_999_999L : Long.parseLong(digits);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return from < to;
    }

    // ---------------------------------------------------------------- points in time

    /**
     * Checks a {@code --begin}/{@code --deadline} value; returns -1 when valid, else the position
     * Slurm reports ({@code Invalid time specification (pos=N): ...}). Forms, combinable with
     * blanks, {@code T} or {@code -} between them: {@code today}, {@code tomorrow},
     * {@code midnight}, {@code noon}, {@code fika}, {@code teatime},
     * {@code now[{+|-}count[seconds|minutes|hours|days|weeks]]}, {@code HH:MM[:SS] [AM|PM]},
     * {@code YYYY-MM-DD}, {@code MMDD[YY]}, {@code MM/DD[/YY]}, {@code MM.DD[.YY]}.
     */
    // TODO(merge): use org.jslurm.time's date parser
    static int checkDateTime(String s) {
        int n = s.length();
        int pos = 0;
        while (pos < n && s.charAt(pos) != '\n') {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '-' || c == 'T') { pos++; continue; }
            int w = word(s, pos, "today", "tomorrow", "midnight", "noon", "fika", "teatime");
            if (w > 0) { pos += w; continue; }
            if (s.regionMatches(true, pos, "now", 0, 3)) {
                // "now" is a complete time: only an offset and blanks may follow it
                int p = skipBlanks(s, pos + 3);
                if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                    int end = delta(s, p);
                    if (end < 0) return -end - 1;
                    pos = end;
                } else {
                    pos += 3;
                }
                return skipBlanks(s, pos) >= n ? -1 : pos;
            }
            if (!isDigit(s, pos)) return pos;
            int end = (at(s, pos + 1) == ':' || at(s, pos + 2) == ':') ? clock(s, pos) : date(s, pos);
            if (end < 0) return -end - 1;
            pos = end;
        }
        return -1;
    }

    private static int word(String s, int pos, String... words) {
        for (String w : words) if (s.regionMatches(true, pos, w, 0, w.length())) return w.length();
        return 0;
    }

    /** At the sign after "now": count and unit; returns the end, or -(errorPos + 1). */
    private static int delta(String s, int signAt) {
        int start = skipBlanks(s, signAt + 1);
        int pos = start;
        while (isDigit(s, pos)) pos++;
        if (pos == start) return -signAt - 1;
        pos = skipBlanks(s, pos);
        if (pos >= s.length()) return pos;
        for (String unit : new String[] {"second", "minute", "hour", "day", "week"}) {
            if (s.regionMatches(true, pos, unit, 0, unit.length())) {
                pos += unit.length();
                if (at(s, pos) == 's' || at(s, pos) == 'S') pos++;
                return pos;
            }
        }
        return -start - 1;
    }

    private static int skipBlanks(String s, int pos) {
        while (at(s, pos) == ' ' || at(s, pos) == '\t') pos++;
        return pos;
    }

    /**
     * HH:MM[:SS] [AM|PM] with one or two hour digits and exactly two for minutes and seconds;
     * returns the end, or -(errorPos + 1) where Slurm points: the start for a bad hour, the
     * field for an out-of-range value, the missing second digit of a short field.
     */
    private static int clock(String s, int pos) {
        int start = pos;
        int hourEnd = at(s, pos + 1) == ':' ? pos + 1 : pos + 2;
        int hour = Integer.parseInt(s.substring(pos, hourEnd));
        if (hour > 23) return -start - 1;
        int end = twoDigits(s, hourEnd + 1, 59);
        if (end < 0) return end;
        if (at(s, end) == ':') {
            end = twoDigits(s, end + 1, 59);
            if (end < 0) return end;
        }
        int p = skipBlanks(s, end);
        if (s.regionMatches(true, p, "AM", 0, 2) || s.regionMatches(true, p, "PM", 0, 2)) {
            return hour > 12 ? -p - 1 : p + 2;
        }
        return end;
    }

    private static int twoDigits(String s, int at, int max) {
        if (!isDigit(s, at)) return -at - 1;
        if (!isDigit(s, at + 1)) return -(at + 1) - 1;
        return Integer.parseInt(s.substring(at, at + 2)) > max ? -at - 1 : at + 2;
    }

    /** YYYY-MM-DD, MMDD[YY], MM/DD[/YY] or MM.DD[.YY]; returns the end, or -(errorPos + 1). */
    private static int date(String s, int pos) {
        int start = pos;
        int end = pos;
        while (isDigit(s, end)) end++;
        int digits = end - start;
        char sep = at(s, end);
        int[] v = new int[1];
        if (digits == 4 && sep == '-') { // YYYY-MM-DD, two-digit month
            int monthAt = end + 1;
            if (!isDigit(s, monthAt) || !isDigit(s, monthAt + 1) || at(s, monthAt + 2) != '-') return -start - 1;
            int month = Integer.parseInt(s.substring(monthAt, monthAt + 2));
            if (month < 1 || month > 12) return -monthAt - 1;
            int dayAt = monthAt + 3;
            int p = number(s, dayAt, 2, v);
            if (p < 0 || v[0] < 1 || v[0] > 31) return -dayAt - 1;
            return p;
        }
        if ((digits == 1 || digits == 2) && (sep == '/' || sep == '.')) { // MM/DD[/YY]
            int month = Integer.parseInt(s.substring(start, end));
            if (month < 1 || month > 12) return -start - 1;
            int p = number(s, end + 1, 2, v);
            if (p < 0 || v[0] < 1 || v[0] > 31) return -(end + 1) - 1;
            return at(s, p) == sep ? year(s, p + 1) : p;
        }
        if (digits >= 4) { // MMDD[YY]
            int month = Integer.parseInt(s.substring(start, start + 2));
            int day = Integer.parseInt(s.substring(start + 2, start + 4));
            if (month < 1 || month > 12) return -start - 1;
            if (day < 1 || day > 31) return -(start + 2) - 1;
            return digits == 4 ? end : year(s, start + 4);
        }
        return -end - 1;
    }

    /** A two-digit year. */
    private static int year(String s, int at) {
        if (!isDigit(s, at)) return -at - 1;
        if (!isDigit(s, at + 1)) return -(at + 1) - 1;
        return isDigit(s, at + 2) ? -(at + 2) - 1 : at + 2;
    }

    /** 1..max digits into out[0]; returns the end, or -1. */
    private static int number(String s, int pos, int max, int[] out) {
        int p = pos;
        while (isDigit(s, p) && p - pos < max) p++;
        if (p == pos) return -1;
        out[0] = Integer.parseInt(s.substring(pos, p));
        return p;
    }

    private static boolean isDigit(String s, int i) { return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; }

    private static char at(String s, int i) { return i < s.length() ? s.charAt(i) : '\0'; }
}
