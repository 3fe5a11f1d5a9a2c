package org.jslurm.cmd.scancel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jslurm.cmd.CommandRun;
import org.jslurm.cmd.ScriptedCluster;
import org.jslurm.model.SlurmError;
import org.jslurm.model.SlurmException;
import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.JobList;
import org.jslurm.wire.proto.JobMsg;
import org.jslurm.wire.proto.JobSpecMsg;
import org.jslurm.wire.proto.KillJob;
import org.jslurm.wire.proto.KillReply;
import org.jslurm.wire.proto.KillResult;
import org.jslurm.wire.proto.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scancel against a scripted controller; texts and exit codes are scancel 22.05's. */
class ScancelTest {
    @TempDir Path dir;
    final ScriptedCluster cluster = new ScriptedCluster();
    final Map<String, String> vars = new HashMap<>(Map.of("USER", "alice"));

    CommandRun scancel(String... args) { return withStdin("", args); }

    CommandRun withStdin(String stdin, String... args) {
        return CommandRun.run(new Scancel(), List.of(args), vars, stdin, dir, cluster);
    }

    /** A reply with one result per job: an id alone succeeded, {@code id:ERROR} failed. */
    ScriptedCluster results(String... r) {
        KillReply.Builder b = KillReply.newBuilder();
        for (String s : r) {
            String[] p = s.split(":");
            b.addResults(KillResult.newBuilder().setJobId(Long.parseLong(p[0])).setError(p.length > 1 ? p[1] : ""));
        }
        return cluster.reply(Response.newBuilder().setKill(b).build());
    }

    KillJob kill() { return cluster.last().getKillJob(); }

    static void assertRun(CommandRun r, int code, String out, String err) {
        assertEquals(err, r.err(), "stderr");
        assertEquals(out, r.out(), "stdout");
        assertEquals(code, r.code(), "exit code");
    }

    // ---------------------------------------------------------------- the transcript

    @Test
    void cancelOne() {
        results("1");
        assertRun(scancel("1"), 0, "", "");
        assertEquals(List.of(1L), kill().getJobIdsList());
        assertEquals(0, kill().getSignal());
        assertFalse(kill().getBatchOnly());
        assertEquals("", kill().getUser());
    }

    @Test
    void cancelManyInOneRequest() {
        results("2", "4", "5", "6");
        assertRun(scancel("2", "4", "5", "6"), 0, "", "");
        assertEquals(List.of(2L, 4L, 5L, 6L), kill().getJobIdsList());
        assertEquals(1, cluster.requests.size());
    }

    @Test
    void unknownOrFinishedJobsAreSilent() {
        results("999999:INVALID_JOB_ID");
        assertRun(scancel("999999"), 0, "", "");
        results("1:ALREADY_DONE");
        assertRun(scancel("1"), 0, "", "");
    }

    @Test
    void verboseShowsThem() {
        results("999999:INVALID_JOB_ID");
        assertRun(scancel("-v", "999999"), 0, "", "scancel: Terminating job 999999\n"
                + "scancel: error: Kill job error on job id 999999: Invalid job id specified\n");
    }

    @Test
    void otherErrorsAreReported() {
        results("7", "8:ACCESS_DENIED");
        assertRun(scancel("7", "8"), SlurmError.ACCESS_DENIED.code() & 0xff, "",
                "scancel: error: Kill job error on job id 8: Access/permission denied\n");
    }

    @Test
    void signallingAGoneJobIsAnError() {
        results("999999:INVALID_JOB_ID");
        assertRun(scancel("--signal=USR1", "999999"), 1, "",
                "scancel: error: Kill job error on job id 999999: Invalid job id specified\n");
        assertEquals(10, kill().getSignal());
        results("999999:INVALID_JOB_ID");
        assertRun(scancel("-Q", "-s", "USR1", "999999"), 1, "", "");
    }

    // ---------------------------------------------------------------- ids

    @Test
    void idForms() {
        results("1");
        assertRun(scancel("1_2", "1.2", "1+2", "1_[2-3]", "007"), 0, "", "");
        assertEquals(List.of(1L, 7L), kill().getJobIdsList());
    }

    @Test
    void badIds() {
        assertRun(scancel("abc"), 1, "", "scancel: error: Invalid job id abc\n");
        assertRun(scancel("12", "abc"), 1, "", "scancel: error: Invalid job id abc\n");
        for (String id : List.of("12abc", "0", "1_2_3", "1.batch", "1..2", "1_2-3", "1.2.3", "5 ")) {
            assertRun(scancel(id), 1, "", "scancel: error: Invalid job id " + id + "\n");
        }
        assertTrue(cluster.requests.isEmpty());
    }

