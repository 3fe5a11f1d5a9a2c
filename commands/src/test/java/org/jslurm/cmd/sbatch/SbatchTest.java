package org.jslurm.cmd.sbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jslurm.cmd.CommandRun;
import org.jslurm.cmd.ScriptedCluster;
import org.jslurm.model.JobSpec;
import org.jslurm.model.SlurmError;
import org.jslurm.model.SlurmException;
import org.jslurm.rpc.Convert;
import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.JobList;
import org.jslurm.wire.proto.JobMsg;
import org.jslurm.wire.proto.Response;
import org.jslurm.wire.proto.SubmitReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sbatch end to end against a scripted controller; the expected texts are Slurm 22.05's (transcripts.md). */
class SbatchTest {
    static final LocalProcess PROC = new LocalProcess("subhost", 1000, "0022", 0);

    @TempDir Path dir;
    final ScriptedCluster cluster = new ScriptedCluster();
    final Map<String, String> vars = new HashMap<>();
    final List<Long> sleeps = new ArrayList<>();

    @BeforeEach
    void environment() {
        vars.put("USER", "alice");
        vars.put("HOME", "/home/alice");
        vars.put("PATH", "/usr/bin:/bin");
    }

    CommandRun sbatch(String... args) { return withStdin("", args); }

    CommandRun withStdin(String stdin, String... args) {
        return CommandRun.run(new Sbatch(PROC, sleeps::add), List.of(args), vars, stdin, dir, cluster);
    }

    ScriptedCluster accept(long id) {
        return cluster.reply(Response.newBuilder().setSubmit(SubmitReply.newBuilder().setJobId(id)).build());
    }

    JobSpec spec() { return Convert.fromMsg(cluster.requests.get(0).getSubmitBatch().getSpec()); }

    Path script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    static void assertRun(CommandRun r, int code, String out, String err) {
        assertEquals(err, r.err(), "stderr");
        assertEquals(out, r.out(), "stdout");
        assertEquals(code, r.code(), "exit code");
    }

    // ---------------------------------------------------------------- "Submissions" transcript

    @Test
    void wrap() {
        accept(1);
        assertRun(sbatch("--wrap=sleep 300"), 0, "Submitted batch job 1\n", "");
        JobSpec s = spec();
        assertEquals("wrap", s.name());
        assertTrue(s.script().startsWith("#!/bin/sh\n#"));
        assertTrue(s.script().endsWith("\n\nsleep 300\n"));
        assertNull(s.command());
        assertEquals(dir.toString(), s.workDir());
        assertEquals("alice", s.userName());
        assertEquals("subhost", s.submitHost());
        assertNull(s.stdout());
        assertNull(s.stderr());
        assertNull(s.stdin());
        assertEquals(JobSpec.UNSET, s.timeLimitMin());
        assertTrue(s.requeue());
    }

    @Test
    void parsable() {
        accept(2);
        assertRun(sbatch("--parsable", "--wrap=sleep 300"), 0, "2\n", "");
    }

    @Test
    void heldWithName() {
        accept(3);
        assertRun(sbatch("-H", "-J", "heldjob", "--wrap=true"), 0, "Submitted batch job 3\n", "");
        assertTrue(spec().hold());
        assertEquals("heldjob", spec().name());
    }

    @Test
    void arrayIsAcceptedAndSubmittedAsOneJob() {
        accept(4);
        assertRun(sbatch("--array=1-4", "-H", "--wrap=true"), 0, "Submitted batch job 4\n", "");
    }

    @Test
    void cpusPerTask() {
        accept(5);
        assertRun(sbatch("-c", "2", "-J", "needs2cpu", "--wrap=true"), 0, "Submitted batch job 5\n", "");
        assertEquals(2, spec().cpusPerTask());
    }

    @Test
    void scriptFile() throws IOException {
        script("job.sh", "#!/bin/sh\ntrue\n");
        accept(6);
        assertRun(sbatch("-H", "job.sh"), 0, "Submitted batch job 6\n", "");
        assertEquals("job.sh", spec().name());
        assertEquals(dir.resolve("job.sh").toString(), spec().command());
        assertEquals("#!/bin/sh\ntrue\n", spec().script());
    }

