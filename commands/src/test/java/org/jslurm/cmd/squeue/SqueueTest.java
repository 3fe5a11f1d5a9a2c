package org.jslurm.cmd.squeue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jslurm.cmd.Main;
import org.jslurm.cmd.testing.FakeCluster;
import org.jslurm.cmd.testing.Fixtures;
import org.jslurm.cmd.testing.Run;
import org.jslurm.model.Job;
import org.jslurm.model.JobState;
import org.jslurm.model.Reasons;
import org.jslurm.rpc.Convert;
import org.jslurm.wire.proto.JobList;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;
import org.junit.jupiter.api.Test;

class SqueueTest {
    static final String HEADER = "             JOBID PARTITION     NAME     USER ST       TIME  NODES NODELIST(REASON)\n";

    static FakeCluster cluster(List<Job> jobs) {
        return new FakeCluster(r -> {
            JobList.Builder l = JobList.newBuilder().setNow(Fixtures.T43);
            for (Job j : jobs) {
                if (r.getJobInfo().getJobIdsCount() == 0 || r.getJobInfo().getJobIdsList().contains(j.id())) {
                    l.addJobs(Convert.toMsg(j, false));
                }
            }
            return Response.newBuilder().setJobs(l).build();
        });
    }

    static List<Job> withFinished() {
        List<Job> jobs = new java.util.ArrayList<>(Fixtures.queue());
        Job.Builder f = Fixtures.running(14, Fixtures.spec("wrap"), 4294901749L, Fixtures.T41).toBuilder();
        f.state = JobState.FAILED;
        f.reason = Reasons.NON_ZERO_EXIT;
        f.endTime = Fixtures.T41;
        f.exitCode = 3;
        jobs.add(f.build());
        return jobs;
    }

    static Run run(String... args) {
        return Run.of(new Squeue(), cluster(withFinished()), args);
    }

