package org.jslurm.config;

import java.util.ArrayList;
import java.util.List;

/** Lexical rules of slurm.conf: comments, double quotes and whitespace-separated pairs. */
final class LineTokenizer {

    private LineTokenizer() {
    }

    /** Removes a {@code #} comment; a {@code #} inside double quotes is text. */
    static String stripComment(String physical) {
        boolean quoted = false;
        for (int i = 0; i < physical.length(); i++) {
            char c = physical.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return physical.substring(0, i);
            }
        }
        return physical;
    }

    /**
     * Splits a logical line into {@code Key=Value} pairs. Quotes may surround all or part of a
     * value and are removed, so {@code Reason="disk failed"} gives {@code disk failed}.
     */
    static List<Setting> tokenize(String logical, SourceLine where) {
        List<Setting> pairs = new ArrayList<>();
        int i = 0;
        int n = logical.length();
        while (i < n) {
            if (Character.isWhitespace(logical.charAt(i))) {
                i++;
                continue;
            }
            int eq = keyEnd(logical, i);
            String key = logical.substring(i, eq);
            if (eq >= n || logical.charAt(eq) != '=' || key.isEmpty()) {
                throw ConfigException.at(where, "expected Key=Value but found '"
                        + logical.substring(i, wordEnd(logical, i)) + "'");
            }
            StringBuilder value = new StringBuilder();
            i = readValue(logical, eq + 1, value, key, where);
            pairs.add(new Setting(key, value.toString(), where));
        }
        return pairs;
    }

    /** Index of the first {@code =}, whitespace or quote at or after {@code from}. */
    private static int keyEnd(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '=' || c == '"' || Character.isWhitespace(c)) {
                break;
            }
            i++;
        }
        return i;
    }

    private static int wordEnd(String s, int from) {
        int i = from;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Reads a value up to unquoted whitespace into {@code out}; returns the index after it. */
    private static int readValue(String s, int from, StringBuilder out, String key, SourceLine where) {
        boolean quoted = false;
        int i = from;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && Character.isWhitespace(c)) {
                break;
            } else {
                out.append(c);
            }
        }
        if (quoted) {
            throw ConfigException.at(where, "unterminated quote in value of " + key);
        }
        return i;
    }
}