    @Test
    void scriptArgumentsFollowTheScriptAndAreNotOptions() throws IOException {
        script("sub/run.sh", "#!/bin/bash\necho \"$@\"\n");
        accept(7);
        assertRun(sbatch("-J", "x", "sub/run.sh", "-p", "debug", "--hold"), 0, "Submitted batch job 7\n", "");
        assertEquals(dir.resolve("sub/run.sh").toString(), spec().command());
        assertEquals(java.util.List.of("-p", "debug", "--hold"), spec().argv());
        assertNull(spec().partition());
        assertFalse(spec().hold());
    }

    @Test
    void scriptOnStdin() {
        accept(8);
        assertRun(withStdin("#!/bin/sh\n#SBATCH -p debug\nhostname\n"), 0, "Submitted batch job 8\n", "");
        assertEquals("sbatch", spec().name());
        assertNull(spec().command());
        assertEquals("debug", spec().partition());
    }

    @Test
    void devStdinIsStandardInput() {
        accept(9);
        assertRun(withStdin("#!/bin/sh\nhostname\n", "--parsable", "/dev/stdin"), 0, "9\n", "");
        assertEquals("stdin", spec().name());
        assertEquals("#!/bin/sh\nhostname\n", spec().script());
    }

    @Test
    void onClusterOnlyWithClusters() {
        cluster.reply(Response.newBuilder().setSubmit(SubmitReply.newBuilder().setJobId(10).setCluster("c1")).build());
        assertRun(sbatch("--wrap=true"), 0, "Submitted batch job 10\n", "");
        cluster.reply(Response.newBuilder().setSubmit(SubmitReply.newBuilder().setJobId(11).setCluster("c1")).build());
        assertRun(sbatch("-M", "c1", "--wrap=true"), 0, "Submitted batch job 11 on cluster c1\n", "");
        cluster.reply(Response.newBuilder().setSubmit(SubmitReply.newBuilder().setJobId(12).setCluster("c1")).build());
        assertRun(sbatch("--clusters=c1", "--parsable", "--wrap=true"), 0, "12;c1\n", "");
    }

    @Test
    void quietPrintsNothing() {
        accept(13);
        assertRun(sbatch("-Q", "--wrap=true"), 0, "", "");
    }

    // ---------------------------------------------------------------- "sbatch errors" transcript

    @Test
    void invalidPartition() {
        cluster.fail(new SlurmException(SlurmError.INVALID_PARTITION_NAME));
        assertRun(sbatch("-p", "nosuch", "--wrap=true"), 1, "",
                "sbatch: error: invalid partition specified: nosuch\n"
                        + "sbatch: error: Batch job submission failed: Invalid partition name specified\n");
        assertEquals("nosuch", spec().partition());
    }

    @Test
    void invalidPartitionDetailFromTheController() {
        cluster.fail(new SlurmException(SlurmError.INVALID_PARTITION_NAME, "invalid partition specified: nosuch"));
        assertRun(sbatch("-p", "nosuch", "--wrap=true"), 1, "",
                "sbatch: error: invalid partition specified: nosuch\n"
                        + "sbatch: error: Batch job submission failed: Invalid partition name specified\n");
    }

    @Test
    void badTime() {
        assertRun(sbatch("--time=abc", "--wrap=true"), 255, "", "sbatch: error: Invalid --time specification\n");
        assertTrue(cluster.requests.isEmpty());
    }

    @Test
    void negativeTimeIsAcceptedAsInvalid() {
        accept(7);
        assertRun(sbatch("--time=-5", "--wrap=true"), 0, "Submitted batch job 7\n", "");
        assertEquals(TimeFormats.INVALID, spec().timeLimitMin());
    }

    @Test
    void oversizedRequestsAreTheControllersBusiness() {
        accept(8).reply(Response.newBuilder().setSubmit(SubmitReply.newBuilder().setJobId(9)).build());
        assertRun(sbatch("-N", "5", "--wrap=true"), 0, "Submitted batch job 8\n", "");
        assertEquals(5, spec().minNodes());
        assertEquals(5, spec().maxNodes());
        assertRun(sbatch("-n", "100", "--wrap=true"), 0, "Submitted batch job 9\n", "");
    }

