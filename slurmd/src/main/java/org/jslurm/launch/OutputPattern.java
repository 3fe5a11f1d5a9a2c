package org.jslurm.launch;

import java.nio.file.Path;

/**
 * Expands the file name patterns of sbatch's {@code -o/-e/-i} for the batch script, as slurmd
 * does when it opens the job's standard streams:
 *
 * <pre>
 *   %j  job id            %J  job id (the batch step has no ".step" suffix)
 *   %A  array master id   %a  array index (4294967294 for a job that is no array element)
 *   %x  job name          %u  user name          %N  short host name of the node
 *   %n  node index (0)    %t  task rank (0)      %s  step ("batch")
 *   %%  a literal %       %&lt;digits&gt;&lt;c&gt;  numbers zero-padded to that width (at most 10)
 * </pre>
 *
 * A backslash anywhere in the name turns expansion off; the backslashes are removed and the rest
 * is taken literally. Unknown sequences are kept as written. Relative results are resolved
 * against the job's working directory by {@link #resolve}.
 */
public final class OutputPattern {
    private OutputPattern() {}

    /** What Slurm prints for "no array index" (NO_VAL - 1). */
    public static final String NO_ARRAY_INDEX = "4294967294";

    /** Default stdout name of a batch job that is not an array element. */
    public static final String DEFAULT_STDOUT = "slurm-%j.out";

    /**
     * The values patterns may refer to.
     *
     * @param arrayJobId  the array master id; the job id itself for a job that is no array element
     * @param arrayTaskId the array index, or -1 for none (printed as {@link #NO_ARRAY_INDEX})
     */
    public record Fields(long jobId, long arrayJobId, long arrayTaskId, String jobName, String userName,
                         String nodeName, int nodeIndex, int taskId, String step) {

        /** The fields of a plain (non-array) batch job's script. */
        public static Fields batch(long jobId, String jobName, String userName, String nodeName) {
            return new Fields(jobId, jobId, -1, jobName, userName, nodeName, 0, 0, "batch");
        }
    }

    /** Expands {@code pattern}; see the class comment for the rules. */
    public static String expand(String pattern, Fields f) {
        if (pattern.indexOf('\\') >= 0) return pattern.replace("\\", "");
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 >= n) {
                out.append(c);
                continue;
            }
            int j = i + 1;
            int digitsStart = j;
            while (j < n && Character.isDigit(pattern.charAt(j))) j++;
            if (j >= n) { // "%12" at the end: nothing to expand
                out.append(pattern, i, n);
                break;
            }
            int width = 0;
            if (j > digitsStart) {
                String digits = pattern.substring(digitsStart, j);
                width = digits.length() > 2 ? 10 : Math.min(10, Integer.parseInt(digits));
            }
            char k = pattern.charAt(j);
            String v = switch (k) {
                case '%' -> j == digitsStart ? "%" : null;
                case 'j', 'J' -> pad(f.jobId(), width);
                case 'A' -> pad(f.arrayJobId(), width);
                case 'a' -> f.arrayTaskId() < 0 ? NO_ARRAY_INDEX : pad(f.arrayTaskId(), width);
                case 'n' -> pad(f.nodeIndex(), width);
                case 't' -> pad(f.taskId(), width);
                case 's' -> f.step();
                case 'x' -> f.jobName();
                case 'u' -> f.userName();
                case 'N' -> shortName(f.nodeName());
                default -> null;
            };
            if (v == null) {
                out.append(pattern, i, j + 1); // unknown: keep as written
            } else {
                out.append(v);
            }
            i = j;
        }
        return out.toString();
    }

    /** Expands {@code pattern} and makes it absolute: relative names are taken from {@code workDir}. */
    public static Path resolve(String pattern, Fields f, String workDir) {
        Path p = Path.of(expand(pattern, f));
        return p.isAbsolute() ? p.normalize() : Path.of(workDir).resolve(p).normalize();
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        if (s.length() >= width) return s;
        return "0".repeat(width - s.length()) + s;
    }

    private static String shortName(String host) {
        if (host == null) return "";
        int dot = host.indexOf('.');
        return dot > 0 ? host.substring(0, dot) : host;
    }
}
