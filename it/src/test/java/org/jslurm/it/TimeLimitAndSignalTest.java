package org.jslurm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Time limits end jobs TIMEOUT; signals reach the job's processes; limits can be changed. */
class TimeLimitAndSignalTest {
    static TestCluster c;

    @BeforeAll
    static void up() throws Exception {
        c = new TestCluster(2, "").start();
    }

    @AfterAll
    static void down() throws Exception {
        if (c != null) c.close();
    }

    @Test
    void aJobPastItsTimeLimitEndsTimeout() {
        long id = c.submit("-t", "1", "--wrap", "trap 'echo got TERM; exit 0' TERM; sleep 300 & wait");
        c.waitForState(id, Duration.ofSeconds(30), "RUNNING");
        assertEquals("00:01:00", c.field(id, "TimeLimit"));
        assertEquals("TIMEOUT", c.waitForState(id, Duration.ofSeconds(100), "TIMEOUT", "COMPLETED", "FAILED"));
    }

    @Test
    void scancelSignalReachesTheJobWithoutCancellingIt() throws Exception {
        long id = c.submit("--wrap", "trap 'echo got USR1' USR1; for i in $(seq 600); do sleep 0.1; done");
        c.waitForState(id, Duration.ofSeconds(30), "RUNNING");
        var out = c.work.resolve("slurm-" + id + ".out");
        // the trap is installed a moment after the job starts: signal until the job reports it
        TestCluster.waitFor("USR1 delivered", Duration.ofSeconds(30), () -> {
            c.run("scancel", "--signal=USR1", String.valueOf(id));
            try {
                return Files.exists(out) && Files.readString(out).contains("got USR1");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertEquals("RUNNING", c.state(id));
        c.run("scancel", String.valueOf(id));
        assertEquals("CANCELLED", c.waitForState(id, Duration.ofSeconds(30), "CANCELLED"));
    }

    @Test
    void usersMayLowerButNotRaiseTimeLimits() {
        long id = c.submit("-H", "-t", "10", "--wrap", "true");
        assertEquals(0, c.run("scontrol", "update", "JobId=" + id, "TimeLimit=5").rc());
        assertEquals("00:05:00", c.field(id, "TimeLimit"));
        if (TestUsers.root() && TestUsers.ensure(TestUsers.ALICE)) {
            TestCluster.Result r = c.runAs(TestUsers.ALICE, "sbatch", "-H", "-t", "10", "--wrap", "true");
            long mine = Long.parseLong(r.out().trim().replace("Submitted batch job ", ""));
            TestCluster.Result raise = c.runAs(TestUsers.ALICE, "scontrol", "update", "JobId=" + mine, "TimeLimit=20");
            assertTrue(raise.rc() != 0, raise.toString());
            assertTrue(raise.err().contains("Access/permission denied"), raise.err());
            assertEquals(0, c.runAs(TestUsers.ALICE, "scontrol", "update", "JobId=" + mine, "TimeLimit=2").rc());
        }
    }
}
