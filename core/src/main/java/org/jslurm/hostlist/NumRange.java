package org.jslurm.hostlist;

/**
 * An inclusive range of host numbers, printed with a fixed zero-padded width.
 *
 * @param lo    first number
 * @param hi    last number, {@code >= lo}
 * @param width digits to zero-pad to; 0 means "print the number as is"
 */
record NumRange(long lo, long hi, int width) {

    NumRange {
        if (lo < 0 || hi < lo || width < 0) {
            throw new IllegalArgumentException("bad range " + lo + "-" + hi + " width " + width);
        }
    }

    long size() {
        return hi - lo + 1;
    }

    /** Appends {@code n} padded to this range's width. */
    void appendNumber(StringBuilder out, long n) {
        String digits = Long.toString(n);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** Appends {@code lo} or {@code lo-hi}, the form used inside brackets. */
    void appendTo(StringBuilder out) {
        appendNumber(out, lo);
        if (hi != lo) {
            out.append('-');
            appendNumber(out, hi);
        }
    }
}
