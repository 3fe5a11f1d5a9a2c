package org.jslurm.cmd.fmt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * User and group names for numeric ids, looked up on this host as Slurm's commands do
 * (getpwuid/getgrgid): from /etc/passwd and /etc/group, read once and only when needed.
 * An unknown id prints as its number.
 */
public final class Ids {
    private Ids() {}

    private static Map<Integer, String> users;
    private static Map<Integer, String> groups;

    public static synchronized String userName(int uid) {
        if (users == null) users = read(Path.of("/etc/passwd"));
        return users.getOrDefault(uid, Integer.toString(uid));
    }

    public static synchronized String groupName(int gid) {
        if (groups == null) groups = read(Path.of("/etc/group"));
        return groups.getOrDefault(gid, Integer.toString(gid));
    }

    /** Reads {@code name:x:id:...} lines; first name for an id wins. */
    static Map<Integer, String> read(Path file) {
        Map<Integer, String> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(":", 4);
                if (f.length < 3) continue;
                try {
                    m.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                } catch (NumberFormatException ignored) {
                    // malformed line
                }
            }
        } catch (IOException | RuntimeException e) {
            // no such file on this host: numbers only
        }
        m.putIfAbsent(0, "root");
        return m;
    }
}
