package org.jslurm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Garbage on the wire and broken configuration get clear errors; nothing accepted is lost. */
class BadInputTest {
    static TestCluster c;

    @BeforeAll
    static void up() throws Exception {
        c = new TestCluster(1, "").start();
    }

    @AfterAll
    static void down() throws Exception {
        if (c != null) c.close();
    }

    @Test
    void garbageTruncatedAndHugeFramesDoNotDisturbTheDaemons() throws Exception {
        long before = c.submit("-H", "--wrap", "true");
        int nodePort = c.ctldPort + 1;
        Random rnd = new Random(42);
        for (int port : new int[] {c.ctldPort, nodePort}) {
            for (int i = 0; i < 20; i++) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    OutputStream o = s.getOutputStream();
                    switch (i % 4) {
                        case 0 -> { byte[] b = new byte[1 + rnd.nextInt(4096)]; rnd.nextBytes(b); o.write(b); }
                        case 1 -> { // valid header, absurd length
                            DataOutputStream d = new DataOutputStream(o);
                            d.writeShort(('J' << 8) | 'S'); d.writeShort(1); d.writeInt(Integer.MAX_VALUE);
                        }
                        case 2 -> { // truncated frame
                            DataOutputStream d = new DataOutputStream(o);
                            d.writeShort(('J' << 8) | 'S'); d.writeShort(1); d.writeInt(100); d.write(new byte[10]);
                        }
                        default -> { // a future protocol version
                            DataOutputStream d = new DataOutputStream(o);
                            d.writeShort(('J' << 8) | 'S'); d.writeShort(999); d.writeInt(0);
                        }
                    }
                    o.flush();
                    s.shutdownOutput();
                    s.getInputStream().readAllBytes();
                } catch (java.io.IOException reset) {
                    // the daemon may close on us: that is fine
                }
            }
        }
        assertEquals("PENDING", c.state(before));
        assertEquals(0, c.run("sinfo").rc());
        long after = c.submit("--wrap", "true");
        c.waitForState(after, java.time.Duration.ofSeconds(30), "COMPLETED");
        assertEquals(1, c.idleNodes(), "the node daemon still serves the controller");
    }

    @Test
    void aMalformedSlurmConfIsAnErrorNamingFileAndLine() throws Exception {
        var bad = c.dir.resolve("etc/bad.conf");
        Files.writeString(bad, "ClusterName=x\nSlurmctldPort=notanumber\n");
        TestCluster.Result r = c.run("slurmctld", "-D", "-f", bad.toString());
        assertEquals(1, r.rc(), r.toString());
        assertTrue(r.err().contains("bad.conf:2"), r.err());
    }

    @Test
    void aScriptThatIsNotAFileIsRefused() {
        TestCluster.Result r = c.run("sbatch", "/nonexistent/script.sh");
        assertEquals(1, r.rc());
        assertEquals("sbatch: error: Unable to open file /nonexistent/script.sh\n", r.err());
        TestCluster.Result empty = c.runWithInput("", "sbatch");
        assertEquals(1, empty.rc());
        assertEquals("sbatch: error: Batch script is empty!\n", empty.err());
    }
}
