package org.jslurm.hostlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds compressed hostlist expressions from lists of names. */
final class HostListCompressor {

    private HostListCompressor() {
    }

    /** Deduplicates, sorts naturally and compresses, as Slurm prints sorted node lists. */
    static String compressSorted(Collection<String> names) {
        List<HostName> hosts = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            hosts.add(HostName.parse(name));
        }
        hosts.sort(HostName.NATURAL);
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < hosts.size()) {
            int end = endOfPrefixGroup(hosts, i);
            appendPrefixGroup(hosts.subList(i, end), parts);
            i = end;
        }
        return String.join(",", parts);
    }

    /** Keeps input order and duplicates; merges runs of consecutive numbers only. */
    static String compressInOrder(List<String> names) {
        List<String> parts = new ArrayList<>();
        Chunk chunk = null;
        for (String name : names) {
            HostName host = HostName.parse(name);
            if (!host.hasNumber()) {
                flush(chunk, parts);
                chunk = null;
                parts.add(name);
            } else if (chunk != null && chunk.prefix.equals(host.prefix())) {
                chunk.add(host);
            } else {
                flush(chunk, parts);
                chunk = new Chunk(host.prefix());
                chunk.add(host);
            }
        }
        flush(chunk, parts);
        return String.join(",", parts);
    }

    private static int endOfPrefixGroup(List<HostName> hosts, int start) {
        String prefix = hosts.get(start).prefix();
        int end = start;
        while (end < hosts.size() && hosts.get(end).prefix().equals(prefix)) {
            end++;
        }
        return end;
    }

    /**
     * Compresses names that share a prefix (sorted, so numberless names come first). Numbers are
     * split into width families so that each range reads back as exactly the original names.
     */
    private static void appendPrefixGroup(List<HostName> group, List<String> parts) {
        Set<Integer> paddedWidths = new LinkedHashSet<>();
        for (HostName h : group) {
            if (h.padded()) {
                paddedWidths.add(h.digits().length());
            }
        }
        Map<Integer, Chunk> families = new LinkedHashMap<>();
        for (HostName h : group) {
            if (!h.hasNumber()) {
                parts.add(h.text());
                continue;
            }
            // An unpadded number like 10 joins a padded family of its own length ([09-10]).
            int family = h.padded() || paddedWidths.contains(h.digits().length())
                    ? h.digits().length() : 0;
            families.computeIfAbsent(family, w -> new Chunk(h.prefix(), w)).add(h);
        }
        Chunk merged = null;
        for (Chunk c : families.values()) {
            merged = merged == null ? c : merged.append(c);
        }
        flush(merged, parts);
    }

    private static void flush(Chunk chunk, List<String> parts) {
        if (chunk != null) {
            parts.add(chunk.render());
        }
    }

    /** Ranges sharing one prefix, rendered as {@code prefix[r1,r2,...]}. */
    private static final class Chunk {
        private final String prefix;
        private final int fixedWidth;
        private final List<NumRange> ranges = new ArrayList<>();
        private int names;

        Chunk(String prefix) {
            this(prefix, -1);
        }

        /** @param fixedWidth width every range must use, or -1 to take each run's own width */
        Chunk(String prefix, int fixedWidth) {
            this.prefix = prefix;
            this.fixedWidth = fixedWidth;
        }

        void add(HostName host) {
            long n = host.number();
            names++;
            if (!ranges.isEmpty()) {
                NumRange last = ranges.getLast();
                if (last.hi() + 1 == n && host.fitsWidth(last.width())) {
                    ranges.set(ranges.size() - 1, new NumRange(last.lo(), n, last.width()));
                    return;
                }
            }
            ranges.add(new NumRange(n, n, fixedWidth >= 0 ? fixedWidth : host.naturalWidth()));
        }

        Chunk append(Chunk other) {
            ranges.addAll(other.ranges);
            names += other.names;
            return this;
        }

        String render() {
            StringBuilder out = new StringBuilder(prefix);
            if (names == 1) {
                ranges.getFirst().appendNumber(out, ranges.getFirst().lo());
                return out.toString();
            }
            out.append('[');
            for (int i = 0; i < ranges.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                ranges.get(i).appendTo(out);
            }
            return out.append(']').toString();
        }
    }
}
