package org.jslurm.hostlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Slurm hostlist expressions: {@code n[1-3,7]}, {@code lx[0003-0005]}, {@code r[1-2]n[01-02]},
 * {@code a,b[1-2],c}.
 *
 * <p>Top-level elements are separated by commas or whitespace outside brackets. Inside a bracket
 * group, comma-separated numbers or {@code lo-hi} ranges appear; a lower bound written with a
 * leading zero fixes the zero-padded width. Several groups in one element expand as a cartesian
 * product with the leftmost group varying slowest.
 */
public final class HostList {

    /** Expansions larger than this are refused: such a list is almost surely a typo. */
    public static final int MAX_NAMES = 1_000_000;

    private HostList() {
    }

    /**
     * Expands an expression into host names, in written order, duplicates kept.
     *
     * @throws IllegalArgumentException for malformed input or more than {@link #MAX_NAMES} names
     */
    public static List<String> expand(String expr) {
        List<HostPattern> patterns = HostListParser.parse(expr);
        int total = checkedTotal(patterns, expr);
        List<String> out = new ArrayList<>(total);
        for (HostPattern p : patterns) {
            p.expandInto(out);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Number of names {@link #expand} would return, without building them.
     *
     * @throws IllegalArgumentException for malformed input or more than {@link #MAX_NAMES} names
     */
    public static int count(String expr) {
        return checkedTotal(HostListParser.parse(expr), expr);
    }

    /**
     * Top-level elements of an expression, unexpanded: {@code "a,b[1-2],c"} gives
     * {@code [a, b[1-2], c]}. Lets callers treat some elements specially (node set names, ALL).
     */
    public static List<String> elements(String expr) {
        if (expr == null) {
            throw new IllegalArgumentException("hostlist expression is null");
        }
        return List.copyOf(HostListParser.splitTopLevel(expr));
    }

    /**
     * Compressed, deduplicated and naturally sorted form: {@code n1,n2,n3,n4,n7} gives
     * {@code n[1-4,7]}. This is what Slurm prints for node lists.
     */
    public static String compress(Collection<String> names) {
        return HostListCompressor.compressSorted(names);
    }

    /** Compressed form that keeps input order and duplicates, merging only consecutive runs. */
    public static String compressUnsorted(List<String> names) {
        return HostListCompressor.compressInOrder(names);
    }

    /**
     * Natural host order: by prefix, then names without a number, then numeric value, then digit
     * count ({@code n1} before {@code n01}). Duplicates are kept.
     */
    public static List<String> sort(Collection<String> names) {
        List<HostName> hosts = new ArrayList<>(names.size());
        for (String name : names) {
            hosts.add(HostName.parse(name));
        }
        hosts.sort(HostName.NATURAL);
        List<String> out = new ArrayList<>(hosts.size());
        for (HostName h : hosts) {
            out.add(h.text());
        }
        return Collections.unmodifiableList(out);
    }

    private static int checkedTotal(List<HostPattern> patterns, String expr) {
        long total = 0;
        for (HostPattern p : patterns) {
            total = HostPattern.saturatingAdd(total, p.count());
        }
        if (total > MAX_NAMES) {
            String size = total == Long.MAX_VALUE ? "too many" : Long.toString(total);
            throw new IllegalArgumentException("hostlist expression '" + expr + "' expands to "
                    + size + " names, more than the limit of " + MAX_NAMES);
        }
        return (int) total;
    }
}
