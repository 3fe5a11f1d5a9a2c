package org.jslurm.cmd.scontrol;

import java.util.List;
import java.util.Locale;
import org.jslurm.cmd.CommandEnv;

/**
 * What an scontrol run knows besides its words: the display flags (which interactive commands
 * such as {@code oneliner} may change) and the command environment.
 */
final class Session {
    final CommandEnv env;
    boolean oneLiner;
    int details;
    boolean all;
    boolean quiet;
    boolean json;
    boolean future;
    int verbose;
    List<String> argv = List.of();

    Session(CommandEnv env) {
        this.env = env;
    }

    void err(String line) { env.err().println(line); }

    void out(String text) { env.out().print(text); }

    /**
     * Resolves a possibly abbreviated word against names (case-insensitive): an exact match, else
     * the only name it is a prefix of with at least {@code minLen} letters; null if none or several.
     */
    static String resolve(String word, List<String> names, int minLen) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String n : names) if (n.equals(w)) return n;
        if (w.length() < minLen) return null;
        String found = null;
        for (String n : names) {
            if (n.startsWith(w)) {
                if (found != null) return null;
                found = n;
            }
        }
        return found;
    }
}
