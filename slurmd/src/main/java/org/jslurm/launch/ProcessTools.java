package org.jslurm.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Process facts from /proc and signal delivery through kill(1): Java can only send SIGTERM and
 * SIGKILL itself, and a job needs arbitrary signals sent to whole process groups.
 */
public final class ProcessTools {
    private static final Logger LOG = Logger.getLogger(ProcessTools.class.getName());

    /** Absolute paths of the helper programs the launcher runs. */
    public record Tools(String sh, String setsid, String setpriv, String mv, String kill, String env) {
        public static Tools find() {
            return new Tools(first("/bin/sh", "/usr/bin/sh"), first("/usr/bin/setsid", "/bin/setsid"),
                    first("/usr/bin/setpriv", "/bin/setpriv"), first("/usr/bin/mv", "/bin/mv"),
                    first("/usr/bin/kill", "/bin/kill"), first("/usr/bin/env", "/bin/env"));
        }

        private static String first(String... paths) {
            for (String p : paths) if (Files.isExecutable(Path.of(p))) return p;
            return paths[0];
        }
    }

    private final Tools tools;

    public ProcessTools(Tools tools) { this.tools = tools; }

    public Tools tools() { return tools; }

    /** A parsed /proc/PID/stat: state letter, process group, session, parent, start time (ticks since boot). */
    public record Stat(long pid, char state, long ppid, long pgrp, long session, long startTime) {
        public boolean zombie() { return state == 'Z' || state == 'X'; }
    }

    /** Parses the text of /proc/PID/stat (the command name may contain spaces and parentheses). */
    public static Stat parseStat(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) throw new IllegalArgumentException("bad stat: " + text);
        long pid = Long.parseLong(text.substring(0, open).trim());
        String[] f = text.substring(close + 2).trim().split("\\s+");
        // f[0] = field 3 (state), f[1] = 4 ppid, f[2] = 5 pgrp, f[3] = 6 session, f[19] = 22 starttime
        return new Stat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[19]));
    }

    /** The stat of a process, or null when there is no such process. */
    public static Stat stat(long pid) {
        if (pid <= 0) return null;
        try {
            return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The command line of a process with NULs turned into spaces, or "" if it is gone. */
    public static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** True when {@code pid} runs (not a zombie) and, if {@code startTime >= 0}, started at that time. */
    public static boolean alive(long pid, long startTime) {
        Stat s = stat(pid);
        return s != null && !s.zombie() && (startTime < 0 || s.startTime() == startTime);
    }

    /** Live (non-zombie) members of a process group or session. */
    public static List<Long> members(long pgid, boolean session) {
        List<Long> out = new ArrayList<>();
        if (pgid <= 1) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) continue;
                Stat s;
                try {
                    s = parseStat(Files.readString(p.resolve("stat")));
                } catch (IOException | RuntimeException e) {
                    continue; // exited while we looked
                }
                if (!s.zombie() && (session ? s.session() : s.pgrp()) == pgid) out.add(s.pid());
            }
        } catch (IOException e) {
            LOG.warning("cannot list /proc: " + e.getMessage());
        }
        return out;
    }

    /** True if any live process has {@code id} as its process group or session (one pass over /proc). */
    public static boolean anyMember(long id) {
        if (id <= 1) return false;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) continue;
                try {
                    Stat s = parseStat(Files.readString(p.resolve("stat")));
                    if (!s.zombie() && (s.pgrp() == id || s.session() == id)) return true;
                } catch (IOException | RuntimeException e) {
                    // exited while we looked
                }
            }
        } catch (IOException e) {
            LOG.warning("cannot list /proc: " + e.getMessage());
        }
        return false;
    }

    /** Live descendants of {@code pid} (through the parent links; processes that re-parented are missed). */
    public static List<Long> descendants(long pid) {
        return ProcessHandle.of(pid).map(h -> h.descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).toList()).orElse(List.of());
    }

    /**
     * Sends {@code signal} to each target: a positive number is a process, a negative one a
     * process group. Missing targets are not an error. Returns true if kill(1) reported success
     * for every target.
     */
    public boolean kill(int signal, List<Long> targets) {
        List<String> cmd = new ArrayList<>(List.of(tools.kill(), "-" + signal, "--"));
        for (long t : targets) {
            // never init, never "every process" (-1), never our own group (0)
            if (Math.abs(t) > 1) cmd.add(Long.toString(t));
        }
        if (cmd.size() == 3) return true;
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            LOG.warning("cannot run " + tools.kill() + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
