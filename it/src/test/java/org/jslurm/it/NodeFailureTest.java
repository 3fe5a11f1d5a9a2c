package org.jslurm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Nodes that stop answering go DOWN and their jobs are requeued; a failing prolog drains its node. */
class NodeFailureTest {
    TestCluster c;

    @AfterEach
    void down() throws Exception {
        if (c != null) c.close();
    }

    @Test
    void silentNodesGoDownTheirJobsAreRequeuedAndTheyReturnToService() throws Exception {
        c = new TestCluster(1, "SlurmdTimeout=3").start();
        long id = c.submit("--wrap", "sleep 300");
        c.waitForState(id, Duration.ofSeconds(30), "RUNNING");
        c.killSlurmd();
        TestCluster.waitFor("node down", Duration.ofSeconds(30),
                () -> c.run("sinfo", "-h", "-N", "-o", "%t").out().trim().equals("down*"));
        assertEquals("PENDING", c.state(id), "a batch job on a failed node is requeued");
        assertEquals("1", c.field(id, "Restarts"));
        c.startSlurmd();
        TestCluster.waitFor("node back", Duration.ofSeconds(30), () -> c.idleNodes() == 1 || "RUNNING".equals(c.state(id)));
        c.run("scancel", String.valueOf(id));
    }

    @Test
    void aFailingPrologDrainsTheNodeAndRequeuesTheJob() throws Exception {
        var tmp = Files.createTempFile("prolog", ".sh");
        Files.writeString(tmp, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            c = new TestCluster(1, "Prolog=" + tmp).start();
            long id = c.submit("--wrap", "true");
            TestCluster.waitFor("node drained", Duration.ofSeconds(30),
                    () -> c.run("sinfo", "-h", "-N", "-o", "%t").out().trim().startsWith("drain"));
            assertTrue(c.run("sinfo", "-R").out().contains("Prolog error"));
            assertEquals("PENDING", c.state(id));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
