package org.jslurm.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The user database as the launcher needs it. The system implementation asks NSS through
 * {@code getent} (so LDAP/SSSD users work) and falls back to /etc/passwd and /etc/group.
 */
public interface Accounts {

    /** A passwd entry. */
    record Account(String name, int uid, int gid, String home, String shell) {}

    Optional<Account> byUid(int uid);

    Optional<Account> byName(String name);

    /** Supplementary group ids whose member list names {@code user}. */
    List<Integer> supplementaryGroups(String user);

    static Accounts system() { return new SystemAccounts(); }

    /** NSS through getent, else the files. */
    final class SystemAccounts implements Accounts {
        private static final String GETENT = firstExisting("/usr/bin/getent", "/bin/getent");

        @Override
        public Optional<Account> byUid(int uid) {
            return passwd(Integer.toString(uid)).or(() ->
                    files("/etc/passwd").stream().map(SystemAccounts::parsePasswd).flatMap(Optional::stream)
                            .filter(a -> a.uid() == uid).findFirst());
        }

        @Override
        public Optional<Account> byName(String name) {
            if (name == null || name.isEmpty()) return Optional.empty();
            return passwd(name).or(() ->
                    files("/etc/passwd").stream().map(SystemAccounts::parsePasswd).flatMap(Optional::stream)
                            .filter(a -> a.name().equals(name)).findFirst());
        }

        @Override
        public List<Integer> supplementaryGroups(String user) {
            List<String> lines = GETENT != null ? run(GETENT, "group") : List.of();
            if (lines.isEmpty()) lines = files("/etc/group");
            List<Integer> out = new ArrayList<>();
            for (String l : lines) {
                String[] f = l.split(":", -1);
                if (f.length < 4) continue;
                for (String m : f[3].split(",")) {
                    if (m.trim().equals(user)) {
                        try {
                            out.add(Integer.parseInt(f[2]));
                        } catch (NumberFormatException ignored) {
                            // malformed line
                        }
                        break;
                    }
                }
            }
            return out;
        }

        private static Optional<Account> passwd(String key) {
            if (GETENT == null) return Optional.empty();
            List<String> l = run(GETENT, "passwd", key);
            return l.isEmpty() ? Optional.empty() : parsePasswd(l.get(0));
        }

        static Optional<Account> parsePasswd(String line) {
            String[] f = line.split(":", -1);
            if (f.length < 7) return Optional.empty();
            try {
                return Optional.of(new Account(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[5], f[6]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        private static List<String> files(String path) {
            try {
                return Files.readAllLines(Path.of(path), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return List.of();
            }
        }

        private static List<String> run(String... cmd) {
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return List.of();
                }
                if (p.exitValue() != 0) return List.of();
                return new String(out, StandardCharsets.UTF_8).lines().toList();
            } catch (IOException e) {
                return List.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }

        private static String firstExisting(String... paths) {
            for (String p : paths) if (Files.isExecutable(Path.of(p))) return p;
            return null;
        }
    }
}