    @Test
    void memoryTooLarge() {
        cluster.fail(new SlurmException(SlurmError.REQUESTED_NODE_CONFIG_UNAVAILABLE,
                "Memory specification can not be satisfied"));
        assertRun(sbatch("--mem=99999999", "--wrap=true"), 1, "",
                "sbatch: error: Memory specification can not be satisfied\n"
                        + "sbatch: error: Batch job submission failed: Requested node configuration is not available\n");
        assertEquals(99999999L, spec().memPerNodeMb());
    }

    @Test
    void arrayTooLarge() {
        cluster.fail(new SlurmException(SlurmError.INVALID_ARRAY));
        assertRun(sbatch("--array=1-200000", "-H", "--wrap=true"), 1, "",
                "sbatch: error: Batch job submission failed: Invalid job array specification\n");
    }

    @Test
    void unknownOption() {
        assertRun(sbatch("--bogus-option", "--wrap=true"), 255, "",
                "sbatch: unrecognized option '--bogus-option'\nTry \"sbatch --help\" for more information\n");
    }

    @Test
    void getoptMessages() {
        assertRun(sbatch("-Z"), 255, "", "sbatch: invalid option -- 'Z'\nTry \"sbatch --help\" for more information\n");
        assertRun(sbatch("--time"), 255, "",
                "sbatch: option '--time' requires an argument\nTry \"sbatch --help\" for more information\n");
        assertRun(sbatch("-J"), 255, "",
                "sbatch: option requires an argument -- 'J'\nTry \"sbatch --help\" for more information\n");
        assertRun(sbatch("--hol=1", "--wrap=true"), 255, "",
                "sbatch: option '--hold' doesn't allow an argument\nTry \"sbatch --help\" for more information\n");
        assertRun(sbatch("--par", "x"), 255, "", "sbatch: option '--par' is ambiguous; possibilities:"
                + " '--parsable' '--partition'\nTry \"sbatch --help\" for more information\n");
    }

    @Test
    void emptyStdin() {
        assertRun(sbatch("-H"), 1, "", "sbatch: error: Batch script is empty!\n");
    }

    @Test
    void missingFile() {
        assertRun(sbatch("-H", "/nonexistent/script.sh"), 1, "", "sbatch: error: Unable to open file /nonexistent/script.sh\n");
    }

    @Test
    void noShebang() throws IOException {
        script("noshebang.sh", "echo hi\n");
        assertRun(sbatch("-H", "noshebang.sh"), 1, "", """
                sbatch: error: This does not look like a batch script.  The first
                sbatch: error: line must start with #! followed by the path to an interpreter.
                sbatch: error: For instance: #!/bin/sh
                """);
    }

    @Test
    void otherScriptChecks() throws IOException {
        script("blank.sh", " \n\t\n");
        assertRun(sbatch("blank.sh"), 1, "", "sbatch: error: Batch script contains only whitespace!\n");
        script("dos.sh", "#!/bin/sh\r\ntrue\r\n");
        assertRun(sbatch("dos.sh"), 1, "", "sbatch: error: Batch script contains DOS line breaks (\\r\\n)\n"
                + "sbatch: error: instead of expected UNIX line breaks (\\n).\n");
        script("nul.sh", "#!/bin/sh\ntrue\0\n");
        assertRun(sbatch("nul.sh"), 1, "", "sbatch: error: The Slurm controller does not allow scripts that\n"
                + "sbatch: error: contain a NULL character '\\0'.\n");
        Files.createDirectories(dir.resolve("adir"));
        assertRun(sbatch("adir"), 1, "", "sbatch: error: Batch script is empty!\n");
        vars.put("SLURM_EXIT_ERROR", "7");
        assertRun(sbatch("blank.sh"), 7, "", "sbatch: error: Batch script contains only whitespace!\n");
    }

