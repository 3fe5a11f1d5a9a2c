package org.jslurm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jslurm.model.SlurmError;
import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.JobInfoQuery;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Identity comes from the kernel; users touch only their own jobs; jobs run as their owner. */
class SecurityTest {
    static TestCluster c;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(TestUsers.root(), "needs root to create test users and run jobs as them");
        assumeTrue(TestUsers.ensure(TestUsers.ALICE) && TestUsers.ensure(TestUsers.BOB));
        c = new TestCluster(2, "").start();
    }

    @AfterAll
    static void down() throws Exception {
        if (c != null) c.close();
    }

    long submitAs(String user, String... args) {
        TestCluster.Result r = c.runAs(user, "sbatch", args);
        assertEquals(0, r.rc(), r.toString());
        return Long.parseLong(r.out().trim().replace("Submitted batch job ", ""));
    }

    @Test
    void aJobRunsAsItsSubmitterAndItsOutputBelongsToThem() throws Exception {
        long id = submitAs(TestUsers.ALICE, "--wrap", "id -un; echo $SLURM_JOB_USER");
        c.waitForState(id, Duration.ofSeconds(30), "COMPLETED");
        Path out = c.work.resolve("slurm-" + id + ".out");
        assertEquals(TestUsers.ALICE + "\n" + TestUsers.ALICE + "\n", Files.readString(out));
        assertEquals(TestUsers.ALICE, Files.getOwner(out).getName());
        TestCluster.Result q = c.run("squeue", "-h", "-t", "all", "-j", String.valueOf(id), "-o", "%u");
        assertEquals(TestUsers.ALICE, q.out().trim());
    }

    @Test
    void usersMayNotTouchOtherUsersJobs() {
        long id = submitAs(TestUsers.ALICE, "-H", "--wrap", "true");
        TestCluster.Result cancel = c.runAs(TestUsers.BOB, "scancel", String.valueOf(id));
        assertTrue(cancel.rc() != 0, cancel.toString());
        assertTrue(cancel.err().contains("Access/permission denied"), cancel.err());
        TestCluster.Result release = c.runAs(TestUsers.BOB, "scontrol", "release", String.valueOf(id));
        assertEquals(1, release.rc(), release.toString());
        assertTrue(release.err().contains("Access/permission denied"), release.err());
        TestCluster.Result drain = c.runAs(TestUsers.BOB, "scontrol", "update", "NodeName=n1", "State=DRAIN",
                "Reason=x");
        assertEquals(1, drain.rc(), drain.toString());
        assertEquals("PENDING", c.state(id));
        assertEquals(0, c.runAs(TestUsers.ALICE, "scancel", String.valueOf(id)).rc());
        assertEquals("CANCELLED", c.waitForState(id, Duration.ofSeconds(10), "CANCELLED"));
    }

    @Test
    void forgedOrMissingCredentialsAreRefusedAndLogged() {
        for (byte[] cred : List.of(new byte[0], new byte[65], "garbage".getBytes())) {
            RpcClient client = new RpcClient(List.of(new RpcClient.Address("127.0.0.1", c.ctldPort)), () -> cred, 5000);
            Response r = client.callRaw(Request.newBuilder().setJobInfo(JobInfoQuery.getDefaultInstance()));
            assertEquals(SlurmError.AUTHENTICATION.name(), r.getError());
        }
        assertTrue(c.log("slurmctld.log").contains("authentication failed"), "refusals are logged");
        assertEquals(0, c.run("squeue").rc(), "the controller keeps serving");
    }
}
