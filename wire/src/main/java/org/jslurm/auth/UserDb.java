package org.jslurm.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * User and group lookups from the operating system.
 *
 * <p>{@code /etc/passwd} and {@code /etc/group} are parsed and cached; a file is parsed again
 * when its modification time, size or inode changes. Names and ids not in those files (users of
 * LDAP, SSSD and other NSS sources) are looked up by running {@code getent}, whose answers
 * (found or not) are cached for a minute.
 *
 * <p>Ids are Java {@code int}s holding the kernel's unsigned 32-bit {@code uid_t}/{@code gid_t}
 * (so uid 4294967294 is -2); print them with {@link Integer#toUnsignedString(int)}.
 *
 * <p>Thread-safe.
 */
public final class UserDb {

    private static final long GETENT_CACHE_TTL_MILLIS = 60_000;
    private static final long GETENT_TIMEOUT_MILLIS = 5_000;
    private static final int GETENT_CACHE_MAX = 4096;
    private static final int GETENT_MAX_OUTPUT = 4 << 20;

    private final Path passwdFile;
    private final Path groupFile;
    private volatile boolean useGetent;

    private volatile Passwd passwd = Passwd.EMPTY;
    private volatile Groups groups = Groups.EMPTY;
    private final Map<String, Cached> getentCache = new ConcurrentHashMap<>();

    /** A database reading {@code /etc/passwd} and {@code /etc/group}, falling back to getent. */
    public UserDb() {
        this(Path.of("/etc/passwd"), Path.of("/etc/group"), true);
    }

    /**
     * A database reading the given files; {@code useGetent} says whether names and ids missing
     * from them are looked up with {@code getent} (the system's NSS configuration).
     */
    public UserDb(Path passwdFile, Path groupFile, boolean useGetent) {
        this.passwdFile = Objects.requireNonNull(passwdFile, "passwdFile");
        this.groupFile = Objects.requireNonNull(groupFile, "groupFile");
        this.useGetent = useGetent;
    }

    /** The system's database: {@code new UserDb()}, shared. */
    public static UserDb system() {
        return SystemHolder.INSTANCE;
    }

    private static final class SystemHolder {
        static final UserDb INSTANCE = new UserDb();
    }

    // ---- users ------------------------------------------------------------------------------

    /** The uid of the user named {@code user}. */
    public OptionalInt uidOf(String user) {
        return userByName(user).map(u -> OptionalInt.of(u.uid)).orElse(OptionalInt.empty());
    }

    /** The name of the user with uid {@code uid}. */
    public Optional<String> nameOf(int uid) {
        return userByUid(uid).map(User::name);
    }

    /**
     * The primary gid of the user with uid {@code uid}.
     *
     * @throws NoSuchElementException if there is no such user
     */
    public int primaryGid(int uid) {
        return userByUid(uid)
                .orElseThrow(() -> new NoSuchElementException("no user with uid " + Integer.toUnsignedString(uid)))
                .gid;
    }

    /** The home directory of the user with uid {@code uid}. */
    public Optional<String> homeOf(int uid) {
        return userByUid(uid).map(User::home);
    }

    /** The login shell of the user with uid {@code uid}. */
    public Optional<String> shellOf(int uid) {
        return userByUid(uid).map(User::shell);
    }

    // ---- groups -----------------------------------------------------------------------------

    /** The gid of the group named {@code group}. */
    public OptionalInt gidOf(String group) {
        return groupByName(group).map(g -> OptionalInt.of(g.gid)).orElse(OptionalInt.empty());
    }

    /** The name of the group with gid {@code gid}. */
    public Optional<String> groupName(int gid) {
        return groupByGid(gid).map(Group::name);
    }

    /**
     * The groups of the user named {@code user}: the primary group first, then the groups that
     * list the user as a member, without duplicates. Empty if there is no such user.
     */
    public List<Integer> groupsOf(String user) {
        Optional<User> u = userByName(user);
        if (u.isEmpty()) {
            return List.of();
        }
        Set<Integer> gids = new LinkedHashSet<>();
        gids.add(u.get().gid);
        gids.addAll(groups().memberships.getOrDefault(user, List.of()));
        if (!u.get().fromFiles) {
            gids.addAll(getentInitgroups(user));
        }
        return List.copyOf(gids);
    }

    // ---- the current process ----------------------------------------------------------------

    /**
     * The effective uid of this process (the one the kernel checks permissions against and
     * reports to peers of its sockets), from {@code /proc/self/status}.
     */
    public static int currentUid() {
        return Self.IDS[0];
    }

    /** The effective gid of this process, from {@code /proc/self/status}. */
    public static int currentGid() {
        return Self.IDS[1];
    }

    private static final class Self {
        static final int[] IDS = read();

        private static int[] read() {
            try {
                String status = Files.readString(Path.of("/proc/self/status"), StandardCharsets.ISO_8859_1);
                int uid = -1;
                int gid = -1;
                boolean haveUid = false;
                boolean haveGid = false;
                for (String line : status.split("\n")) {
                    if (line.startsWith("Uid:")) {
                        uid = effectiveId(line);
                        haveUid = true;
                    } else if (line.startsWith("Gid:")) {
                        gid = effectiveId(line);
                        haveGid = true;
                    }
                }
                if (haveUid && haveGid) {
                    return new int[] {uid, gid};
                }
            } catch (IOException | RuntimeException e) {
                // fall through: not Linux, or /proc not mounted
            }
            // Real (not effective) ids; the same for anything but a set-id program.
            com.sun.security.auth.module.UnixSystem sys = new com.sun.security.auth.module.UnixSystem();
            return new int[] {(int) sys.getUid(), (int) sys.getGid()};
        }

        /** "Uid:\treal\teffective\tsaved\tfs" -> effective. */
        private static int effectiveId(String line) {
            String[] f = line.substring(4).strip().split("\\s+");
            return Integer.parseUnsignedInt(f.length > 1 ? f[1] : f[0]);
        }
    }

    // ---- lookups ----------------------------------------------------------------------------

    private Optional<User> userByName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        User u = passwd().byName.get(name);
        if (u != null) {
            return Optional.of(u);
        }
        return getentUser(name).filter(e -> e.name.equals(name));
    }

    private Optional<User> userByUid(int uid) {
        User u = passwd().byUid.get(uid);
        if (u != null) {
            return Optional.of(u);
        }
        return getentUser(Integer.toUnsignedString(uid)).filter(e -> e.uid == uid);
    }

    private Optional<Group> groupByName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Group g = groups().byName.get(name);
        if (g != null) {
            return Optional.of(g);
        }
        return getentGroup(name).filter(e -> e.name.equals(name));
    }

    private Optional<Group> groupByGid(int gid) {
        Group g = groups().byGid.get(gid);
        if (g != null) {
            return Optional.of(g);
        }
        return getentGroup(Integer.toUnsignedString(gid)).filter(e -> e.gid == gid);
    }

    // ---- files ------------------------------------------------------------------------------

    private record User(String name, int uid, int gid, String home, String shell, boolean fromFiles) {}

    private record Group(String name, int gid) {}

    /** Identifies a version of a file: changes when it is rewritten or replaced. */
    private record Stamp(long modifiedNanos, long size, Object fileKey) {
        static final Stamp MISSING = new Stamp(Long.MIN_VALUE, -1, null);

        static Stamp of(Path p) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size(), a.fileKey());
            } catch (IOException e) {
                return MISSING;
            }
        }
    }

    private record Passwd(Stamp stamp, Map<String, User> byName, Map<Integer, User> byUid) {
        static final Passwd EMPTY = new Passwd(null, Map.of(), Map.of());
    }

    private record Groups(Stamp stamp, Map<String, Group> byName, Map<Integer, Group> byGid,
                          Map<String, List<Integer>> memberships) {
        static final Groups EMPTY = new Groups(null, Map.of(), Map.of(), Map.of());
    }

    private Passwd passwd() {
        Stamp now = Stamp.of(passwdFile);
        Passwd p = passwd;
        if (now.equals(p.stamp)) {
            return p;
        }
        synchronized (this) {
            p = passwd;
            if (!now.equals(p.stamp)) {
                p = parsePasswd(now, readLines(passwdFile));
                passwd = p;
            }
            return p;
        }
    }

    private Groups groups() {
        Stamp now = Stamp.of(groupFile);
        Groups g = groups;
        if (now.equals(g.stamp)) {
            return g;
        }
        synchronized (this) {
            g = groups;
            if (!now.equals(g.stamp)) {
                g = parseGroups(now, readLines(groupFile));
                groups = g;
            }
            return g;
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            try {
                // Not valid UTF-8: names are bytes to the kernel; keep going rather than fail.
                return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (IOException e2) {
                return List.of();
            }
        }
    }

    private static Passwd parsePasswd(Stamp stamp, List<String> lines) {
        Map<String, User> byName = new HashMap<>();
        Map<Integer, User> byUid = new HashMap<>();
        for (String line : lines) {
            User u = parsePasswdLine(line, true);
            if (u != null) {
                // The first entry wins, as with getpwnam/getpwuid.
                byName.putIfAbsent(u.name, u);
                byUid.putIfAbsent(u.uid, u);
            }
        }
        return new Passwd(stamp, Map.copyOf(byName), Map.copyOf(byUid));
    }

    private static Groups parseGroups(Stamp stamp, List<String> lines) {
        Map<String, Group> byName = new HashMap<>();
        Map<Integer, Group> byGid = new HashMap<>();
        Map<String, List<Integer>> memberships = new HashMap<>();
        for (String line : lines) {
            String[] f = fields(line, 4);
            if (f == null) {
                continue;
            }
            Integer gid = parseId(f[2]);
            if (gid == null) {
                continue;
            }
            Group g = new Group(f[0], gid);
            byName.putIfAbsent(g.name, g);
            byGid.putIfAbsent(g.gid, g);
            if (f.length > 3) {
                for (String member : f[3].split(",")) {
                    String m = member.strip();
                    if (!m.isEmpty()) {
                        memberships.computeIfAbsent(m, k -> new ArrayList<>()).add(gid);
                    }
                }
            }
        }
        memberships.replaceAll((k, v) -> List.copyOf(v));
        return new Groups(stamp, Map.copyOf(byName), Map.copyOf(byGid), Map.copyOf(memberships));
    }

    /** name:passwd:uid:gid:gecos:home:shell, or null if the line is not an entry. */
    private static User parsePasswdLine(String line, boolean fromFiles) {
        String[] f = fields(line, 7);
        if (f == null || f.length < 4) {
            return null;
        }
        Integer uid = parseId(f[2]);
        Integer gid = parseId(f[3]);
        if (uid == null || gid == null) {
            return null;
        }
        String home = f.length > 5 ? f[5] : "";
        String shell = f.length > 6 ? f[6] : "";
        return new User(f[0], uid, gid, home, shell, fromFiles);
    }

    /**
     * The colon-separated fields of an entry line, or null for blank lines, comments and NIS
     * compatibility entries ({@code +name}, {@code -name}).
     */
    private static String[] fields(String line, int max) {
        if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '+' || line.charAt(0) == '-') {
            return null;
        }
        String[] f = line.split(":", max);
        if (f.length < 3 || f[0].isEmpty()) {
            return null;
        }
        return f;
    }

    private static Integer parseId(String s) {
        try {
            return Integer.parseUnsignedInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- getent -----------------------------------------------------------------------------

    private record Cached(Object value, long expiresNanos) {}

    private Optional<User> getentUser(String key) {
        Object v = getent("passwd", key, out -> parsePasswdLine(firstLine(out), false));
        return Optional.ofNullable((User) v);
    }

    private Optional<Group> getentGroup(String key) {
        Object v = getent("group", key, out -> {
            String[] f = fields(firstLine(out), 4);
            Integer gid = f == null ? null : parseId(f[2]);
            return gid == null ? null : new Group(f[0], gid);
        });
        return Optional.ofNullable((Group) v);
    }

    /** The supplementary gids NSS gives {@code user} ("user  gid gid ..."). */
    private List<Integer> getentInitgroups(String user) {
        Object v = getent("initgroups", user, out -> {
            List<Integer> gids = new ArrayList<>();
            String[] f = firstLine(out).strip().split("\\s+");
            for (int i = 1; i < f.length; i++) {
                Integer gid = parseId(f[i]);
                if (gid != null) {
                    gids.add(gid);
                }
            }
            return List.copyOf(gids);
        });
        @SuppressWarnings("unchecked")
        List<Integer> gids = v == null ? List.of() : (List<Integer>) v;
        return gids;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Runs {@code getent db key} (cached) and parses its output; null if not found. */
    private Object getent(String db, String key, Function<String, Object> parse) {
        if (!useGetent || !safeKey(key)) {
            return null;
        }
        String cacheKey = db + ':' + key;
        long now = System.nanoTime();
        Cached c = getentCache.get(cacheKey);
        if (c != null && now - c.expiresNanos < 0) {
            return c.value;
        }
        String out = runGetent(db, key);
        Object value = out == null ? null : parse.apply(out);
        if (getentCache.size() >= GETENT_CACHE_MAX) {
            getentCache.clear();
        }
        getentCache.put(cacheKey, new Cached(value,
                now + TimeUnit.MILLISECONDS.toNanos(GETENT_CACHE_TTL_MILLIS)));
        return value;
    }

    /** Names we pass to getent: no option look-alikes, separators or control characters. */
    private static boolean safeKey(String key) {
        if (key.isEmpty() || key.length() > 256 || key.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch <= ' ' || ch == ':' || ch == ',' || ch == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** getent's output, or null when it finds nothing, fails, or takes too long. */
    private String runGetent(String db, String key) {
        Process p;
        try {
            p = new ProcessBuilder("getent", db, key)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            useGetent = false; // no getent on this system: don't try again
            return null;
        }
        // Poll rather than block, so that a hung NSS back end cannot hang us, and without
        // starting a thread; getent normally answers within milliseconds.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GETENT_TIMEOUT_MILLIS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (InputStream in = p.getInputStream()) {
            p.getOutputStream().close();
            while (true) {
                int available = in.available();
                if (available > 0) {
                    int n = in.read(chunk, 0, Math.min(available, chunk.length));
                    if (n < 0) {
                        break;
                    }
                    out.write(chunk, 0, n);
                } else if (!p.isAlive()) {
                    out.write(in.readNBytes(GETENT_MAX_OUTPUT + 1 - out.size()));
                    break;
                } else if (System.nanoTime() - deadline > 0) {
                    p.destroyForcibly();
                    return null;
                } else {
                    Thread.sleep(1);
                }
                if (out.size() > GETENT_MAX_OUTPUT) {
                    p.destroyForcibly();
                    return null;
                }
            }
            if (out.size() > GETENT_MAX_OUTPUT || p.waitFor() != 0) {
                return null;
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            p.destroyForcibly();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return null;
        }
    }

    @Override
    public String toString() {
        return "UserDb[" + passwdFile + ", " + groupFile + (useGetent ? ", getent" : "") + "]";
    }
}
