package org.jslurm.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.jslurm.hostlist.HostList;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.JobState;
import org.jslurm.model.NodeAlloc;
import org.jslurm.model.SlurmError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs real batch jobs through the wrapper, as the current user and (when root) as other users. */
class JobSupervisorTest {
    static final String NODE = "tnode1";
    static final int ME = currentUid();

    Path base;
    Path spool;
    Path work;
    ScheduledExecutorService sched;
    final Map<Long, JobSupervisor.Outcome> outcomes = new ConcurrentHashMap<>();
    final List<JobSupervisor> supervisors = new ArrayList<>();
    final List<Long> launched = new ArrayList<>();
    long nextId = 100 + (System.nanoTime() & 0xffff);

    @BeforeEach
    void setUp() throws IOException {
        base = Files.createTempDirectory("jslurm-sup");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        spool = base.resolve("spool");
        work = base.resolve("work");
        Files.createDirectories(work);
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        sched = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (JobSupervisor s : supervisors) {
            for (long id : launched) {
                if (s.knows(id)) s.terminate(id, 0, "", false, null);
            }
        }
        for (JobSupervisor s : supervisors) {
            for (long id : launched) await(() -> !s.knows(id) || s.outcome(id).isPresent(), 10_000, "cleanup");
            assertTrue(s.awaitTerminations(Duration.ofSeconds(20)));
            s.close();
        }
        sched.shutdownNow();
        try (var w = Files.walk(base)) {
            for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    JobSupervisor supervisor(int daemonUid) throws IOException {
        JobSupervisor.Settings s = new JobSupervisor.Settings(NODE, spool, daemonUid, "/etc/slurm/slurm.conf",
                "testcluster", Duration.ofSeconds(20), Duration.ofMillis(100), Duration.ofSeconds(10),
                HostList::compress);
        JobSupervisor sup = new JobSupervisor(s, Accounts.system(), new ProcessTools(ProcessTools.Tools.find()),
                sched, o -> outcomes.put(o.jobId(), o), Clock.systemUTC());
        supervisors.add(sup);
        return sup;
    }

    JobSpec.Builder spec(String script, int uid, String user) {
        JobSpec.Builder s = JobSpec.builder();
        s.name = "test";
        s.uid = uid;
        s.gid = uid == 0 ? 0 : uid;
        s.userName = user;
        s.workDir = work.toString();
        s.script = script;
        s.submitHost = "vm";
        s.env = List.of("PATH=/usr/local/bin:/usr/bin:/bin", "MYVAR=it's a \"test\"", "HOME=/home/none");
        return s;
    }

    Job job(JobSpec spec) {
        long id = nextId++;
        launched.add(id);
        Job.Builder b = Job.pending(id, spec, "debug", 10, 1, 1_700_000_000L).toBuilder();
        b.state = JobState.RUNNING;
        b.startTime = System.currentTimeMillis() / 1000;
        b.alloc = List.of(new NodeAlloc(NODE, 1, 0));
        return b.build();
    }

    JobSupervisor.Outcome awaitOutcome(long id, long ms) {
        await(() -> outcomes.containsKey(id), ms, "outcome of job " + id);
        return outcomes.get(id);
    }

    static void await(BooleanSupplier cond, long ms, String what) {
        long deadline = System.nanoTime() + ms * 1_000_000;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static Map<String, String> parseEnv(String text) {
        Map<String, String> m = new HashMap<>();
        for (String l : text.split("\n")) {
            int eq = l.indexOf('=');
            if (eq > 0) m.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return m;
    }

    static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int owner(Path p) throws IOException { return (Integer) Files.getAttribute(p, "unix:uid"); }

    // ------------------------------------------------------------------------------ tests

    @Test
    void runsAScriptAndRecordsItsExitCode() throws Exception {
        JobSupervisor sup = supervisor(ME);
        Job j = job(spec("#!/bin/sh\necho hello\npwd\nenv\necho err >&2\nexit 3\n", ME, "me").build());
        sup.launch(new LaunchRequest(j, List.of("SLURM_WORKING_CLUSTER=tc:h:1:2:3"), "testcluster", "", ""));
        JobSupervisor.Outcome o = awaitOutcome(j.id(), 10_000);
        assertEquals(3, o.exitCode());
        assertEquals(0, o.signal());
        assertEquals(NODE, o.node());

        Path out = work.resolve("slurm-" + j.id() + ".out");
        String text = Files.readString(out);
        assertTrue(text.startsWith("hello\n" + work + "\n"), text);
        assertTrue(text.contains("\nerr\n"), "stderr goes to the same file: " + text);
        Map<String, String> env = parseEnv(text);
        assertEquals(Long.toString(j.id()), env.get("SLURM_JOB_ID"));
        assertEquals(Long.toString(j.id()), env.get("SLURM_JOBID"));
        assertEquals(NODE, env.get("SLURM_JOB_NODELIST"));
        assertEquals(NODE, env.get("SLURMD_NODENAME"));
        assertEquals("testcluster", env.get("SLURM_CLUSTER_NAME"));
        assertEquals("tc:h:1:2:3", env.get("SLURM_WORKING_CLUSTER"));
        assertEquals("it's a \"test\"", env.get("MYVAR"));
        assertEquals("/usr/local/bin:/usr/bin:/bin", env.get("PATH"));
        assertEquals(work.toString(), env.get("PWD"));
        assertEquals("BATCH", env.get("ENVIRONMENT"));
        assertTrue(env.get("SLURM_TASK_PID").matches("\\d+"));
        assertEquals(ME, owner(out));
        assertEquals(List.of(j.id()), sup.activeJobs(), "listed until the controller acknowledges");
        sup.acknowledged(outcomes.get(j.id()));
        assertFalse(Files.exists(JobFiles.of(spool, j.id()).dir()), "spool directory removed after the ack");
        assertFalse(sup.knows(j.id()));
    }

    @Test
    void scriptPidAndSeparateStderrWithPatternsAndAppend() throws Exception {
        JobSupervisor sup = supervisor(ME);
        JobSpec.Builder s = spec("#!/bin/sh\necho \"pid $SLURM_TASK_PID $$\"\necho oops >&2\ncat\n", ME, "me");
        s.stdout = "%x-%j.out";
        s.stderr = work + "/err-%6j-%u.txt";
        s.stdin = "in.txt";
        s.openMode = "append";
        Files.writeString(work.resolve("in.txt"), "from stdin\n");
        Job j = job(s.build());
        Files.writeString(work.resolve("test-" + j.id() + ".out"), "old\n");
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        assertEquals(0, awaitOutcome(j.id(), 10_000).exitCode());
        String out = Files.readString(work.resolve("test-" + j.id() + ".out"));
        String[] lines = out.split("\n");
        assertEquals("old", lines[0]);
        String[] pids = lines[1].split(" ");
        assertEquals(pids[1], pids[2], "SLURM_TASK_PID is the script's pid");
        assertEquals("from stdin", lines[2]);
        String errName = String.format("err-%06d-me.txt", j.id());
        assertEquals("oops\n", Files.readString(work.resolve(errName)));
    }

    @Test
    void missingWorkDirFallsBackToTmpAndSaysSo() throws Exception {
        JobSupervisor sup = supervisor(ME);
        JobSpec.Builder s = spec("#!/bin/sh\npwd\n", ME, "me");
        s.workDir = base.resolve("gone").toString();
        s.stdout = work.resolve("o-%j.out").toString();
        Job j = job(s.build());
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        assertEquals(0, awaitOutcome(j.id(), 10_000).exitCode());
        assertEquals("slurmstepd: error: couldn't chdir to `" + s.workDir + "': No such file or directory: going to"
                + " /tmp instead\n/tmp\n", Files.readString(work.resolve("o-" + j.id() + ".out")));
    }

    @Test
    void unwritableOutputFailsTheJob() throws Exception {
        JobSupervisor sup = supervisor(ME);
        JobSpec.Builder s = spec("#!/bin/sh\necho never\n", ME, "me");
        s.stdout = base.resolve("no/such/dir/out").toString();
        Job j = job(s.build());
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        assertEquals(1, awaitOutcome(j.id(), 10_000).exitCode());
    }

    @Test
    void terminateKillsASleepingJobWithSigterm() throws Exception {
        JobSupervisor sup = supervisor(ME);
        Job j = job(spec("#!/bin/sh\nsleep 300 &\nsleep 300\n", ME, "me").build());
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        long pid = sup.scriptPid(j.id());
        assertTrue(pid > 0);
        await(() -> ProcessTools.members(pid, false).size() >= 3, 5000, "both sleeps");
        long t0 = System.nanoTime();
        sup.terminate(j.id(), 5, "", false, null);
        JobSupervisor.Outcome o = awaitOutcome(j.id(), 10_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(15, o.signal());
        assertEquals(0, o.exitCode());
        assertTrue(ms < 5000, "ended by SIGTERM, well before KillWait: " + ms + " ms");
        await(() -> ProcessTools.members(pid, false).isEmpty(), 5000, "all processes of the job gone");
        sup.acknowledged(outcomes.get(j.id()));
        await(() -> !sup.knows(j.id()), 5000, "forgotten");
    }

    @Test
    void terminateEscalatesToSigkillAfterKillWait() throws Exception {
        JobSupervisor sup = supervisor(ME);
        Job j = job(spec("#!/bin/sh\ntrap 'echo got TERM' TERM\nwhile :; do sleep 0.1; done\n", ME, "me").build());
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        long pid = sup.scriptPid(j.id());
        await(() -> ProcessTools.members(pid, false).size() >= 1, 5000, "job running");
        long t0 = System.nanoTime();
        sup.terminate(j.id(), 1, "", false, null);
        JobSupervisor.Outcome o = awaitOutcome(j.id(), 10_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(9, o.signal());
        assertTrue(ms >= 900 && ms < 6000, "killed after KillWait: " + ms + " ms");
        assertTrue(Files.readString(work.resolve("slurm-" + j.id() + ".out")).contains("got TERM"));
    }

    @Test
    void signalReachesTheJobAndBatchOnlyJustTheScript() throws Exception {
        JobSupervisor sup = supervisor(ME);
        String script = "#!/bin/sh\ntrap 'echo USR1; n=$((n+1))' USR1\nn=0\n"
                + "sh -c 'trap \"echo child USR1; exit 0\" USR1; while :; do sleep 0.1; done' &\n"
                + "while [ $n -lt 2 ]; do sleep 0.1; done\nwait\nexit 4\n";
        Job j = job(spec(script, ME, "me").build());
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        long pid = sup.scriptPid(j.id());
        await(() -> ProcessTools.members(pid, false).size() >= 3, 5000, "job and child running");
        Path out = work.resolve("slurm-" + j.id() + ".out");
        sup.signal(j.id(), 10, true);
        await(() -> read(out).contains("USR1"), 5000, "batch shell got USR1");
        assertFalse(read(out).contains("child"), "--batch signals only the batch shell");
        sup.signal(j.id(), 10, false);
        JobSupervisor.Outcome o = awaitOutcome(j.id(), 10_000);
        assertTrue(read(out).contains("child USR1"), read(out));
        assertEquals(4, o.exitCode(), "a script that handles the signal and exits keeps its exit code");
        assertEquals(0, o.signal());
        LaunchException e = assertThrows(LaunchException.class, () -> sup.signal(j.id() + 1000, 10, false));
        assertEquals(SlurmError.INVALID_JOB_ID, e.error());
    }

    @Test
    void jobOutlivesItsSupervisorAndIsAdoptedAfterARestart() throws Exception {
        JobSupervisor first = supervisor(ME);
        Path gate = work.resolve("gate");
        Job j = job(spec("#!/bin/sh\nwhile [ ! -e " + gate + " ]; do sleep 0.05; done\nexit 7\n", ME, "me").build());
        first.launch(new LaunchRequest(j, List.of(), "", "", ""));
        long pid = first.scriptPid(j.id());
        first.close(); // slurmd goes away; the job must not notice
        supervisors.remove(first);
        Files.writeString(gate, "");
        await(() -> Files.exists(JobFiles.of(spool, j.id()).status()), 5000, "status written with no slurmd");
        assertFalse(outcomes.containsKey(j.id()), "nobody was watching");

        JobSupervisor second = supervisor(ME);
        second.recover();
        JobSupervisor.Outcome o = awaitOutcome(j.id(), 5000);
        assertEquals(7, o.exitCode());
        assertTrue(pid > 0);
    }

    @Test
    void runningJobIsAdoptedAndCanBeTerminatedAfterARestart() throws Exception {
        JobSupervisor first = supervisor(ME);
        Path gate = work.resolve("gate2");
        Job j = job(spec("#!/bin/sh\nwhile [ ! -e " + gate + " ]; do sleep 0.05; done\nexit 9\n", ME, "me").build());
        first.launch(new LaunchRequest(j, List.of(), "", "", ""));
        first.close();
        supervisors.remove(first);

        JobSupervisor second = supervisor(ME);
        second.recover();
        assertTrue(second.knows(j.id()));
        assertEquals(List.of(j.id()), second.activeJobs());
        Files.writeString(gate, "");
        assertEquals(9, awaitOutcome(j.id(), 5000).exitCode(), "adopted job watched by polling");

        // and a finished-but-unacknowledged job is reported again by the next slurmd
        outcomes.clear();
        second.close();
        supervisors.remove(second);
        JobSupervisor third = supervisor(ME);
        third.recover();
        assertEquals(9, awaitOutcome(j.id(), 5000).exitCode());
        third.acknowledged(outcomes.get(j.id()));
        assertFalse(Files.exists(JobFiles.of(spool, j.id()).dir()));
    }

    @Test
    void vanishedWrapperIsReportedAsKilled() throws Exception {
        JobSupervisor sup = supervisor(ME);
        Job j = job(spec("#!/bin/sh\nsleep 300\n", ME, "me").build());
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        long wrapper = JobFiles.readNumber(JobFiles.of(spool, j.id()).pid());
        long pid = sup.scriptPid(j.id());
        assertTrue(wrapper > 1 && pid > 1);
        sup.close();
        supervisors.remove(sup);
        new ProcessTools(ProcessTools.Tools.find()).kill(9, List.of(wrapper, -pid));
        await(() -> !ProcessTools.alive(wrapper, -1), 5000, "wrapper gone");
        JobSupervisor next = supervisor(ME);
        next.recover();
        JobSupervisor.Outcome o = awaitOutcome(j.id(), 5000);
        assertEquals(9, o.signal());
    }

    @Test
    void nonRootDaemonRefusesOtherUsers() throws Exception {
        JobSupervisor sup = supervisor(1000);
        Job j = job(spec("#!/bin/sh\ntrue\n", 1001, "other").build());
        LaunchException e = assertThrows(LaunchException.class,
                () -> sup.launch(new LaunchRequest(j, List.of(), "", "", "")));
        assertEquals(SlurmError.ACCESS_DENIED, e.error());
        assertEquals("slurmd running as uid 1000 cannot launch jobs for uid 1001", e.getMessage());
        assertFalse(Files.exists(JobFiles.of(spool, j.id()).dir()));
    }

    @Test
    void prologFailureIsReportedAndPrologSeesTheJob() throws Exception {
        JobSupervisor sup = supervisor(ME);
        Path seen = work.resolve("prolog.env");
        Path ok = work.resolve("prolog-ok");
        Files.writeString(ok, "#!/bin/sh\nenv > " + seen + "\n");
        Path bad = work.resolve("prolog-bad");
        Files.writeString(bad, "#!/bin/sh\nexit 3\n");
        ok.toFile().setExecutable(true);
        bad.toFile().setExecutable(true);

        Job j1 = job(spec("#!/bin/sh\ntrue\n", ME, "me").build());
        LaunchException e = assertThrows(LaunchException.class,
                () -> sup.launch(new LaunchRequest(j1, List.of(), "", bad.toString(), "")));
        assertEquals(SlurmError.PROLOG_FAILED, e.error());
        assertEquals(3, e.exitCode());
        assertFalse(sup.knows(j1.id()));

        Job j2 = job(spec("#!/bin/sh\ntrue\n", ME, "me").build());
        sup.launch(new LaunchRequest(j2, List.of(), "", ok.toString(), ""));
        assertEquals(0, awaitOutcome(j2.id(), 10_000).exitCode());
        Map<String, String> env = parseEnv(Files.readString(seen));
        assertEquals(Long.toString(j2.id()), env.get("SLURM_JOB_ID"));
        assertEquals("me", env.get("SLURM_JOB_USER"));
        assertEquals(Integer.toString(ME), env.get("SLURM_JOB_UID"));
        assertEquals("prolog_slurmd", env.get("SLURM_SCRIPT_CONTEXT"));
        assertFalse(env.containsKey("MYVAR"), "hooks do not get the job's environment");
    }

    @Test
    void epilogRunsAfterTerminateEvenForUnknownJobs() throws Exception {
        JobSupervisor sup = supervisor(ME);
        Path seen = work.resolve("epilog.env");
        Path epi = work.resolve("epilog");
        Files.writeString(epi, "#!/bin/sh\nenv > " + seen + ".tmp && mv " + seen + ".tmp " + seen + "\n");
        epi.toFile().setExecutable(true);
        sup.terminate(424242, 1, epi.toString(), true, null);
        await(() -> Files.exists(seen), 5000, "epilog for a job this node never ran");
        assertEquals("424242", parseEnv(Files.readString(seen)).get("SLURM_JOB_ID"));
        Files.delete(seen);

        Job j = job(spec("#!/bin/sh\nsleep 300\n", ME, "me").build());
        sup.launch(new LaunchRequest(j, List.of(), "", "", epi.toString()));
        long pid = sup.scriptPid(j.id());
        sup.terminate(j.id(), 5, epi.toString(), true, null);
        await(() -> Files.exists(seen), 10_000, "epilog");
        assertTrue(ProcessTools.members(pid, false).isEmpty(), "epilog runs after the job's processes are gone");
        Map<String, String> env = parseEnv(Files.readString(seen));
        assertEquals(Long.toString(j.id()), env.get("SLURM_JOB_ID"));
        assertEquals("me", env.get("SLURM_JOB_USER"));
        assertEquals("epilog_slurmd", env.get("SLURM_SCRIPT_CONTEXT"));
        assertEquals(15, awaitOutcome(j.id(), 5000).signal());
    }

    @Test
    void relaunchOfARunningJobIsIdempotent() throws Exception {
        JobSupervisor sup = supervisor(ME);
        Job j = job(spec("#!/bin/sh\necho run >> " + work + "/runs\nsleep 300\n", ME, "me").build());
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        long pid = sup.scriptPid(j.id());
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        assertEquals(pid, sup.scriptPid(j.id()));
        sup.terminate(j.id(), 2, "", false, null);
        awaitOutcome(j.id(), 10_000);
        assertEquals("run\n", Files.readString(work.resolve("runs")));
    }

    @Test
    void aForgedJobPidIsNotSignalled() throws Exception {
        JobSupervisor first = supervisor(ME);
        Job j = job(spec("#!/bin/sh\nsleep 300\n", ME, "me").build());
        first.launch(new LaunchRequest(j, List.of(), "", "", ""));
        first.close();
        supervisors.remove(first);
        Process decoy = new ProcessBuilder(ProcessTools.Tools.find().setsid(), "sleep", "60").start();
        try {
            JobFiles f = JobFiles.of(spool, j.id());
            await(() -> JobFiles.readNumber(f.jobPid()) > 0, 5000, "jobpid written");
            Files.writeString(f.jobPid(), decoy.pid() + "\n"); // as if the job had lied about its pid
            JobSupervisor second = supervisor(ME);
            second.recover();
            second.signal(j.id(), 15, false);
            assertEquals(15, awaitOutcome(j.id(), 5000).signal(), "the real job is found through the wrapper");
            assertTrue(decoy.isAlive(), "the forged process group was left alone");
        } finally {
            decoy.destroyForcibly();
        }
    }

    @Test
    void submittersUmaskApplies() throws Exception {
        JobSupervisor sup = supervisor(ME);
        JobSpec.Builder s = spec("#!/bin/sh\ntouch made\n", ME, "me");
        s.env = List.of("SLURM_UMASK=0077");
        s.stdout = "u-%N-%j.out";
        Job j = job(s.build());
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        assertEquals(0, awaitOutcome(j.id(), 10_000).exitCode());
        Path out = work.resolve("u-" + NODE + "-" + j.id() + ".out");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("made"))));
    }

    @Test
    void aJobWithoutScriptIsRefused() throws Exception {
        JobSupervisor sup = supervisor(ME);
        Job j = job(spec("", ME, "me").build());
        LaunchException e = assertThrows(LaunchException.class,
                () -> sup.launch(new LaunchRequest(j, List.of(), "", "", "")));
        assertEquals(SlurmError.BAD_REQUEST, e.error());
    }

    @Test
    void terminateDuringThePrologPreventsTheStart() throws Exception {
        JobSupervisor sup = supervisor(ME);
        Path gate = work.resolve("prolog-gate");
        Path prolog = work.resolve("slow-prolog");
        Files.writeString(prolog, "#!/bin/sh\nwhile [ ! -e " + gate + " ]; do sleep 0.05; done\n");
        prolog.toFile().setExecutable(true);
        Job j = job(spec("#!/bin/sh\ntouch " + work + "/started\n", ME, "me").build());
        Thread launcher = Thread.ofVirtual().start(() -> {
            try {
                sup.launch(new LaunchRequest(j, List.of(), "", prolog.toString(), ""));
            } catch (LaunchException e) {
                throw new IllegalStateException(e);
            }
        });
        await(() -> sup.knows(j.id()), 5000, "launch in progress");
        assertEquals(List.of(j.id()), sup.activeJobs());
        sup.terminate(j.id(), 1, "", false, null);
        Files.writeString(gate, "");
        launcher.join(10_000);
        assertEquals(15, awaitOutcome(j.id(), 10_000).signal());
        assertFalse(Files.exists(work.resolve("started")), "the script never ran");
    }

    // ------------------------------------------------------------------------------ as root

    @Test
    void rootDaemonRunsJobsAsTheSubmittingUser() throws Exception {
        assumeTrue(ME == 0, "needs root");
        JobSupervisor sup = supervisor(0);
        JobSpec.Builder s = spec("#!/bin/sh\nid -u\nid -g\nid -G\ntouch mine\necho $HOME $USER\n", 65534, "nobody");
        s.gid = 65534;
        Job j = job(s.build());
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        assertEquals(0, awaitOutcome(j.id(), 10_000).exitCode());
        Path out = work.resolve("slurm-" + j.id() + ".out");
        String[] lines = Files.readString(out).split("\n");
        assertEquals("65534", lines[0]);
        assertEquals("65534", lines[1]);
        assertEquals("65534", lines[2].trim(), "supplementary groups from the group database, not root's");
        assertEquals("/home/none nobody", lines[3], "HOME from the job's environment, USER from passwd");
        assertEquals(65534, owner(out), "output file created by the user");
        assertEquals(65534, owner(work.resolve("mine")));
        Path script = JobFiles.of(spool, j.id()).script();
        assertEquals(65534, owner(script));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
        assertEquals(0, owner(JobFiles.of(spool, j.id()).status()), "the status is root's, not the user's");
    }

    @Test
    void rootDaemonRunsJobsForUidsWithoutPasswdEntry() throws Exception {
        assumeTrue(ME == 0, "needs root");
        int uid = 54321;
        assumeTrue(Accounts.system().byUid(uid).isEmpty());
        JobSupervisor sup = supervisor(0);
        JobSpec.Builder s = spec("#!/bin/sh\nid -u\nid -G\n", uid, "ghost");
        s.gid = uid;
        Job j = job(s.build());
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        assertEquals(0, awaitOutcome(j.id(), 10_000).exitCode());
        Path out = work.resolve("slurm-" + j.id() + ".out");
        assertEquals(uid + "\n" + uid + "\n", Files.readString(out));
        assertEquals(uid, owner(out));
    }

    @Test
    void rootDaemonTerminatesAnotherUsersJob() throws Exception {
        assumeTrue(ME == 0, "needs root");
        JobSupervisor sup = supervisor(0);
        JobSpec.Builder s = spec("#!/bin/sh\nsleep 300\n", 65534, "nobody");
        s.gid = 65534;
        Job j = job(s.build());
        sup.launch(new LaunchRequest(j, List.of(), "", "", ""));
        long pid = sup.scriptPid(j.id());
        await(() -> ProcessTools.members(pid, false).size() >= 2, 5000, "sleep running");
        sup.terminate(j.id(), 5, "", false, null);
        assertEquals(15, awaitOutcome(j.id(), 10_000).signal());
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
