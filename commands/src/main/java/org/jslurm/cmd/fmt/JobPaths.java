package org.jslurm.cmd.fmt;

import org.jslurm.model.Job;

/**
 * A job's standard stream paths as scontrol and squeue show them: the file-name pattern with its
 * {@code %} codes filled in and made absolute against the job's working directory.
 */
public final class JobPaths {
    private JobPaths() {}

    /** Slurm's value for "no array index" in a non-array job's %a. */
    private static final String NO_TASK = "4294967294";

    public static String stdout(Job j) {
        String p = j.spec().stdout();
        return expand(j, p == null || p.isEmpty() ? "slurm-%j.out" : p);
    }

    /** Stderr goes to the stdout file unless given. */
    public static String stderr(Job j) {
        String p = j.spec().stderr();
        return p == null || p.isEmpty() ? stdout(j) : expand(j, p);
    }

    public static String stdin(Job j) {
        String p = j.spec().stdin();
        return p == null || p.isEmpty() ? "/dev/null" : expand(j, p);
    }

    /** Fills in the pattern (a backslash anywhere turns substitution off) and resolves it. */
    static String expand(Job j, String pattern) {
        String p = pattern.indexOf('\\') >= 0 ? pattern.replace("\\", "") : fill(j, pattern);
        if (p.startsWith("/")) return p;
        String wd = j.spec().workDir();
        if (wd == null || wd.isEmpty()) return p;
        return wd.endsWith("/") ? wd + p : wd + "/" + p;
    }

    private static String fill(Job j, String p) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i++);
            if (c != '%' || i >= p.length()) {
                sb.append(c);
                continue;
            }
            int start = i;
            while (i < p.length() && Character.isDigit(p.charAt(i))) i++;
            int width = i > start ? Math.min(10, Integer.parseInt(p.substring(start, Math.min(i, start + 3)))) : 0;
            if (i >= p.length()) {
                sb.append(p, start - 1, i);
                break;
            }
            char code = p.charAt(i++);
            String v = switch (code) {
                case '%' -> "%";
                case 'j', 'A', 'J' -> zero(Long.toString(j.id()), width);
                case 'a' -> NO_TASK;
                case 'u' -> j.userName();
                case 'x' -> j.name();
                case 'N' -> j.batchHost() != null ? j.batchHost()
                        : (j.alloc().isEmpty() ? null : j.alloc().get(0).node());
                case 'n', 't' -> zero("0", width);
                case 's' -> "batch";
                default -> null;
            };
            if (v == null) sb.append(p, start - 1, i);
            else sb.append(v);
        }
        return sb.toString();
    }

    private static String zero(String digits, int width) {
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