    @Test
    void defaultHidesFinishedJobs() {
        Run r = run();
        assertEquals(0, r.rc());
        assertEquals(HEADER
                + "                 5     debug needs2cp     root PD       0:00      1 (Resources)\n"
                + "                 6     debug fromfile     root PD       0:00      1 (JobHeldUser)\n"
                + "                 3     debug  heldjob     root PD       0:00      1 (JobHeldUser)\n"
                + "                 1     debug     wrap     root  R       0:00      1 vm\n"
                + "                 2     debug     wrap     root  R       0:00      1 vm\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void statesAllShowsFinished() {
        Run r = run("-h", "-t", "all", "-o", "%i %t");
        assertEquals("14 F\n5 PD\n6 PD\n3 PD\n1 R\n2 R\n", r.out());
        Run f = run("--states=F", "--format=%i|%T|%R");
        assertEquals("JOBID|STATE|NODELIST(REASON)\n14|FAILED|(NonZeroExitCode)\n", f.out());
    }

    @Test
    void statesShortAndLongCaseInsensitive() {
        assertEquals("5\n6\n3\n1\n2\n", run("-h", "-o", "%i", "-t", "pd,R").out());
        assertEquals("1\n2\n", run("-h", "-o", "%i", "--state=running,CG,S,ST,RS,SI,SO").out());
        assertEquals("", run("-h", "-o", "%i", "-t", "PD,CF,RF,RH,RQ,SE").out().replaceAll("[0-9]+\n", ""));
    }

    @Test
    void badState() {
        Run r = run("-t", "bogus");
        assertEquals(1, r.rc());
        assertTrue(r.err().startsWith("squeue: error: Invalid job state specified: bogus\n"
                + "squeue: error: Valid job states include: PENDING,RUNNING,"), r.err());
        assertEquals(1, run("-t", "all,pd").rc());
    }

    @Test
    void bundledShortOptions() {
        Run r = run("-ho%i|%t");
        assertEquals("5|PD\n6|PD\n3|PD\n1|R\n2|R\n", r.out());
    }

    @Test
    void jobsWithSpaceAndUnknownIds() {
        assertEquals(HEADER + "                 3     debug  heldjob     root PD       0:00      1 (JobHeldUser)\n",
                run("-j", "3").out());
        assertEquals("3\n1\n", run("-h", "--jobs=1,3,999", "-o", "%i").out());
        Run r = run("-j", "999");
        assertEquals(1, r.rc());
        assertEquals("", r.out());
        assertEquals("slurm_load_jobs error: Invalid job id specified\n", r.err());
        Run bad = run("-j", "abc");
        assertEquals("squeue: error: Invalid job id: abc\n", bad.err());
        assertEquals(1, bad.rc());
    }

    @Test
    void filtersByUserNameAndPartition() {
        assertEquals("5\n6\n3\n1\n2\n", run("-h", "-o", "%i", "-u", "root").out());
        assertEquals("5\n6\n3\n1\n2\n", run("-h", "-o", "%i", "--user=0").out());
        assertEquals("", run("-h", "-o", "%i", "-u", "alice").out());
        assertEquals("", run("-h", "-o", "%i", "-p", "other").out());
        assertEquals("1\n2\n", run("-h", "-o", "%i", "--name=wrap").out());
        assertEquals("5\n6\n3\n1\n2\n", run("-h", "-o", "%i", "--me").out());
        assertEquals(HEADER, run("-n", "nosuch").out());
        assertEquals("", run("-hn", "nosuch").out());
    }

    @Test
    void sortOption() {
        assertEquals("1\n2\n3\n5\n6\n", run("-h", "-o", "%i", "-S", "-t,i").out());
        assertEquals("1\n2\n3\n5\n6\n", run("-h", "-o", "%i", "--sort=i").out());
    }

    @Test
    void longFormatPrintsDateFirst() {
        Run r = run("-l");
        assertTrue(r.out().startsWith("Sun Nov 22 03:56:43 2026\n             JOBID PARTITION     NAME     USER    STATE"),
                r.out());
        assertTrue(run("-l", "-h").out().startsWith("                 5     debug"), "no date without header");
        assertTrue(run("-l", "-o", "%i").out().startsWith("Sun Nov 22 03:56:43 2026\nJOBID\n"));
    }

    @Test
    void clustersLine() {
        Run r = run("-M", "all", "-h", "-o", "%i");
        assertEquals("CLUSTER: testcluster\n5\n6\n3\n1\n2\n", r.out());
    }

    @Test
    void oodLongFormat() {
        Run r = run("--all", "--states=all", "--noconvert", "-O", "JobID:\u001f,StateCompact:\u001f,UserName:\u001f,",
                "-j", "14");
        assertEquals("JOBID\u001fST\u001fUSER\u001f\n14\u001fF\u001froot\u001f\n", r.out());
    }

    @Test
    void formatAndFormatLongConflict() {
        Run r = run("-o", "%i", "-O", "jobid");
        assertEquals(1, r.rc());
        assertEquals("squeue: error: -O (--Format) is incompatible with -o (--format)\n", r.err());
    }

    @Test
    void optionErrorsAndVersion() {
        Run r = run("--bogus");
        assertEquals(1, r.rc());
        assertEquals("squeue: unrecognized option '--bogus'\nTry \"squeue --help\" for more information\n", r.err());
        assertEquals(Main.VERSION + "\n", run("-V").out());
        assertEquals(Main.VERSION + "\n", run("--vers").out());
        assertEquals(0, run("--usage").rc());
        assertTrue(run("--help").out().contains("--format"));
        Run extra = run("foo");
        assertEquals(1, extra.rc());
        assertTrue(extra.err().startsWith("squeue: error: Unrecognized option: foo\nUsage: squeue"), extra.err());
    }

    @Test
    void unreachableController() {
        Run r = Run.of(new Squeue(), FakeCluster.unreachable());
        assertEquals(1, r.rc());
        assertEquals("slurm_load_jobs error: Unable to contact slurm controller (connect failure)\n", r.err());
    }

    @Test
    void sendsJobIdsToController() {
        FakeCluster c = cluster(Fixtures.queue());
        Run.of(new Squeue(), c, "-j", "1,3");
        Request req = c.requests.get(0);
        assertEquals(List.of(1L, 3L), req.getJobInfo().getJobIdsList());
    }

    @Test
    void jsonHasJobStateList() {
        Run r = run("--json");
        assertEquals(0, r.rc());
        assertTrue(r.out().contains("\"job_state\": [\n"), r.out());
        assertTrue(r.out().contains("\"job_id\": 5,"), r.out());
        assertTrue(r.out().contains("\"state_reason\": \"Resources\""), r.out());
        assertTrue(r.out().contains("\"data_parser\": \"data_parser/v0.0.42\""), r.out());
    }

    @Test
    void stepsShowBatchSteps() {
        Run r = run("-s");
        assertEquals("         STEPID     NAME PARTITION     USER      TIME NODELIST\n"
                + "        1.batch    batch     debug     root      0:00 vm\n"
                + "        2.batch    batch     debug     root      0:00 vm\n", r.out());
    }
}
