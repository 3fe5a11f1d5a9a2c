package org.jslurm.cmd.opt;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Signal names as Slurm's commands accept them ({@code scancel -s}, {@code sbatch --signal}):
 * a number, or one of a fixed set of names, case-insensitive, with or without {@code SIG}.
 * Signals outside that set (SEGV, PIPE, WINCH, real-time signals...) must be given by number.
 */
public final class Signals {
    private Signals() {}

    /** The names Slurm knows, with their Linux numbers. */
    public static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ABRT", 6),
            Map.entry("KILL", 9), Map.entry("USR1", 10), Map.entry("USR2", 12), Map.entry("ALRM", 14),
            Map.entry("TERM", 15), Map.entry("CONT", 18), Map.entry("STOP", 19), Map.entry("TSTP", 20),
            Map.entry("TTIN", 21), Map.entry("TTOU", 22), Map.entry("URG", 23), Map.entry("XCPU", 24));

    public static final int SIGKILL = 9;

    /**
     * Parses {@code USR1}, {@code sigusr1}, {@code 10} or {@code " 10"}; empty when unknown or 0.
     * Like Slurm, a number is taken as is (no upper bound below 65536) and trailing blanks after
     * a name are tolerated.
     */
    public static OptionalInt parse(String s) {
        if (s == null) return OptionalInt.empty();
        String t = s.strip();
        if (t.isEmpty()) return OptionalInt.empty();
        if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '+' || t.charAt(0) == '-') {
            try {
                int n = Integer.parseInt(t);
                return n > 0 && n < 65536 ? OptionalInt.of(n) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        String u = t.toUpperCase(Locale.ROOT);
        if (u.startsWith("SIG")) u = u.substring(3);
        Integer n = NAMES.get(u);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** The short name for a number ({@code USR1}), or the number itself when Slurm has no name for it. */
    public static String name(int sig) {
        for (var e : NAMES.entrySet()) if (e.getValue() == sig) return e.getKey();
        return Integer.toString(sig);
    }
}
