package org.jslurm.hostlist;

import java.util.List;

/** One piece of a host pattern: literal text or a bracketed set of number ranges. */
sealed interface Segment {

    /** How many distinct strings this segment produces. */
    long size();

    /** Text copied verbatim, e.g. {@code "rack"} in {@code rack[1-2]}. */
    record Literal(String text) implements Segment {
        @Override
        public long size() {
            return 1;
        }
    }

    /** The contents of one {@code [...]} group, ranges in written order. */
    record Ranges(List<NumRange> ranges) implements Segment {
        public Ranges {
            ranges = List.copyOf(ranges);
        }

        @Override
        public long size() {
            long total = 0;
            for (NumRange r : ranges) {
                total = HostPattern.saturatingAdd(total, r.size());
            }
            return total;
        }
    }
}
