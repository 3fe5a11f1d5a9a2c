package org.jslurm.hostlist;

import java.util.List;

/**
 * One top-level element of a hostlist expression, such as {@code r[1-2]n[01-02]}: a sequence of
 * segments whose expansion is the cartesian product, leftmost group varying slowest.
 */
record HostPattern(List<Segment> segments) {

    HostPattern {
        segments = List.copyOf(segments);
    }

    /** Number of names, saturating at {@link Long#MAX_VALUE} so callers can compare with a cap. */
    long count() {
        long total = 1;
        for (Segment s : segments) {
            total = saturatingMultiply(total, s.size());
        }
        return total;
    }

    void expandInto(List<String> out) {
        expand(0, new StringBuilder(), out);
    }

    private void expand(int index, StringBuilder prefix, List<String> out) {
        if (index == segments.size()) {
            out.add(prefix.toString());
            return;
        }
        int mark = prefix.length();
        // instanceof rather than a pattern switch: a type switch bootstraps generated code on first
        // use, which costs every short-lived command several milliseconds
        Segment seg = segments.get(index);
        if (seg instanceof Segment.Literal lit) {
            prefix.append(lit.text());
            expand(index + 1, prefix, out);
        } else if (seg instanceof Segment.Ranges set) {
            for (NumRange r : set.ranges()) {
                for (long n = r.lo(); n <= r.hi(); n++) {
                    r.appendNumber(prefix, n);
                    expand(index + 1, prefix, out);
                    prefix.setLength(mark);
                }
            }
        }
        prefix.setLength(mark);
    }

    static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    static long saturatingMultiply(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
