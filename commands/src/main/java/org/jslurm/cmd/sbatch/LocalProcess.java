package org.jslurm.cmd.sbatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What sbatch reports about the process that submits: host name, uid, umask and nice value
 * (Slurm passes the last two to the job as SLURM_UMASK and SLURM_PRIO_PROCESS). Read from
 * /proc because Java has no cheap API for them (InetAddress.getLocalHost() may wait on DNS).
 *
 * @param umask octal with a leading zero ({@code 0022}), or null when unknown
 */
record LocalProcess(String hostname, int uid, String umask, int nice) {

    static LocalProcess current() {
        return new LocalProcess(readHostname(), readUid(), readUmask(), readNice());
    }

    boolean isRoot() { return uid == 0; }

    private static String readHostname() {
        for (String p : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            String h = firstLine(Path.of(p));
            if (h != null && !h.isBlank()) return h.strip();
        }
        String h = System.getenv("HOSTNAME");
        return h != null && !h.isBlank() ? h : "localhost";
    }

    private static int readUid() {
        String v = statusField("Uid:");
        if (v != null) {
            try {
                return Integer.parseInt(v.split("\\s+")[0]);
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return "root".equals(System.getProperty("user.name")) ? 0 : -1;
    }

    private static String readUmask() {
        String v = statusField("Umask:");
        return v == null ? null : v.strip();
    }

    /** Field 19 of /proc/self/stat, counted after the parenthesised command name. */
    private static int readNice() {
        String stat = firstLine(Path.of("/proc/self/stat"));
        if (stat == null) return 0;
        int close = stat.lastIndexOf(')');
        String[] f = stat.substring(close + 1).strip().split(" ");
        try {
            return f.length > 16 ? Integer.parseInt(f[16]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith(name)) return line.substring(name.length()).strip();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String firstLine(Path p) {
        try {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