    @Test
    void dependencyIsAcceptedForNow() {
        accept(12);
        assertRun(sbatch("-H", "--dependency=afterok:999999", "--wrap=true"), 0, "Submitted batch job 12\n", "");
    }

    @Test
    void badBegin() {
        assertRun(sbatch("-H", "-J", "x", "--begin=garbage", "--wrap=true"), 255, "",
                "Invalid time specification (pos=0): garbage\nsbatch: error: Invalid --begin specification\n");
    }

    @Test
    void unreachableController() {
        cluster.fail(new RpcClient.UnreachableException(new IOException("Connection refused")));
        assertRun(sbatch("--wrap=true"), 1, "",
                "sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)\n");
    }

    @Test
    void clusterConfigurationErrorsGetTheCommandPrefix() {
        ScriptedCluster broken = new ScriptedCluster() {
            @Override
            public Response call(org.jslurm.wire.proto.Request.Builder r) {
                throw new org.jslurm.cmd.CommandFailed("error: s_p_parse_file: unable to read \"/x\": No such file or directory", 1);
            }
        };
        CommandRun r = CommandRun.run(new Sbatch(PROC, s -> { }), List.of("--wrap=true"), vars, "", dir, broken);
        assertRun(r, 1, "", "sbatch: error: s_p_parse_file: unable to read \"/x\": No such file or directory\n");
    }

    // ---------------------------------------------------------------- first pass order

    @Test
    void commandLineIsCheckedInOrderBeforeTheScriptIsRead() {
        assertRun(sbatch("-t", "abc", "/nonexistent"), 255, "", "sbatch: error: Invalid --time specification\n");
        assertRun(sbatch("--version", "--bogus"), 0, "slurm 25.05.0-jslurm\n", "");
        assertRun(sbatch("-t", "abc", "--version"), 255, "", "sbatch: error: Invalid --time specification\n");
        assertRun(sbatch("-n", "abc", "-t", "abc"), 1, "", "sbatch: error: Invalid numeric value \"abc\" for --ntasks.\n");
        assertRun(sbatch("--wrap=x", "job.sh"), 1, "", "sbatch: error: Script arguments not permitted with --wrap option\n");
    }

