package org.jslurm.cmd.fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A line layout for squeue/sinfo: text before the first field, then fields each with a width,
 * justification and the literal text that follows it. Built from the two format languages:
 * <ul>
 *   <li>{@code -o}: {@code %[.][size]type[suffix]}, e.g. {@code %.18i %-10j|%R}; a field with no
 *       size takes what it needs, a {@code .} right-justifies;</li>
 *   <li>{@code -O}: {@code Name[:[.][size][suffix]]} joined by commas; no colon means 20 wide, a
 *       colon without size means unpadded ({@code JobID:\x1f}).</li>
 * </ul>
 * Values longer than their width are cut to it, except for fields marked not to cut (node lists).
 */
public final class Layout<T> {
    /** What one field prints: its header, its value for an item, and whether to cut to width. */
    public record Field<T>(String header, Function<T, String> value, boolean cut) {
        public Field(String header, Function<T, String> value) {
            this(header, value, true);
        }
    }

    /** A placed field. {@code width} 0 means no padding. */
    public record Column<T>(Field<T> field, int width, boolean right, String suffix) {}

    private final String prefix;
    private final List<Column<T>> columns;

    public Layout(String prefix, List<Column<T>> columns) {
        this.prefix = prefix;
        this.columns = List.copyOf(columns);
    }

    public List<Column<T>> columns() { return columns; }

    public String prefix() { return prefix; }

    /** Default width of a {@code -O} field given without a size. */
    public static final int LONG_DEFAULT_WIDTH = 20;

    /**
     * Parses a {@code -o} format. {@code lookup} maps a type letter to its field or null;
     * {@code unknown} hears about letters it did not know (their text is dropped).
     */
    public static <T> Layout<T> percent(String fmt, Function<Character, Field<T>> lookup, Consumer<Character> unknown) {
        int i = fmt.indexOf('%');
        if (i < 0) return new Layout<>(fmt, List.of());
        String prefix = fmt.substring(0, i);
        List<Column<T>> cols = new ArrayList<>();
        while (i < fmt.length()) {
            i++; // past '%'
            boolean right = false;
            if (i < fmt.length() && fmt.charAt(i) == '.') {
                right = true;
                i++;
            }
            int start = i;
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) i++;
            int width = i > start ? parseWidth(fmt.substring(start, i)) : 0;
            if (i >= fmt.length()) break;
            char type = fmt.charAt(i++);
            StringBuilder suffix = new StringBuilder();
            while (i < fmt.length()) {
                char c = fmt.charAt(i);
                if (c == '%' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '%') {
                    suffix.append('%');
                    i += 2;
                } else if (c == '%') {
                    break;
                } else {
                    suffix.append(c);
                    i++;
                }
            }
            Field<T> f = lookup.apply(type);
            if (f == null) unknown.accept(type);
            else cols.add(new Column<>(f, width, right, suffix.toString()));
        }
        return new Layout<>(prefix, cols);
    }

    /** Parses a {@code -O} format; {@code lookup} maps a (case-insensitive) name to its field or null. */
    public static <T> Layout<T> named(String fmt, Function<String, Field<T>> lookup, Consumer<String> unknown) {
        List<Column<T>> cols = new ArrayList<>();
        for (String tok : fmt.split(",")) {
            if (tok.isEmpty()) continue;
            int colon = tok.indexOf(':');
            String name = colon < 0 ? tok : tok.substring(0, colon);
            int width = LONG_DEFAULT_WIDTH;
            boolean right = false;
            String suffix = "";
            if (colon >= 0) {
                int i = colon + 1;
                if (i < tok.length() && tok.charAt(i) == '.') {
                    right = true;
                    i++;
                }
                int start = i;
                while (i < tok.length() && Character.isDigit(tok.charAt(i))) i++;
                width = i > start ? parseWidth(tok.substring(start, i)) : 0;
                suffix = tok.substring(i);
            }
            Field<T> f = lookup.apply(name);
            if (f == null) unknown.accept(name);
            else cols.add(new Column<>(f, width, right, suffix));
        }
        return new Layout<>("", cols);
    }

    private static int parseWidth(String digits) {
        try {
            return Math.min(Integer.parseInt(digits), 1 << 20);
        } catch (NumberFormatException e) {
            return 1 << 20;
        }
    }

    public String header() {
        StringBuilder sb = new StringBuilder(prefix);
        for (Column<T> c : columns) sb.append(cell(c.field().header(), c)).append(c.suffix());
        return sb.toString();
    }

    public String row(T item) {
        StringBuilder sb = new StringBuilder(prefix);
        for (Column<T> c : columns) {
            String v = c.field().value().apply(item);
            sb.append(cell(v == null ? "" : v, c)).append(c.suffix());
        }
        return sb.toString();
    }

    private static String cell(String s, Column<?> c) {
        return pad(s, c.width(), c.right(), c.field().cut());
    }

    /** Pads {@code s} to {@code width} (left- or right-justified), cutting it first if asked. */
    public static String pad(String s, int width, boolean right, boolean cut) {
        if (width <= 0) return s;
        if (s.length() >= width) return cut ? s.substring(0, width) : s;
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
