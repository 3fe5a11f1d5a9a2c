package org.jslurm.cmd.sbatch;

import java.util.ArrayList;
import java.util.List;
import org.jslurm.cmd.CommandFailed;

/**
 * Reads the {@code #SBATCH} directives of a batch script into one list of words, which the
 * caller parses with the same option table as the command line (so {@code --opt=value},
 * {@code --opt value} and {@code -X value} all work, split over lines or not).
 *
 * <p>The rules are sbatch 22.05's, checked against it:
 * <ul>
 *   <li>a directive line starts in column 0 with {@code #SBATCH} (case matters); what follows
 *       the magic word is parsed even without a blank ({@code #SBATCH-J x});
 *       {@code #SLURM} also works, with an error message asking to change it;</li>
 *   <li>scanning stops at the first line whose first non-blank character is not {@code #};
 *       blank lines and other comments ({@code ## x}, {@code # properties = {...}}, an
 *       indented {@code #SBATCH}) are skipped;</li>
 *   <li>words are separated by blanks; {@code '...'} and {@code "..."} group and are removed;
 *       a backslash takes the next character literally, except that an escaped blank still
 *       ends the word; an unquoted {@code #} ends the line (even inside a word); an empty
 *       word ({@code ''}) also ends the line; there is no variable expansion;</li>
 *   <li>an unmatched quote is fatal:
 *       {@code sbatch: fatal: FILE: line N: Unmatched `"` in [REST]}, exit 1, where REST is
 *       the line from the end of the previous word.</li>
 * </ul>
 */
final class ScriptDirectives {
    private ScriptDirectives() {}

    static final String MAGIC = "#SBATCH";
    static final String OLD_MAGIC = "#SLURM";

    /**
     * @param words    all directive words in order
     * @param warnings lines for stderr (the {@code #SLURM} notice), already prefixed
     */
    record Result(List<String> words, List<String> warnings) {}

    /** @param file the script's base name ({@code stdin} when read from standard input), for messages */
    static Result parse(String script, String file) {
        List<String> words = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int lineNo = 0;
        int start = 0;
        while (start < script.length()) {
            int nl = script.indexOf('\n', start);
            String line = nl < 0 ? script.substring(start) : script.substring(start, nl);
            start = nl < 0 ? script.length() : nl + 1;
            lineNo++;
            String rest;
            if (line.startsWith(MAGIC)) {
                rest = line.substring(MAGIC.length());
            } else if (line.startsWith(OLD_MAGIC)) {
                rest = line.substring(OLD_MAGIC.length());
                if (warnings.isEmpty()) {
                    warnings.add("sbatch: error: Change from #SLURM to #SBATCH in your script"
                            + " and verify the options are valid in sbatch");
                }
            } else {
                String t = line.stripLeading();
                if (!t.isEmpty() && t.charAt(0) != '#' && !isBlank(t)) break;
                continue;
            }
            splitWords(rest, file, lineNo, words);
        }
        return new Result(List.copyOf(words), List.copyOf(warnings));
    }

    private static boolean isBlank(String s) {
        return s.chars().allMatch(c -> OptionValues.isSpace((char) c));
    }

    /** Splits one directive line (after the magic word) into words, appending them to {@code out}. */
    static void splitWords(String rest, String file, int lineNo, List<String> out) {
        int p = 0;
        int n = rest.length();
        while (true) {
            int callStart = p;
            while (p < n && OptionValues.isSpace(rest.charAt(p))) p++;
            if (p >= n) return;
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            boolean escaped = false;
            char quote = 0;
            while (p < n && (quoted || !OptionValues.isSpace(rest.charAt(p)))) {
                char c = rest.charAt(p);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                    p++;
                    continue;
                } else if (quoted) {
                    if (c == quote) {
                        quoted = false;
                        p++;
                        continue;
                    }
                } else if (c == '"' || c == '\'') {
                    quoted = true;
                    quote = c;
                    p++;
                    continue;
                } else if (c == '#') {
                    break;
                }
                word.append(c);
                p++;
            }
            if (quoted) {
                throw new CommandFailed("sbatch: fatal: " + file + ": line " + lineNo + ": Unmatched `" + quote
                        + "` in [" + rest.substring(callStart) + "]", 1);
            }
            if (word.isEmpty()) return;
            out.add(word.toString());
        }
    }
}