    @Test
    void helpAndUsage() {
        CommandRun h = sbatch("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().startsWith("Usage: sbatch"));
        assertEquals("", h.err());
        CommandRun u = sbatch("--usage");
        assertTrue(u.out().startsWith("Usage: sbatch"));
        assertRun(sbatch("-V"), 0, "slurm 25.05.0-jslurm\n", "");
    }

    @Test
    void refusedOptions() {
        assertRun(sbatch("--uid=bob", "--wrap=true"), 255, "", "sbatch: error: --uid only permitted by root user\n");
        assertRun(sbatch("--test-only", "--wrap=true"), 1, "", "sbatch: error: --test-only is not supported by jslurm yet\n");
        assertTrue(cluster.requests.isEmpty());
    }

    @Test
    void memoryOptionsAreExclusive() {
        assertRun(sbatch("--mem=1", "--mem-per-cpu=1", "--wrap=true"), 1, "",
                "sbatch: fatal: --mem, --mem-per-cpu, and --mem-per-gpu are mutually exclusive.\n");
        vars.put("SBATCH_MEM_PER_NODE", "1");
        vars.put("SBATCH_MEM_PER_CPU", "2");
        assertRun(sbatch("--wrap=true"), 1, "",
                "sbatch: fatal: SLURM_MEM_PER_CPU, SLURM_MEM_PER_GPU, and SLURM_MEM_PER_NODE are mutually exclusive.\n");
        accept(1);
        assertRun(sbatch("--mem=7", "--wrap=true"), 0, "Submitted batch job 1\n", "");
        assertEquals(7, spec().memPerNodeMb());
        assertEquals(JobSpec.UNSET, spec().memPerCpuMb());
    }

    @Test
    void quietAndVerboseConflict() {
        assertRun(sbatch("-Q", "-v", "--wrap=x"), 1, "", "sbatch: error: don't specify both --verbose (-v) and --quiet (-Q)\n");
    }

    // ---------------------------------------------------------------- the job description

    @Test
    void everyStoredOption() {
        accept(20);
        assertRun(sbatch("-J", "name", "-p", "debug", "-A", "acct", "--comment=c m", "-N", "2-4", "-n", "8", "-c", "2",
                "--ntasks-per-node=4", "--mem=4GB", "-t", "1-02:03:04", "-o", "out-%j", "-e", "none", "-i", "in.txt",
                "-D", "work", "-H", "-w", "n[1-3],gpu01", "-x", "n4", "--exclusive", "--no-requeue",
                "--open-mode=append", "--nice", "-C", "ssd&fast", "--wrap=true"), 0, "Submitted batch job 20\n", "");
        JobSpec s = spec();
        assertEquals("name", s.name());
        assertEquals("debug", s.partition());
        assertEquals("acct", s.account());
        assertEquals("c m", s.comment());
        assertEquals(2, s.minNodes());
        assertEquals(4, s.maxNodes());
        assertEquals(8, s.numTasks());
        assertEquals(2, s.cpusPerTask());
        assertEquals(4, s.ntasksPerNode());
        assertEquals(4096, s.memPerNodeMb());
        assertEquals((26 * 60) + 3 + 1, s.timeLimitMin());
        assertEquals("out-%j", s.stdout());
        assertEquals("/dev/null", s.stderr());
        assertEquals("in.txt", s.stdin());
        assertEquals(dir.resolve("work").toString(), s.workDir());
        assertTrue(s.hold());
        assertEquals(List.of("n[1-3]", "gpu01"), s.reqNodes());
        assertEquals(List.of("n4"), s.excNodes());
        assertTrue(s.exclusive());
        assertFalse(s.requeue());
        assertEquals("append", s.openMode());
        assertEquals(100, s.nice());
        assertEquals(List.of("ssd", "fast"), s.features());
    }

    @Test
    void timeFormats() {
        for (String[] c : new String[][] {{"0", "-1"}, {"UNLIMITED", "-1"}, {"90", "90"}, {"5:30", "6"}, {"2-3", "3060"}}) {
            cluster.requests.clear();
            accept(1);
            assertRun(sbatch("-t", c[0], "--wrap=true"), 0, "Submitted batch job 1\n", "");
            assertEquals(Long.parseLong(c[1]), spec().timeLimitMin(), c[0]);
        }
    }

    @Test
    void oversubscribeAndExclusiveLastOneWins() {
        accept(1);
        sbatch("--exclusive", "-s", "--wrap=true");
        assertFalse(spec().exclusive());
    }

    @Test
    void complexConstraintStaysWhole() {
        accept(1);
        sbatch("--constraint=[rack1*2&rack2*4]|ib", "--wrap=true");
        assertEquals(List.of("[rack1*2&rack2*4]|ib"), spec().features());
    }

    @Test
    void nodefile() throws IOException {
        script("hosts", "n1\nn2 # comment\nn[3-4]\n");
        accept(1);
        sbatch("-F", "hosts", "--wrap=true");
        assertEquals(List.of("n1", "n2", "n[3-4]"), spec().reqNodes());
        assertRun(sbatch("-F", "missing", "--wrap=true"), 255, "", "sbatch: error: slurm_allocate_resources error opening file"
                + " missing, No such file or directory\nsbatch: error: Invalid --nodefile node file\n");
    }

    @Test
    void exportDefaultsToEverything() {
        accept(1);
        sbatch("--wrap=true");
        List<String> env = spec().env();
        assertTrue(env.contains("PATH=/usr/bin:/bin"));
        assertTrue(env.contains("HOME=/home/alice"));
        assertTrue(env.contains("SLURM_SUBMIT_DIR=" + dir));
        assertTrue(env.contains("SLURM_SUBMIT_HOST=subhost"));
        assertTrue(env.contains("SLURM_UMASK=0022"));
        assertFalse(env.stream().anyMatch(e -> e.startsWith("SLURM_GET_USER_ENV=")));
    }

    @Test
    void exportNone() {
        vars.put("SLURM_CONF", "/etc/slurm.conf");
        accept(1);
        sbatch("--export=NONE", "--wrap=true");
        List<String> env = spec().env();
        assertFalse(env.stream().anyMatch(e -> e.startsWith("PATH=")));
        assertTrue(env.contains("SLURM_CONF=/etc/slurm.conf"));
        assertTrue(env.contains("SLURM_EXPORT_ENV=NONE"));
        assertTrue(env.contains("SLURM_GET_USER_ENV=1"));
    }

    @Test
    void exportList() {
        vars.put("EDITOR", "vi");
        accept(1).reply(Response.newBuilder().setSubmit(SubmitReply.newBuilder().setJobId(2)).build());
        sbatch("--export=EDITOR,A=b", "--wrap=true");
        List<String> env = spec().env();
        assertTrue(env.contains("EDITOR=vi"));
        assertTrue(env.contains("A=b"));
        assertFalse(env.stream().anyMatch(e -> e.startsWith("PATH=")));
        cluster.requests.clear();
        sbatch("--export=ALL,A=b", "--wrap=true");
        assertTrue(spec().env().contains("PATH=/usr/bin:/bin"));
        assertTrue(spec().env().contains("A=b"));
    }

    @Test
    void exportFile() throws IOException {
        script("envf", "A=1\0B=two words\0");
        accept(1);
        sbatch("--export-file=envf", "--wrap=true");
        List<String> env = spec().env();
        assertTrue(env.contains("A=1"));
        assertTrue(env.contains("B=two words"));
        assertFalse(env.stream().anyMatch(e -> e.startsWith("PATH=")));
        assertTrue(env.contains("SLURM_SUBMIT_DIR=" + dir));
        assertRun(sbatch("--export-file=/nonexist", "--wrap=true"), 1, "",
                "sbatch: error: Could not open user environment file /nonexist\n");
    }

    // ---------------------------------------------------------------- directives and precedence

    @Test
    void directivesFromTheScript() throws IOException {
        script("job.sh", """
                #!/bin/bash
                #SBATCH -J from-script
                #SBATCH --partition=dir
                #SBATCH -t 00:30:00
                #SBATCH --mem 2G
                srun hostname
                #SBATCH -p ignored-after-the-first-command
                """);
        accept(1);
        assertRun(sbatch("job.sh"), 0, "Submitted batch job 1\n", "");
        assertEquals("from-script", spec().name());
        assertEquals("dir", spec().partition());
        assertEquals(30, spec().timeLimitMin());
        assertEquals(2048, spec().memPerNodeMb());
    }

    @Test
    void commandLineOverridesEnvironmentOverridesDirectives() throws IOException {
        script("job.sh", "#!/bin/sh\n#SBATCH -J a -p dir -t 5 -A dacct\n");
        vars.put("SBATCH_PARTITION", "env");
        vars.put("SBATCH_TIMELIMIT", "7");
        vars.put("SBATCH_JOB_NAME", "envname");
        accept(1).reply(Response.newBuilder().setSubmit(SubmitReply.newBuilder().setJobId(2)).build());
        sbatch("job.sh");
        assertEquals("env", spec().partition());
        assertEquals(7, spec().timeLimitMin());
        assertEquals("envname", spec().name());
        assertEquals("dacct", spec().account());
        cluster.requests.clear();
        sbatch("-p", "cli", "-J", "cliname", "job.sh");
        assertEquals("cli", spec().partition());
        assertEquals("cliname", spec().name());
        assertEquals(7, spec().timeLimitMin());
    }

    @Test
    void environmentFlags() {
        vars.put("SBATCH_EXCLUSIVE", "");
        vars.put("SBATCH_NO_REQUEUE", "yes");
        vars.put("SBATCH_WAIT", "0");
        vars.put("SBATCH_OUTPUT", "o.txt");
        accept(1);
        assertRun(sbatch("--wrap=true"), 0, "Submitted batch job 1\n", "");
        assertTrue(spec().exclusive());
        assertFalse(spec().requeue());
        assertEquals("o.txt", spec().stdout());
    }

    @Test
    void badEnvironmentValue() {
        vars.put("SBATCH_TIMELIMIT", "abc");
        assertRun(sbatch("--wrap=true"), 255, "", "sbatch: error: Invalid --time specification\n");
    }

    @Test
    void directiveErrors() throws IOException {
        script("bogus.sh", "#!/bin/sh\n#SBATCH --bogus\n#SBATCH --also-bogus\n");
        assertRun(sbatch("bogus.sh"), 255, "", "sbatch: unrecognized option '--bogus'\nTry \"sbatch --help\" for more information\n");
        script("stray.sh", "#!/bin/sh\n#SBATCH --nice 0\ntrue\n");
        assertRun(sbatch("stray.sh"), 255, "", "sbatch: error: Invalid directive found in batch script: 0\n");
        script("mail.sh", "#!/bin/sh\n#SBATCH --mail-user=<your e-mail>\n");
        assertRun(sbatch("mail.sh"), 255, "", "sbatch: error: Invalid directive found in batch script: e-mail>\n");
        script("quote.sh", "#!/bin/sh\n#SBATCH -J \"unterminated\ntrue\n");
        assertRun(sbatch("quote.sh"), 1, "", "sbatch: fatal: quote.sh: line 2: Unmatched `\"` in [ \"unterminated]\n");
        script("badtime.sh", "#!/bin/sh\n#SBATCH -t abc\n#SBATCH --bogus\n");
        assertRun(sbatch("-p", "x", "badtime.sh"), 255, "", "sbatch: error: Invalid --time specification\n");
    }

    @Test
    void oldMagicWordWorksWithAComplaint() throws IOException {
        script("old.sh", "#!/bin/sh\n#SLURM -J old\n#SLURM -p q\n");
        accept(1);
        assertRun(sbatch("old.sh"), 0, "Submitted batch job 1\n", "sbatch: error: Change from #SLURM to #SBATCH in your"
                + " script and verify the options are valid in sbatch\n");
        assertEquals("old", spec().name());
        assertEquals("q", spec().partition());
    }

    // ---------------------------------------------------------------- --wait

    static Response jobs(JobMsg... j) {
        return Response.newBuilder().setJobs(JobList.newBuilder().addAllJobs(List.of(j))).build();
    }

    static JobMsg job(String state, int exit, int signal) {
        return JobMsg.newBuilder().setId(14).setState(state).setExitCode(exit).setTermSignal(signal).build();
    }

    @Test
    void waitReturnsTheJobsExitCode() {
        accept(14).reply(jobs(job("PENDING", 0, 0))).reply(jobs(job("RUNNING", 0, 0)))
                .reply(jobs(job("COMPLETING", 0, 0))).reply(jobs(job("FAILED", 3, 0)));
        assertRun(sbatch("--wait", "--wrap=exit 3"), 3, "Submitted batch job 14\n", "");
        assertEquals(List.of(500L, 1000L, 2000L, 2000L), sleeps);
        assertEquals(List.of(14L), cluster.requests.get(1).getJobInfo().getJobIdsList());
    }

    @Test
    void waitAfterASignalGivesOne() {
        accept(14).reply(jobs(job("CANCELLED", 0, 15)));
        assertRun(sbatch("-W", "--wrap=sleep 100"), 1, "Submitted batch job 14\n", "");
    }

    @Test
    void waitForAJobThatVanished() {
        accept(14).fail(new SlurmException(SlurmError.INVALID_JOB_ID));
        assertRun(sbatch("-W", "--wrap=true"), 0, "Submitted batch job 14\n",
                "sbatch: error: Job 14 no longer found and exit code not found\n");
    }

    @Test
    void waitRetriesWhileTheControllerIsAway() {
        accept(14).fail(new RpcClient.UnreachableException(new IOException("refused"))).reply(jobs(job("COMPLETED", 0, 0)));
        assertRun(sbatch("-W", "--wrap=true"), 0, "Submitted batch job 14\n",
                "sbatch: error: Currently unable to load job state information, retrying:"
                        + " Unable to contact slurm controller (connect failure)\n");
    }
}
