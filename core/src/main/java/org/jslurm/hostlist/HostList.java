package org.jslurm.hostlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * STUB: replaced by the hostlist package (branch h1). A minimal working version (one bracket per
 * name, trailing numbers only) so slurmd compiles and its tests run before the merge.
 */
public final class HostList {
    private HostList() {}

    public static List<String> expand(String expr) {
        List<String> out = new ArrayList<>();
        if (expr == null || expr.isBlank()) return out;
        int depth = 0, start = 0;
        for (int i = 0; i <= expr.length(); i++) {
            char c = i < expr.length() ? expr.charAt(i) : ',';
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ',' && depth == 0) {
                String item = expr.substring(start, i).trim();
                if (!item.isEmpty()) expandOne(item, out);
                start = i + 1;
            }
        }
        return out;
    }

    private static void expandOne(String item, List<String> out) {
        int lb = item.indexOf('[');
        if (lb < 0) { out.add(item); return; }
        int rb = item.indexOf(']', lb);
        if (rb < 0) throw new IllegalArgumentException("unbalanced brackets in " + item);
        String prefix = item.substring(0, lb), suffix = item.substring(rb + 1);
        for (String range : item.substring(lb + 1, rb).split(",")) {
            String[] ab = range.split("-", 2);
            int width = ab[0].length();
            long lo = Long.parseLong(ab[0]), hi = ab.length > 1 ? Long.parseLong(ab[1]) : lo;
            for (long n = lo; n <= hi; n++) out.add(prefix + String.format("%0" + width + "d", n) + suffix);
        }
    }

    public static String compress(Collection<String> names) {
        Map<String, TreeMap<Long, String>> byPrefix = new LinkedHashMap<>();
        List<String> plain = new ArrayList<>();
        for (String n : names) {
            int i = n.length();
            while (i > 0 && Character.isDigit(n.charAt(i - 1))) i--;
            if (i == n.length() || n.length() - i > 18) { plain.add(n); continue; }
            String digits = n.substring(i);
            String key = n.substring(0, i) + "\u0000" + digits.length();
            byPrefix.computeIfAbsent(key, k -> new TreeMap<>()).put(Long.parseLong(digits), digits);
        }
        List<String> parts = new ArrayList<>();
        for (var e : byPrefix.entrySet()) {
            String prefix = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            TreeMap<Long, String> nums = e.getValue();
            if (nums.size() == 1) { parts.add(prefix + nums.firstEntry().getValue()); continue; }
            StringBuilder sb = new StringBuilder(prefix).append('[');
            Long runStart = null, prev = null;
            for (long n : nums.keySet()) {
                if (runStart == null) { runStart = n; prev = n; continue; }
                if (n == prev + 1) { prev = n; continue; }
                appendRange(sb, nums, runStart, prev);
                runStart = n; prev = n;
            }
            appendRange(sb, nums, runStart, prev);
            parts.add(sb.append(']').toString());
        }
        parts.addAll(plain);
        return String.join(",", parts);
    }

    private static void appendRange(StringBuilder sb, TreeMap<Long, String> nums, long a, long b) {
        if (sb.charAt(sb.length() - 1) != '[') sb.append(',');
        sb.append(nums.get(a));
        if (b != a) sb.append('-').append(nums.get(b));
    }
}