    @Test
    void nothingToCancel() {
        assertRun(scancel(), 1, "", "scancel: error: No job identification provided\n");
        assertRun(scancel("-b"), 1, "", "scancel: error: No job identification provided\n");
        assertRun(scancel("-i", "-v"), 1, "", "scancel: error: No job identification provided\n");
    }

    // ---------------------------------------------------------------- options

    @Test
    void signals() {
        for (String[] c : new String[][] {{"USR1", "10"}, {"SIGUSR1", "10"}, {"sigusr2", "12"}, {"10", "10"}, {"HUP", "1"},
                {"KILL", "0"}, {"9", "0"}, {"TERM", "15"}, {"XCPU", "24"}}) {
            results("5");
            assertRun(scancel("-s", c[0], "5"), 0, "", "");
            assertEquals(Integer.parseInt(c[1]), kill().getSignal(), c[0]);
        }
        for (String bad : List.of("FOO", "0", "SIGRTMIN", "1x", "B:USR1", "SEGV", "WINCH")) {
            assertRun(scancel("--signal=" + bad, "5"), 1, "", "Unknown job signal: " + bad + "\n");
        }
    }

    @Test
    void optionsAfterIds() {
        results("5");
        assertRun(scancel("5", "--signal", "USR1", "-b"), 0, "", "");
        assertEquals(10, kill().getSignal());
        assertTrue(kill().getBatchOnly());
    }

    @Test
    void verboseSignal() {
        results("5");
        assertRun(scancel("-v", "-s", "USR2", "-b", "5"), 0, "", "scancel: Signal 12 to batch job 5\n");
    }

    @Test
    void filters() {
        results("11", "12");
        assertRun(scancel("-u", "bob", "-p", "debug", "--name=foo", "-t", "pd"), 0, "", "");
        KillJob k = kill();
        assertEquals(List.of(), k.getJobIdsList());
        assertEquals("bob", k.getUser());
        assertEquals("debug", k.getPartition());
        assertEquals("foo", k.getName());
        assertEquals(List.of("PENDING"), k.getStatesList());
        results("13");
        assertRun(scancel("--me", "--jobname", "x"), 0, "", "");
        assertEquals("alice", kill().getUser());
        assertEquals("x", kill().getName());
    }

    @Test
    void states() {
        results("1");
        assertRun(scancel("-t", "running"), 0, "", "");
        assertEquals(List.of("RUNNING"), kill().getStatesList());
        for (String bad : List.of("FOO", "Pending,r", "all", "pd,cd")) {
            assertRun(scancel("-t", bad), 1, "",
                    "Invalid job state specified: " + bad + "\nValid job states are PENDING, RUNNING, and SUSPENDED\n");
        }
    }

    @Test
    void unsupportedFiltersAreRefusedNotIgnored() {
        assertRun(scancel("-A", "acct"), 1, "", "scancel: error: --account is not supported by jslurm yet\n");
        assertRun(scancel("--wckey=w", "5"), 1, "", "scancel: error: --wckey is not supported by jslurm yet\n");
        assertTrue(cluster.requests.isEmpty());
    }

    @Test
    void acceptedWithoutEffect() {
        results("5");
        assertRun(scancel("-M", "c1", "-H", "--ctld", "-f", "5"), 0, "", "");
        assertTrue(kill().getFull());
    }

    @Test
    void getoptErrors() {
        assertRun(scancel("--bogus"), 1, "", "scancel: unrecognized option '--bogus'\nTry \"scancel --help\" for more information\n");
        assertRun(scancel("-Z"), 1, "", "scancel: invalid option -- 'Z'\nTry \"scancel --help\" for more information\n");
        assertRun(scancel("-1"), 1, "", "scancel: invalid option -- '1'\nTry \"scancel --help\" for more information\n");
        assertRun(scancel("--s"), 1, "", "scancel: option '--s' is ambiguous; possibilities: '--sibling' '--signal' '--state'\n"
                + "Try \"scancel --help\" for more information\n");
        assertRun(scancel("--n"), 1, "", "scancel: option '--n' is ambiguous; possibilities: '--name' '--nodelist'\n"
                + "Try \"scancel --help\" for more information\n");
    }

