package org.jslurm.hostlist;

import java.util.Comparator;

/**
 * A host name split into a prefix and an optional numeric suffix, e.g. {@code lx0042} is prefix
 * {@code lx}, digits {@code 0042}. Names whose trailing digit run is absent or too long for a
 * {@code long} have no number and are treated as opaque.
 */
record HostName(String text, String prefix, String digits) {

    /** Natural host order: prefix, then numberless first, then numeric value, then digit count. */
    static final Comparator<HostName> NATURAL = Comparator.comparing(HostName::prefix)
            .thenComparing(HostName::hasNumber)
            .thenComparingLong(HostName::number)
            .thenComparingInt(h -> h.digits().length())
            .thenComparing(HostName::text);

    static HostName parse(String text) {
        int start = text.length();
        while (start > 0 && isAsciiDigit(text.charAt(start - 1))) {
            start--;
        }
        int digitCount = text.length() - start;
        if (digitCount == 0 || digitCount > HostListParser.MAX_DIGITS) {
            return new HostName(text, text, "");
        }
        return new HostName(text, text.substring(0, start), text.substring(start));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    boolean hasNumber() {
        return !digits.isEmpty();
    }

    long number() {
        return hasNumber() ? Long.parseLong(digits) : -1;
    }

    /** True for {@code 007}: the leading zero shows the name was written with fixed width. */
    boolean padded() {
        return digits.length() > 1 && digits.charAt(0) == '0';
    }

    /** The range width this number asks for: its digit count when padded, otherwise 0. */
    int naturalWidth() {
        return padded() ? digits.length() : 0;
    }

    /**
     * Whether this number can be printed inside a range of the given width and still read back
     * as the same text: unpadded ranges take unpadded numbers; padded ranges take any number
     * with exactly that many digits ({@code 10} fits {@code [09-10]}).
     */
    boolean fitsWidth(int width) {
        return width == 0 ? !padded() : digits.length() == width;
    }
}
