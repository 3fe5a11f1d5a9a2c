package org.jslurm.cmd.opt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * GNU {@code getopt_long(3)} for Java, as glibc (2.26 and later) behaves, because the commands we
 * replace parse their arguments with it and client software depends on every corner of it:
 *
 * <ul>
 *   <li>short options, bundled ({@code -Hv}), with the value attached ({@code -oFILE}) or in the
 *       next argument ({@code -J name}, even when that argument starts with {@code -});
 *       an optional short value is only ever taken when attached ({@code -koff});</li>
 *   <li>long options as {@code --name=value} or, for a required value only,
 *       {@code --name value}; any unambiguous prefix of a name is accepted, an exact name
 *       always wins, and prefixes that only match aliases of one option are not ambiguous;</li>
 *   <li>{@code --} ends the options; a lone {@code -} is an operand;</li>
 *   <li>three orderings: {@link Ordering#PERMUTE} (GNU default: operands are collected and
 *       options after them are still parsed), {@link Ordering#REQUIRE_ORDER} (optstring
 *       {@code "+..."} or {@code POSIXLY_CORRECT}: parsing stops at the first operand, as sbatch
 *       and srun need so that everything after the script name belongs to the script) and
 *       {@link Ordering#RETURN_IN_ORDER} (optstring {@code "-..."}: operands are returned in
 *       place, as options whose key is null).</li>
 * </ul>
 *
 * <p>Errors are reported with glibc's exact wording (see {@link GetoptException}); unlike C, the
 * parser stops at the first one, because every Slurm command exits on it. Not supported: the
 * {@code -W foo} convention ({@code "W;"}) and {@code getopt_long_only}.
 *
 * <p>A table is immutable and may be shared; each {@link #parser} call returns a fresh,
 * single-use iterator over one argument vector.
 *
 * @param <K> what identifies an option to the caller; aliases (a short and a long name, or two
 *            long spellings) share a key
 */
public final class GetoptLong<K> {

    /** Whether an option takes a value. */
    public enum ArgMode { NONE, REQUIRED, OPTIONAL }

    /** How operands (non-options) interleaved with options are treated. */
    public enum Ordering { PERMUTE, REQUIRE_ORDER, RETURN_IN_ORDER }

    /** One long option of the table; order in the table matters for error messages. */
    public record LongOpt<K>(String name, ArgMode mode, K key) {
        public LongOpt {
            Objects.requireNonNull(name);
            Objects.requireNonNull(mode);
            Objects.requireNonNull(key);
        }
    }

    private record ShortOpt<K>(ArgMode mode, K key) {}

    /**
     * One parsed option (or, in {@link Ordering#RETURN_IN_ORDER}, an operand).
     *
     * @param key     the option's key, null for an operand
     * @param arg     its value, null when none was given
     * @param spelled how the user named it: {@code -J} or the full long name {@code --job-name}
     */
    public record Opt<K>(K key, String arg, String spelled) {
        public boolean isOperand() { return key == null; }
        public boolean hasArg() { return arg != null; }
    }

    private final Map<Character, ShortOpt<K>> shorts;
    private final List<LongOpt<K>> longs;
    private final Ordering ordering;

    private GetoptLong(Map<Character, ShortOpt<K>> shorts, List<LongOpt<K>> longs, Ordering ordering) {
        this.shorts = Map.copyOf(shorts);
        this.longs = List.copyOf(longs);
        this.ordering = ordering;
    }

    public static <K> Builder<K> builder() { return new Builder<>(); }

    /**
     * A table in C style: {@code optstring} as for getopt(3) ({@code "+ab:c::"}; a leading
     * {@code +} or {@code -} selects the ordering, a leading {@code :} is accepted and ignored)
     * and keys that are the short option characters.
     */
    @SafeVarargs
    public static GetoptLong<Character> ofOptstring(String optstring, LongOpt<Character>... longOpts) {
        Builder<Character> b = builder();
        int i = 0;
        if (i < optstring.length() && optstring.charAt(i) == '+') { b.ordering(Ordering.REQUIRE_ORDER); i++; }
        else if (i < optstring.length() && optstring.charAt(i) == '-') { b.ordering(Ordering.RETURN_IN_ORDER); i++; }
        if (i < optstring.length() && optstring.charAt(i) == ':') i++;
        while (i < optstring.length()) {
            char c = optstring.charAt(i++);
            ArgMode m = ArgMode.NONE;
            if (i < optstring.length() && optstring.charAt(i) == ':') {
                m = ArgMode.REQUIRED;
                i++;
                if (i < optstring.length() && optstring.charAt(i) == ':') { m = ArgMode.OPTIONAL; i++; }
            }
            b.shortOpt(c, m, c);
        }
        for (LongOpt<Character> l : longOpts) b.longOpt(l.name(), l.mode(), l.key());
        return b.build();
    }

    public Ordering ordering() { return ordering; }

    public List<LongOpt<K>> longOptions() { return longs; }

    /** A parser over {@code args} (without the program name) in this table's ordering. */
    public Parser<K> parser(String prog, List<String> args) { return new Parser<>(this, prog, args, ordering); }

    /** A parser with an explicit ordering, e.g. REQUIRE_ORDER when POSIXLY_CORRECT is set. */
    public Parser<K> parser(String prog, List<String> args, Ordering order) { return new Parser<>(this, prog, args, order); }

    /** Builds a table; later definitions of the same short character or long name replace earlier ones. */
    public static final class Builder<K> {
        private final Map<Character, ShortOpt<K>> shorts = new LinkedHashMap<>();
        private final List<LongOpt<K>> longs = new ArrayList<>();
        private Ordering ordering = Ordering.PERMUTE;

        public Builder<K> shortOpt(char c, ArgMode mode, K key) {
            if (c == '-' || c == ':' || c == ';') throw new IllegalArgumentException("not an option character: " + c);
            shorts.put(c, new ShortOpt<>(mode, key));
            return this;
        }

        public Builder<K> longOpt(String name, ArgMode mode, K key) {
            if (name.isEmpty() || name.indexOf('=') >= 0) throw new IllegalArgumentException("bad long option name: " + name);
            longs.removeIf(l -> l.name().equals(name));
            longs.add(new LongOpt<>(name, mode, key));
            return this;
        }

        /** A short and a long spelling of one option. */
        public Builder<K> option(char c, String name, ArgMode mode, K key) {
            return shortOpt(c, mode, key).longOpt(name, mode, key);
        }

        public Builder<K> ordering(Ordering o) {
            this.ordering = Objects.requireNonNull(o);
            return this;
        }

        public GetoptLong<K> build() { return new GetoptLong<>(shorts, longs, ordering); }
    }

    /** Iterates over the options of one argument vector; {@link #next} throws on the first error. */
    public static final class Parser<K> {
        private final GetoptLong<K> table;
        private final String prog;
        private final List<String> args;
        private final Ordering order;
        private final List<String> operands = new ArrayList<>();
        private int index;          // next element of args to look at
        private String cluster;     // rest of a bundle of short options, without the leading '-'
        private Opt<K> pending;
        private boolean done;

        private Parser(GetoptLong<K> table, String prog, List<String> args, Ordering order) {
            this.table = table;
            this.prog = prog;
            this.args = List.copyOf(args);
            this.order = order;
        }

        public boolean hasNext() {
            if (pending == null && !done) pending = advance();
            return pending != null;
        }

        /** The next option; throws {@link GetoptException} at a malformed one (consuming it). */
        public Opt<K> next() {
            if (!hasNext()) throw new NoSuchElementException();
            Opt<K> o = pending;
            pending = null;
            return o;
        }

        /** Drains the options, returning them in order (the first error is thrown). */
        public List<Opt<K>> remaining() {
            List<Opt<K>> l = new ArrayList<>();
            while (hasNext()) l.add(next());
            return l;
        }

        /**
         * The operands, in order: once parsing is done, every non-option argument (PERMUTE), or
         * everything from the first non-option on (REQUIRE_ORDER), plus whatever followed
         * {@code --}. Calling it before the end drains the remaining options first.
         */
        public List<String> operands() {
            while (hasNext()) next();
            return List.copyOf(operands);
        }

        /** Index in {@code args} of the next argument not yet consumed. */
        public int index() { return index; }

        private Opt<K> advance() {
            if (cluster != null) return nextShort();
            while (index < args.size()) {
                String a = args.get(index);
                if (a.equals("--")) {
                    index++;
                    operands.addAll(args.subList(index, args.size()));
                    index = args.size();
                    break;
                }
                if (a.length() < 2 || a.charAt(0) != '-') {
                    switch (order) {
                        case REQUIRE_ORDER -> {
                            operands.addAll(args.subList(index, args.size()));
                            index = args.size();
                            done = true;
                            return null;
                        }
                        case RETURN_IN_ORDER -> {
                            index++;
                            return new Opt<>(null, a, a);
                        }
                        case PERMUTE -> {
                            operands.add(a);
                            index++;
                            continue;
                        }
                    }
                }
                index++;
                if (a.startsWith("--")) return nextLong(a.substring(2));
                cluster = a.substring(1);
                return nextShort();
            }
            done = true;
            return null;
        }

        private Opt<K> nextLong(String body) {
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            String value = eq < 0 ? null : body.substring(eq + 1);
            LongOpt<K> found = findLong(name, body);
            String spelled = "--" + found.name();
            switch (found.mode()) {
                case NONE -> {
                    if (value != null) {
                        throw new GetoptException(GetoptException.Kind.ARGUMENT_NOT_ALLOWED, spelled,
                                prog + ": option '" + spelled + "' doesn't allow an argument");
                    }
                }
                case REQUIRED -> {
                    if (value == null) {
                        if (index >= args.size()) {
                            throw new GetoptException(GetoptException.Kind.MISSING_ARGUMENT, spelled,
                                    prog + ": option '" + spelled + "' requires an argument");
                        }
                        value = args.get(index++);
                    }
                }
                case OPTIONAL -> { /* only ever --name=value */ }
            }
            return new Opt<>(found.key(), value, spelled);
        }

        /**
         * glibc's lookup: an exact name wins; otherwise the first prefix match, unless a later
         * prefix match differs from it in mode or key, which makes the abbreviation ambiguous.
         */
        private LongOpt<K> findLong(String name, String body) {
            List<LongOpt<K>> longs = table.longs;
            LongOpt<K> first = null;
            boolean[] ambiguous = null;
            int firstIndex = -1;
            for (int i = 0; i < longs.size(); i++) {
                LongOpt<K> l = longs.get(i);
                if (!l.name().startsWith(name)) continue;
                if (l.name().length() == name.length()) return l;
                if (first == null) {
                    first = l;
                    firstIndex = i;
                } else if (first.mode() != l.mode() || !first.key().equals(l.key())) {
                    if (ambiguous == null) {
                        ambiguous = new boolean[longs.size()];
                        ambiguous[firstIndex] = true;
                    }
                    ambiguous[i] = true;
                }
            }
            if (ambiguous != null) {
                StringBuilder sb = new StringBuilder(prog).append(": option '--").append(body)
                        .append("' is ambiguous; possibilities:");
                for (int i = 0; i < longs.size(); i++) {
                    if (ambiguous[i]) sb.append(" '--").append(longs.get(i).name()).append('\'');
                }
                throw new GetoptException(GetoptException.Kind.AMBIGUOUS, "--" + body, sb.toString());
            }
            if (first == null) {
                throw new GetoptException(GetoptException.Kind.UNRECOGNIZED, "--" + body,
                        prog + ": unrecognized option '--" + body + "'");
            }
            return first;
        }

        private Opt<K> nextShort() {
            char c = cluster.charAt(0);
            String rest = cluster.substring(1);
            cluster = rest.isEmpty() ? null : rest;
            ShortOpt<K> s = table.shorts.get(c);
            String spelled = "-" + c;
            if (s == null) {
                throw new GetoptException(GetoptException.Kind.INVALID_SHORT, spelled,
                        prog + ": invalid option -- '" + c + "'");
            }
            switch (s.mode()) {
                case NONE -> {
                    return new Opt<>(s.key(), null, spelled);
                }
                case OPTIONAL -> {
                    cluster = null;
                    return new Opt<>(s.key(), rest.isEmpty() ? null : rest, spelled);
                }
                default -> {
                    cluster = null;
                    if (!rest.isEmpty()) return new Opt<>(s.key(), rest, spelled);
                    if (index >= args.size()) {
                        throw new GetoptException(GetoptException.Kind.MISSING_ARGUMENT, spelled,
                                prog + ": option requires an argument -- '" + c + "'");
                    }
                    return new Opt<>(s.key(), args.get(index++), spelled);
                }
            }
        }
    }
}
