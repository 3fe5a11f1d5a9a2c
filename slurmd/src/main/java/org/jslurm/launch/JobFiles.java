package org.jslurm.launch;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spool directory of one job on one node ({@code <SlurmdSpoolDir>/job00042/}):
 * <pre>
 *   meta          slurmd's record (key=value): ids, user, wrapper pid and start time, signals sent, outcome
 *   slurm_script  the batch script (0700, owned by the user)
 *   launch        the generated environment + exec file the user part sources (0600, owned by the user)
 *   pid           written by the wrapper: its pid
 *   jobpid        written by the user part: the pid (= process group and session) of the script
 *   status        written by the wrapper when the script ended: its exit status (0-255)
 *   wrapper.log   the wrapper's own stdout/stderr (errors before the job's files are open)
 * </pre>
 */
public record JobFiles(Path dir) {
    private static final Pattern DIR_NAME = Pattern.compile("job0*(\\d+)");

    public static String dirName(long jobId) { return String.format("job%05d", jobId); }

    public static JobFiles of(Path spool, long jobId) { return new JobFiles(spool.resolve(dirName(jobId))); }

    /** The job id a spool entry's name stands for, or -1 if it is no job directory. */
    public static long jobIdOf(Path entry) {
        Matcher m = DIR_NAME.matcher(entry.getFileName().toString());
        if (!m.matches()) return -1;
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public Path meta() { return dir.resolve("meta"); }
    public Path script() { return dir.resolve("slurm_script"); }
    public Path launch() { return dir.resolve("launch"); }
    public Path pid() { return dir.resolve("pid"); }
    public Path jobPid() { return dir.resolve("jobpid"); }
    public Path status() { return dir.resolve("status"); }
    public Path wrapperLog() { return dir.resolve("wrapper.log"); }

    /** A small number file (pid, jobpid, status): its value, or -1 when missing or incomplete. */
    public static long readNumber(Path p) {
        try {
            String s = Files.readString(p, StandardCharsets.US_ASCII);
            if (!s.endsWith("\n")) return -1; // not completely written yet
            return Long.parseLong(s.trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    public Properties readMeta() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(meta(), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** Replaces the meta file atomically (write a temporary file, then rename). */
    public void writeMeta(Properties p) throws IOException {
        StringWriter w = new StringWriter();
        p.store(w, "jslurm slurmd job record");
        writeAtomically(meta(), w.toString());
    }

    static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the directory and everything in it; missing is fine. */
    public void delete() throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
