package org.jslurm.cmd.sbatch;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The value syntaxes of sbatch's numeric options, as sbatch 22.05 reads them. */
final class OptionValues {
    private OptionValues() {}

    /**
     * A memory size in MB: digits with an optional unit {@code K M G T} (either case, MB when
     * absent) which may be followed by {@code B}; kilobytes round up to whole megabytes.
     * Leading blanks are allowed, trailing ones are not (Slurm reads it with strtoll).
     * Empty for anything else, including negative or fractional sizes.
     */
    static OptionalLong megabytes(String s) {
        if (s == null) return OptionalLong.empty();
        int i = 0, n = s.length();
        while (i < n && isSpace(s.charAt(i))) i++;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        int start = i;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) i++;
        if (i == start || i - start > 18) return OptionalLong.empty();
        long v = Long.parseLong(s.substring(start, i));
        if (negative && v != 0) return OptionalLong.empty();
        String unit = s.substring(i);
        if (unit.isEmpty()) return OptionalLong.of(v);
        char u = Character.toUpperCase(unit.charAt(0));
        if (unit.length() > 2 || (unit.length() == 2 && Character.toUpperCase(unit.charAt(1)) != 'B')) {
            return OptionalLong.empty();
        }
        return switch (u) {
            case 'K' -> OptionalLong.of((v + 1023) / 1024);
            case 'M' -> OptionalLong.of(v);
            case 'G' -> scaled(v, 1024L);
            case 'T' -> scaled(v, 1024L * 1024);
            default -> OptionalLong.empty();
        };
    }

    private static OptionalLong scaled(long v, long factor) {
        return v > Long.MAX_VALUE / factor ? OptionalLong.empty() : OptionalLong.of(v * factor);
    }

    /**
     * A positive count as Slurm's {@code parse_int} takes it (leading blanks and a sign allowed,
     * nothing after the digits, at least 1, fits in an int); empty otherwise.
     */
    static OptionalInt positiveInt(String s) {
        if (s == null) return OptionalInt.empty();
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) i++;
        String t = s.substring(i);
        if (t.startsWith("+")) t = t.substring(1);
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9') || t.length() > 10) {
            return OptionalInt.empty();
        }
        long v = Long.parseLong(t);
        return v < 1 || v > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) v);
    }

    /** {@code atoi}: optional blanks and sign, then as many digits as there are; 0 when none. */
    static int atoi(String s) {
        int i = 0, n = s.length();
        while (i < n && isSpace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        long v = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && v < Integer.MAX_VALUE) v = v * 10 + (s.charAt(i++) - '0');
        v = Math.min(v, Integer.MAX_VALUE);
        return (int) (neg ? -v : v);
    }

    /** A node count range; {@code max} 0 means no maximum. */
    record NodeRange(int min, int max) {}

    /**
     * Parses {@code -N}: {@code N}, {@code min-max} or {@code -max} (min 1). Errors use sbatch's
     * words and exit 255.
     */
    static NodeRange nodes(String s) throws ValueException {
        int dash = s.indexOf('-');
        String minPart = dash < 0 ? s : s.substring(0, dash);
        String maxPart = dash < 0 ? null : s.substring(dash + 1);
        int min = minPart.isEmpty() ? 1 : count(minPart);
        int max;
        if (maxPart == null) {
            max = min;
        } else {
            max = maxPart.isEmpty() ? -1 : count(maxPart);
            if (max < min && max != 0) { // a maximum of 0 means "no maximum"
                throw new ValueException("Maximum node count " + max + " is less than minimum node count " + min);
            }
        }
        return new NodeRange(min, max);
    }

    private static int count(String part) throws ValueException {
        int i = 0;
        while (i < part.length() && isSpace(part.charAt(i))) i++;
        int start = i;
        while (i < part.length() && part.charAt(i) >= '0' && part.charAt(i) <= '9') i++;
        String suffix = part.substring(i);
        long mult = switch (suffix) {
            case "" -> 1;
            case "k", "K" -> 1024;
            case "m", "M" -> 1024 * 1024;
            default -> -1;
        };
        if (i == start || mult < 0 || i - start > 12) throw new ValueException('"' + part + "\" is not a valid node count");
        long v = Long.parseLong(part.substring(start, i)) * mult;
        if (v > Integer.MAX_VALUE) throw new ValueException('"' + part + "\" is not a valid node count");
        return (int) v;
    }

    /**
     * Splits a host list at top-level commas (not those inside brackets), keeping each part as
     * given ({@code n[1-3,5],gpu01} gives {@code n[1-3,5]} and {@code gpu01}); the controller
     * expands the expressions.
     */
    static List<String> hostListParts(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') depth++;
            else if (c == ']' && depth > 0) depth--;
            else if (c == ',' && depth == 0) {
                add(parts, s.substring(start, i));
                start = i + 1;
            }
        }
        add(parts, s.substring(start));
        return parts;
    }

    private static void add(List<String> parts, String p) {
        String t = p.strip();
        if (!t.isEmpty()) parts.add(t);
    }

    static boolean isSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

    /** A value that does not parse; the message is sbatch's, without the {@code sbatch: error: } prefix. */
    static final class ValueException extends Exception {
        ValueException(String message) { super(message); }
    }
}
