package org.jslurm.it;

import java.io.IOException;

/** Unprivileged Unix users for the security tests, created on first use when running as root. */
final class TestUsers {
    private TestUsers() {}

    static final String ALICE = "jslurm-alice";
    static final String BOB = "jslurm-bob";

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Creates the user if missing; returns false if that is impossible here (not root). */
    static synchronized boolean ensure(String user) {
        try {
            if (new ProcessBuilder("id", "-u", user).start().waitFor() == 0) return true;
            if (!root()) return false;
            Process p = new ProcessBuilder("useradd", "--no-create-home", "--shell", "/bin/bash", user)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0 && new ProcessBuilder("id", "-u", user).start().waitFor() != 0) {
                throw new IllegalStateException("useradd " + user + " failed: " + out);
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
