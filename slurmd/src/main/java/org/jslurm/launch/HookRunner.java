package org.jslurm.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs the Prolog and Epilog programs as the daemon's user (root in production) in a session of
 * their own, with a minimal environment and a time limit; on timeout the whole session is killed.
 */
public final class HookRunner {
    private static final Logger LOG = Logger.getLogger(HookRunner.class.getName());

    /** The exit status reported for a hook that could not run or ran out of time. */
    public static final int FAILED_TO_RUN = 127;

    private final ProcessTools proc;
    private final Duration timeout;

    public HookRunner(ProcessTools proc, Duration timeout) {
        this.proc = proc;
        this.timeout = timeout;
    }

    /**
     * Runs {@code program} and returns its exit status (0 = success). Output is kept in
     * {@code logFile} while it runs and logged when the hook fails.
     */
    public int run(String what, String program, Map<String, String> env, Path logFile) {
        ProcessBuilder pb = new ProcessBuilder(List.of(proc.tools().setsid(), "-w", program));
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        pb.environment().putAll(env);
        pb.directory(new File("/"));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(true);
        pb.redirectOutput(logFile.toFile());
        try {
            Process p = pb.start();
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                LOG.warning(what + " " + program + " timed out after " + timeout.toSeconds() + " s, killing it");
                proc.kill(9, List.of(-p.pid(), p.pid()));
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return FAILED_TO_RUN;
            }
            int rc = p.exitValue();
            if (rc != 0) LOG.warning(what + " " + program + " exited with status " + rc + tail(logFile));
            return rc;
        } catch (IOException e) {
            LOG.warning(what + " " + program + " could not be run: " + e.getMessage());
            return FAILED_TO_RUN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED_TO_RUN;
        } finally {
            try {
                Files.deleteIfExists(logFile);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (s.isEmpty()) return "";
            if (s.length() > 2000) s = "..." + s.substring(s.length() - 2000);
            return ": " + s;
        } catch (IOException e) {
            return "";
        }
    }
}
