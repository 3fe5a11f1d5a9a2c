package org.jslurm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nothing acknowledged is lost when daemons are killed with SIGKILL, and running jobs keep running. */
class DurabilityTest {
    TestCluster c;

    @BeforeEach
    void up() throws Exception {
        c = new TestCluster(2, "SlurmdTimeout=120").start();
    }

    @AfterEach
    void down() throws Exception {
        if (c != null) c.close();
    }

    @Test
    void everyAcknowledgedJobSurvivesKill9OfTheController() throws Exception {
        long running = c.submit("--wrap", "sleep 4; echo done");
        c.waitForState(running, Duration.ofSeconds(30), "RUNNING");
        List<Long> acked = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) acked.add(c.submit("-H", "-J", "durable", "--wrap", "true"));
                }));
            }
            for (Future<?> f : fs) f.get();
        }
        c.run("scontrol", "update", "NodeName=n2", "State=DRAIN", "Reason=maint");
        c.killCtld();
        c.startCtld();
        for (long id : acked) assertEquals("PENDING", c.state(id), "job " + id + " after restart");
        assertEquals("JobHeldUser", c.field(acked.get(0), "Reason"));
        assertTrue(c.run("sinfo", "-h", "-N", "-o", "%N %t").out().contains("n2 drain"), "node state survives");
        // the job that was running when the controller died finishes normally
        assertEquals("COMPLETED", c.waitForState(running, Duration.ofSeconds(60), "COMPLETED", "FAILED", "NODE_FAIL"));
        // ids keep increasing after recovery
        long next = c.submit("-H", "--wrap", "true");
        assertTrue(next > Collections.max(acked), "new id " + next + " after " + Collections.max(acked));
    }

    @Test
    void restartingSlurmdKeepsTheJobAndRecordsItsExitCode() throws Exception {
        long id = c.submit("--wrap", "sleep 4; exit 7");
        c.waitForState(id, Duration.ofSeconds(30), "RUNNING");
        c.killSlurmd();
        c.startSlurmd();
        assertEquals("FAILED", c.waitForState(id, Duration.ofSeconds(60), "FAILED", "COMPLETED", "NODE_FAIL"));
        assertEquals("7:0", c.field(id, "ExitCode"));
    }
}