    @Test
    void versionAndHelp() {
        assertRun(scancel("-V"), 0, "slurm 25.05.0-jslurm\n", "");
        assertRun(scancel("--version", "--bogus"), 0, "slurm 25.05.0-jslurm\n", "");
        assertTrue(scancel("--help").out().startsWith("Usage: scancel"));
        assertTrue(scancel("--usage").out().startsWith("Usage: scancel"));
    }

    // ---------------------------------------------------------------- failures of the request

    @Test
    void unreachableController() {
        cluster.fail(new RpcClient.UnreachableException(new IOException("refused")));
        assertRun(scancel("5", "6"), 8, "", "scancel: error: Kill job error on job id 5: Unable to contact slurm controller"
                + " (connect failure)\nscancel: error: Kill job error on job id 6: Unable to contact slurm controller"
                + " (connect failure)\n");
        cluster.fail(new RpcClient.UnreachableException(new IOException("refused")));
        assertRun(scancel("-s", "USR1", "5"), 1, "", "slurm_load_jobs error: Unable to contact slurm controller (connect failure)\n");
        cluster.fail(new RpcClient.UnreachableException(new IOException("refused")));
        assertRun(scancel("-u", "root"), 1, "", "slurm_load_jobs error: Unable to contact slurm controller (connect failure)\n");
    }

    @Test
    void refusedRequest() {
        cluster.fail(new SlurmException(SlurmError.ACCESS_DENIED));
        assertRun(scancel("5"), SlurmError.ACCESS_DENIED.code() & 0xff, "",
                "scancel: error: Kill job error on job id 5: Access/permission denied\n");
        cluster.fail(new SlurmException(SlurmError.ACCESS_DENIED));
        assertRun(scancel("-u", "bob"), SlurmError.ACCESS_DENIED.code() & 0xff, "", "scancel: error: Access/permission denied\n");
    }

    @Test
    void exitStatusKeepsTheLowByteButNeverZero() {
        assertEquals(0, Scancel.exitStatus(0));
        assertEquals(8, Scancel.exitStatus(1800));
        assertEquals(1, Scancel.exitStatus(2048));
    }

    // ---------------------------------------------------------------- environment and -i

    @Test
    void environment() {
        vars.put("SCANCEL_PARTITION", "debug");
        vars.put("SCANCEL_BATCH", "maybe");
        results("3");
        assertRun(scancel(), 0, "", "scancel: error: Unrecognized SCANCEL_BATCH value: maybe\n");
        assertEquals("debug", kill().getPartition());
        results("3");
        assertRun(scancel("-p", "other"), 0, "", "scancel: error: Unrecognized SCANCEL_BATCH value: maybe\n");
        assertEquals("other", kill().getPartition());
    }

    static JobMsg job(long id, String name, String state) {
        return JobMsg.newBuilder().setId(id).setPartition("debug").setState(state)
                .setSpec(JobSpecMsg.newBuilder().setName(name).setUserName("alice")).build();
    }

    @Test
    void interactiveAsksPerJob() {
        cluster.reply(Response.newBuilder().setJobs(JobList.newBuilder()
                .addJobs(job(5, "a", "RUNNING")).addJobs(job(6, "b", "PENDING"))).build());
        results("5");
        assertRun(withStdin("y\nn\n", "-i", "5", "6"), 0,
                "Cancel job_id=5 name=a partition=debug [y/n]? Cancel job_id=6 name=b partition=debug [y/n]? ", "");
        assertEquals(List.of(5L, 6L), cluster.requests.get(0).getJobInfo().getJobIdsList());
        assertEquals(List.of(5L), kill().getJobIdsList());
    }

    @Test
    void interactiveWithFiltersPicksFromTheQueue() {
        cluster.reply(Response.newBuilder().setJobs(JobList.newBuilder()
                .addJobs(job(5, "a", "RUNNING")).addJobs(job(6, "b", "PENDING")).addJobs(job(7, "a", "COMPLETED"))).build());
        results("5");
        assertRun(withStdin("maybe\nY\n", "-i", "-n", "a"), 0,
                "Cancel job_id=5 name=a partition=debug [y/n]? Cancel job_id=5 name=a partition=debug [y/n]? ", "");
        assertEquals(List.of(5L), kill().getJobIdsList());
        assertEquals("", kill().getName());
        cluster.reply(Response.newBuilder().setJobs(JobList.newBuilder().addJobs(job(5, "a", "RUNNING"))).build());
        assertRun(withStdin("", "-i", "-n", "a"), 0, "Cancel job_id=5 name=a partition=debug [y/n]? \n", "");
        assertEquals(3, cluster.requests.size());
    }
}
