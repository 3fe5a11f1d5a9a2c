package org.jslurm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batch jobs through the real commands and daemons: what a user submits, sees and gets. */
class BatchJobTest {
    static TestCluster c;

    @BeforeAll
    static void up() throws Exception {
        c = new TestCluster(4, "").start();
    }

    @AfterAll
    static void down() throws Exception {
        if (c != null) c.close();
    }

    @Test
    void everyCommandAndDaemonPrintsItsVersion() {
        for (String cmd : new String[] {"sbatch", "squeue", "sinfo", "scancel", "scontrol", "sdiag", "slurmctld", "slurmd"}) {
            TestCluster.Result r = c.run(cmd, "-V");
            assertEquals(0, r.rc(), cmd + ": " + r);
            assertEquals("slurm 25.05.0-jslurm\n", r.out(), cmd);
        }
    }

    @Test
    void sdiagCountsTheRequestBeingServedAndTheJobsSubmitted() {
        long id = c.submit("-H", "--wrap", "true");
        TestCluster.Result r = c.run("sdiag");
        assertEquals(0, r.rc(), r.toString());
        // sdiag's own request is being served while the controller answers it
        assertTrue(r.out().matches("(?s).*\nServer thread count:  [1-9][0-9]*\n.*"), r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\nJobs submitted: (\\d+)\n").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Long.parseLong(m.group(1)) >= 1, r.out());
        c.run("scancel", String.valueOf(id));
    }

    @Test
    void batchJobRunsWithSlurmEnvironmentAndWritesItsOutputFile() throws Exception {
        long id = c.submit("-J", "envjob", "-N", "1", "--wrap", "echo start; env | grep ^SLURM_ | sort; pwd");
        assertEquals("COMPLETED", c.waitForState(id, Duration.ofSeconds(30), "COMPLETED", "FAILED"));
        String out = Files.readString(c.work.resolve("slurm-" + id + ".out"));
        assertTrue(out.startsWith("start\n"), out);
        assertTrue(out.contains("SLURM_JOB_ID=" + id + "\n"), out);
        assertTrue(out.contains("SLURM_JOBID=" + id + "\n"), out);
        assertTrue(out.contains("SLURM_JOB_NAME=envjob\n"), out);
        assertTrue(out.contains("SLURM_JOB_PARTITION=debug\n"), out);
        assertTrue(out.contains("SLURM_CLUSTER_NAME=it\n"), out);
        assertTrue(out.contains("SLURM_NNODES=1\n"), out);
        assertTrue(out.contains("SLURM_SUBMIT_DIR=" + c.work + "\n"), out);
        assertTrue(out.contains(c.work + "\n"), "runs in the submit directory: " + out);
        assertEquals("0:0", c.field(id, "ExitCode"));
    }

    @Test
    void aFailingJobIsFailedWithItsExitCodeAndSbatchWaitReturnsIt() {
        TestCluster.Result r = c.run("sbatch", "--wait", "--wrap", "exit 3");
        assertEquals(3, r.rc(), r.toString());
        long id = Long.parseLong(r.out().trim().replace("Submitted batch job ", ""));
        assertEquals("FAILED", c.state(id));
        assertEquals("3:0", c.field(id, "ExitCode"));
        assertEquals("NonZeroExitCode", c.field(id, "Reason"));
    }

    @Test
    void scriptFromAFileWithDirectivesAndPatterns() throws Exception {
        Path script = c.work.resolve("job.sh");
        Files.writeString(script, "#!/bin/bash\n#SBATCH -J fromfile\n#SBATCH -o out-%x-%j.txt\necho \"args: $*\"\n");
        long id = c.submit(script.toString(), "a", "b");
        Files.delete(script); // sbatch copied it at submission
        c.waitForState(id, Duration.ofSeconds(30), "COMPLETED");
        assertEquals("args: a b\n", Files.readString(c.work.resolve("out-fromfile-" + id + ".txt")));
    }

    @Test
    void cancellingARunningJobEndsItCancelled() {
        long id = c.submit("--wrap", "sleep 300");
        c.waitForState(id, Duration.ofSeconds(30), "RUNNING");
        TestCluster.Result r = c.run("scancel", String.valueOf(id));
        assertEquals(0, r.rc(), r.toString());
        assertEquals("CANCELLED", c.waitForState(id, Duration.ofSeconds(30), "CANCELLED"));
    }

    @Test
    void heldJobsWaitUntilReleased() {
        long id = c.submit("-H", "--wrap", "true");
        assertEquals("PENDING", c.state(id));
        assertEquals("JobHeldUser", c.field(id, "Reason"));
        assertEquals(0, c.run("scontrol", "release", String.valueOf(id)).rc());
        c.waitForState(id, Duration.ofSeconds(30), "COMPLETED");
    }

    @Test
    void impossibleRequestsAreRefusedOrPendAsSlurmDoes() {
        TestCluster.Result bad = c.run("sbatch", "-p", "nosuch", "--wrap=true");
        assertEquals(1, bad.rc());
        assertEquals("sbatch: error: invalid partition specified: nosuch\n"
                + "sbatch: error: Batch job submission failed: Invalid partition name specified\n", bad.err());
        TestCluster.Result opt = c.run("sbatch", "--bogus-option", "--wrap=true");
        assertEquals(255, opt.rc());
        assertTrue(opt.err().startsWith("sbatch: unrecognized option '--bogus-option'"), opt.err());
        long tooBig = c.submit("-N", "5", "-H", "--wrap=true");
        c.run("scontrol", "release", String.valueOf(tooBig));
        TestCluster.waitFor("PartitionConfig", Duration.ofSeconds(10),
                () -> "PartitionConfig".equals(c.field(tooBig, "Reason")));
        TestCluster.Result q = c.run("squeue", "-j", "999999");
        assertEquals(1, q.rc());
        assertEquals("slurm_load_jobs error: Invalid job id specified\n", q.err());
    }

    @Test
    void squeueAndSinfoDefaultLayouts() {
        TestCluster.Result q = c.run("squeue");
        assertEquals(0, q.rc());
        assertTrue(q.out().startsWith(
                "             JOBID PARTITION     NAME     USER ST       TIME  NODES NODELIST(REASON)\n"), q.out());
        TestCluster.Result s = c.run("sinfo");
        assertTrue(s.out().startsWith("PARTITION AVAIL  TIMELIMIT  NODES  STATE NODELIST\n"), s.out());
        assertTrue(s.out().contains("debug*       up   infinite"), s.out());
    }
}
