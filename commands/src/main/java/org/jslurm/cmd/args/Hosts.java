package org.jslurm.cmd.args;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Hostlist expressions ({@code n[1-3,5],login}) for the query commands: expand to names and
 * compress names back to the shortest expression.
 *
 * <p>A name's trailing digits are its number; numbers written with a leading zero keep their
 * width ({@code n[01-10]}), others combine freely ({@code n[9-10]}).
 */
// TODO(merge): use org.jslurm.hostlist.HostList
public final class Hosts {
    private Hosts() {}

    /** Expands an expression; throws IllegalArgumentException when it is malformed. */
    public static List<String> expand(String expr) {
        List<String> out = new ArrayList<>();
        for (String part : splitTop(expr)) {
            if (!part.isEmpty()) expandPart(part, out);
        }
        return out;
    }

    /** Splits at commas that are not inside brackets. */
    private static List<String> splitTop(String expr) {
        List<String> parts = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(expr.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(expr.substring(start).trim());
        return parts;
    }

    private static void expandPart(String part, List<String> out) {
        int open = part.indexOf('[');
        if (open < 0) {
            if (part.indexOf(']') >= 0) throw new IllegalArgumentException("Invalid hostlist: " + part);
            out.add(part);
            return;
        }
        int close = part.indexOf(']', open);
        if (close < 0) throw new IllegalArgumentException("Invalid hostlist: " + part);
        String prefix = part.substring(0, open);
        String rest = part.substring(close + 1);
        if (!rest.isEmpty() && rest.indexOf('[') < 0) throw new IllegalArgumentException("Invalid hostlist: " + part);
        List<String> tails = new ArrayList<>();
        if (rest.isEmpty()) tails.add("");
        else expandPart(rest, tails);
        for (String r : part.substring(open + 1, close).split(",", -1)) {
            for (String num : range(r.trim(), part)) {
                for (String t : tails) out.add(prefix + num + t);
            }
        }
    }

    private static List<String> range(String r, String part) {
        int dash = r.indexOf('-');
        String lo = dash < 0 ? r : r.substring(0, dash);
        String hi = dash < 0 ? r : r.substring(dash + 1);
        if (!isDigits(lo) || !isDigits(hi)) throw new IllegalArgumentException("Invalid hostlist: " + part);
        long a = Long.parseLong(lo), b = Long.parseLong(hi);
        if (b < a || b - a > 1_000_000) throw new IllegalArgumentException("Invalid hostlist: " + part);
        int width = lo.length();
        List<String> nums = new ArrayList<>();
        for (long n = a; n <= b; n++) nums.add(pad(n, width));
        return nums;
    }

    /** Sorted, duplicate-free expression, e.g. {@code n[1-4,7],vm}; empty string for no names. */
    public static String compress(Collection<String> names) {
        List<String> l = new ArrayList<>(new LinkedHashSet<>(names));
        l.sort(ORDER);
        return join(l);
    }

    /** Sorted expression keeping duplicates ({@code scontrol show hostlistsorted}). */
    public static String compressSorted(Collection<String> names) {
        List<String> l = new ArrayList<>(names);
        l.sort(ORDER);
        return join(l);
    }

    /** Expression in the given order, merging only neighbours ({@code scontrol show hostlist}). */
    public static String compressInOrder(List<String> names) {
        return join(names);
    }

    /** Name order of sorted hostlists: prefix, then number of digits, then number. */
    public static final Comparator<String> ORDER = (x, y) -> {
        Name a = Name.of(x), b = Name.of(y);
        int c = a.prefix.compareTo(b.prefix);
        if (c != 0) return c;
        if (a.num == null || b.num == null) return a.num == null ? (b.num == null ? 0 : -1) : 1;
        c = Integer.compare(a.num.length(), b.num.length());
        if (c != 0) return c;
        return Long.compare(a.value, b.value);
    };

    /** A host name split into prefix and trailing number; {@code padded}: written with a leading zero. */
    private record Name(String prefix, String num, long value, boolean padded) {
        static Name of(String s) {
            int i = s.length();
            while (i > 0 && Character.isDigit(s.charAt(i - 1))) i--;
            if (i == s.length() || s.length() - i > 18) return new Name(s, null, 0, false);
            String num = s.substring(i);
            return new Name(s.substring(0, i), num, Long.parseLong(num), num.length() > 1 && num.charAt(0) == '0');
        }

        /** True when {@code next} continues this name's range. */
        boolean followedBy(Name next) {
            if (next.value != value + 1) return false;
            return (!padded && !next.padded) || num.length() == next.num.length();
        }
    }

    private static String join(List<String> names) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < names.size()) {
            Name first = Name.of(names.get(i));
            if (out.length() > 0) out.append(',');
            if (first.num == null) {
                out.append(first.prefix);
                i++;
                continue;
            }
            // neighbours with the same prefix share one bracket
            List<Name> group = new ArrayList<>();
            while (i < names.size()) {
                Name n = Name.of(names.get(i));
                if (n.num == null || !n.prefix.equals(first.prefix)) break;
                group.add(n);
                i++;
            }
            if (group.size() == 1) {
                out.append(first.prefix).append(first.num);
                continue;
            }
            out.append(first.prefix).append('[');
            int k = 0;
            while (k < group.size()) {
                Name lo = group.get(k);
                int j = k;
                while (j + 1 < group.size() && group.get(j).followedBy(group.get(j + 1))) j++;
                if (k > 0) out.append(',');
                out.append(lo.num);
                if (j > k) out.append('-').append(group.get(j).num);
                k = j + 1;
            }
            out.append(']');
        }
        return out.toString();
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 18) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
