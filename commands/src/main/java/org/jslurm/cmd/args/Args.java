package org.jslurm.cmd.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small command-line parser with GNU {@code getopt_long} rules, as Slurm's commands use them:
 * <ul>
 *   <li>short flags may be bundled, and a short option's argument may be attached
 *       ({@code -aho %F/%C} as one word is {@code -a -h -o ' %F/%C'});</li>
 *   <li>a required argument may follow in the next word ({@code -o X}, {@code --format X}) or be
 *       attached ({@code -oX}, {@code --format=X}); an optional one only attached;</li>
 *   <li>long options may be abbreviated to any unambiguous prefix;</li>
 *   <li>options and operands may be mixed (operands are collected in order); {@code --} ends
 *       option parsing and a lone {@code -} is an operand.</li>
 * </ul>
 * Errors carry getopt's own wording ({@link ArgsException}).
 *
 * <p>Define a parser once with {@link #of(String)}, then {@link #parse(String[])}. Every option
 * has a key (its long name, or the short letter when it has none) by which results are read.
 */
public final class Args {
    /** Whether an option takes an argument. */
    public enum Arg { NONE, REQUIRED, OPTIONAL }

    /** One defined option. {@code shortName} is 0 when it has none; {@code longNames} may be empty. */
    public record Option(String key, char shortName, List<String> longNames, Arg arg) {}

    /** One occurrence on the command line, in order; {@code value} is null when none was given. */
    public record Item(String key, String value) {}

    /** What a command line contained. */
    public record Result(List<Item> items, List<String> operands) {
        public boolean has(String key) {
            for (Item i : items) if (i.key().equals(key)) return true;
            return false;
        }

        /** The value of the last occurrence of {@code key}, or null. */
        public String last(String key) {
            String v = null;
            for (Item i : items) if (i.key().equals(key)) v = i.value();
            return v;
        }

        /** Number of occurrences (for -v -v). */
        public int count(String key) {
            int n = 0;
            for (Item i : items) if (i.key().equals(key)) n++;
            return n;
        }
    }

    private final String prog;
    private final List<Option> options = new ArrayList<>();

    private Args(String prog) {
        this.prog = prog;
    }

    /** Starts a definition for the program named {@code prog} (only used in messages). */
    public static Args of(String prog) {
        return new Args(prog);
    }

    public String prog() { return prog; }

    /**
     * Adds an option. {@code names} are its long names (the first is the key), {@code shortName}
     * its letter or 0. Several long names may share one option ({@code --state}/{@code --states}).
     */
    public Args opt(char shortName, Arg arg, String... names) {
        String key = names.length > 0 ? names[0] : String.valueOf(shortName);
        options.add(new Option(key, shortName, List.of(names), arg));
        return this;
    }

    /** Adds a flag without argument. */
    public Args flag(char shortName, String... names) { return opt(shortName, Arg.NONE, names); }

    /** Adds an option with a required argument. */
    public Args req(char shortName, String... names) { return opt(shortName, Arg.REQUIRED, names); }

    public Result parse(String[] argv) throws ArgsException {
        List<Item> items = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        int i = 0;
        while (i < argv.length) {
            String a = argv[i++];
            if (a.equals("--")) {
                while (i < argv.length) operands.add(argv[i++]);
            } else if (a.startsWith("--")) {
                i = parseLong(a, argv, i, items);
            } else if (a.startsWith("-") && a.length() > 1) {
                i = parseShorts(a, argv, i, items);
            } else {
                operands.add(a);
            }
        }
        return new Result(List.copyOf(items), List.copyOf(operands));
    }

    private int parseLong(String a, String[] argv, int i, List<Item> items) throws ArgsException {
        String body = a.substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        String attached = eq < 0 ? null : body.substring(eq + 1);
        Match m = findLong(name, a);
        Option o = m.option;
        switch (o.arg()) {
            case NONE -> {
                if (attached != null) throw new ArgsException("option '--" + m.name + "' doesn't allow an argument");
                items.add(new Item(o.key(), null));
            }
            case OPTIONAL -> items.add(new Item(o.key(), attached));
            case REQUIRED -> {
                if (attached != null) {
                    items.add(new Item(o.key(), attached));
                } else if (i < argv.length) {
                    items.add(new Item(o.key(), argv[i++]));
                } else {
                    throw new ArgsException("option '--" + m.name + "' requires an argument");
                }
            }
        }
        return i;
    }

    private record Match(Option option, String name) {}

    private Match findLong(String name, String typed) throws ArgsException {
        for (Option o : options) {
            for (String n : o.longNames()) if (n.equals(name)) return new Match(o, n);
        }
        Map<String, Option> candidates = new LinkedHashMap<>();
        for (Option o : options) {
            for (String n : o.longNames()) if (!name.isEmpty() && n.startsWith(name)) candidates.put(n, o);
        }
        if (candidates.isEmpty()) throw new ArgsException("unrecognized option '" + typed + "'");
        Option first = candidates.values().iterator().next();
        boolean ambiguous = candidates.values().stream().anyMatch(o -> o != first);
        if (ambiguous) {
            StringBuilder sb = new StringBuilder("option '" + typed + "' is ambiguous; possibilities:");
            for (String n : candidates.keySet()) sb.append(" '--").append(n).append('\'');
            throw new ArgsException(sb.toString());
        }
        return new Match(first, candidates.keySet().iterator().next());
    }

    private int parseShorts(String a, String[] argv, int i, List<Item> items) throws ArgsException {
        for (int k = 1; k < a.length(); k++) {
            char c = a.charAt(k);
            Option o = findShort(c);
            if (o == null) throw new ArgsException("invalid option -- '" + c + "'");
            String rest = a.substring(k + 1);
            switch (o.arg()) {
                case NONE -> items.add(new Item(o.key(), null));
                case OPTIONAL -> {
                    items.add(new Item(o.key(), rest.isEmpty() ? null : rest));
                    return i;
                }
                case REQUIRED -> {
                    if (!rest.isEmpty()) {
                        items.add(new Item(o.key(), rest));
                    } else if (i < argv.length) {
                        items.add(new Item(o.key(), argv[i++]));
                    } else {
                        throw new ArgsException("option requires an argument -- '" + c + "'");
                    }
                    return i;
                }
            }
        }
        return i;
    }

    private Option findShort(char c) {
        if (c == 0) return null;
        for (Option o : options) if (o.shortName() == c) return o;
        return null;
    }
}
