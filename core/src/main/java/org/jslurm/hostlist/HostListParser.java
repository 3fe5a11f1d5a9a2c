package org.jslurm.hostlist;

import java.util.ArrayList;
import java.util.List;

/** Turns hostlist expression text into {@link HostPattern}s, rejecting malformed input. */
final class HostListParser {

    /** Longest digit string accepted; keeps every number comfortably inside a {@code long}. */
    static final int MAX_DIGITS = 18;

    private HostListParser() {
    }

    /**
     * Splits at commas and whitespace that are outside brackets. Empty elements (as in
     * {@code "a,,b"} or a trailing comma) are dropped, like Slurm does.
     */
    static List<String> splitTopLevel(String expr) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '[') {
                if (depth > 0) {
                    throw error(expr, "nested '[' at position " + i);
                }
                depth++;
            } else if (c == ']') {
                if (depth == 0) {
                    throw error(expr, "unbalanced ']' at position " + i);
                }
                depth--;
            } else if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
                addIfNotEmpty(out, expr.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw error(expr, "unbalanced '['");
        }
        addIfNotEmpty(out, expr.substring(start));
        return out;
    }

    static List<HostPattern> parse(String expr) {
        if (expr == null) {
            throw new IllegalArgumentException("hostlist expression is null");
        }
        List<HostPattern> patterns = new ArrayList<>();
        for (String element : splitTopLevel(expr)) {
            patterns.add(parseElement(element, expr));
        }
        return patterns;
    }

    /** Parses one element; brackets are known to be balanced and unnested here. */
    private static HostPattern parseElement(String element, String expr) {
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        while (pos < element.length()) {
            int open = element.indexOf('[', pos);
            if (open < 0) {
                segments.add(new Segment.Literal(element.substring(pos)));
                break;
            }
            if (open > pos) {
                segments.add(new Segment.Literal(element.substring(pos, open)));
            }
            int close = element.indexOf(']', open);
            segments.add(parseRanges(element.substring(open + 1, close), expr));
            pos = close + 1;
        }
        return new HostPattern(segments);
    }

    private static Segment.Ranges parseRanges(String body, String expr) {
        List<NumRange> ranges = new ArrayList<>();
        for (String item : body.split(",", -1)) {
            ranges.add(parseRange(item.strip(), expr));
        }
        return new Segment.Ranges(ranges);
    }

    private static NumRange parseRange(String item, String expr) {
        if (item.isEmpty()) {
            throw error(expr, "empty range inside brackets");
        }
        int dash = item.indexOf('-');
        String loText = dash < 0 ? item : item.substring(0, dash);
        String hiText = dash < 0 ? item : item.substring(dash + 1);
        long lo = parseNumber(loText, item, expr);
        long hi = parseNumber(hiText, item, expr);
        if (hi < lo) {
            throw error(expr, "descending range '" + item + "'");
        }
        // A leading zero on the lower bound is what asks for padding: [0003-0005], [08-10].
        int width = loText.length() > 1 && loText.charAt(0) == '0' ? loText.length() : 0;
        return new NumRange(lo, hi, width);
    }

    private static long parseNumber(String text, String item, String expr) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error(expr, "non-numeric range '" + item + "'");
        }
        if (text.length() > MAX_DIGITS) {
            throw error(expr, "number too large in range '" + item + "'");
        }
        return Long.parseLong(text);
    }

    private static void addIfNotEmpty(List<String> out, String element) {
        if (!element.isEmpty()) {
            out.add(element);
        }
    }

    private static IllegalArgumentException error(String expr, String what) {
        return new IllegalArgumentException("invalid hostlist expression '" + expr + "': " + what);
    }
}
