package org.jslurm.slurmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jslurm.auth.Identity;
import org.jslurm.hostlist.HostList;
import org.jslurm.launch.Accounts;
import org.jslurm.launch.JobFiles;
import org.jslurm.launch.ProcessTools;
import org.jslurm.model.SlurmError;
import org.jslurm.rpc.RpcClient;
import org.jslurm.slurmd.SlurmdConfig.NodeInfo;
import org.jslurm.wire.proto.JobComplete;
import org.jslurm.wire.proto.JobMsg;
import org.jslurm.wire.proto.JobSpecMsg;
import org.jslurm.wire.proto.LaunchBatch;
import org.jslurm.wire.proto.NodeAllocMsg;
import org.jslurm.wire.proto.NodeRegister;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;
import org.jslurm.wire.proto.SignalJob;
import org.jslurm.wire.proto.TerminateJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A multi-node slurmd against a fake controller on a real socket. */
class SlurmdTest {
    static final int ME = Slurmd.currentId(false);
    Path base;
    Path work;
    final List<AutoCloseable> closeMe = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        base = Files.createTempDirectory("jslurm-d");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        work = base.resolve("work");
        Files.createDirectories(work);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeMe.size() - 1; i >= 0; i--) {
            if (closeMe.get(i) instanceof Slurmd d) d.awaitTerminations(Duration.ofSeconds(20));
            closeMe.get(i).close();
        }
        try (var w = Files.walk(base)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static List<NodeInfo> nodes(String expr) {
        return HostList.expand(expr).stream()
                .map(n -> new NodeInfo(n, "127.0.0.1", "vm", 0, 4, 1, 2, 2, 1, 8000, 100)).toList();
    }

    SlurmdConfig config(int ctlPort, List<NodeInfo> nodes) {
        return new SlurmdConfig(Path.of("/etc/slurm/slurm.conf"), "emu", List.of(new RpcClient.Address("127.0.0.1",
                ctlPort)), 2, base.resolve("spool/%n").toString(), base.resolve("slurmd.pid").toString(), null,
                "root", true, "/tmp", 0, 6818, null, nodes);
    }

    Slurmd slurmd(SlurmdConfig cfg) throws IOException {
        RpcClient client = new RpcClient(cfg.controllers(), () -> new byte[0], 2000);
        Slurmd.Options opt = new Slurmd.Options(ME, new java.util.HashSet<>(List.of(0, ME)), null, Duration.ofMillis(100), 300,
                Accounts.system(), ProcessTools.Tools.find());
        Slurmd d = new Slurmd(cfg, cfg.nodes(), ControllerLink.of(client), opt, Clock.systemUTC());
        closeMe.add(d);
        return d.start();
    }

    static void await(BooleanSupplier c, long ms, String what) {
        long deadline = System.nanoTime() + ms * 1_000_000;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    Request launch(long id, String node, String script) {
        JobSpecMsg spec = JobSpecMsg.newBuilder().setName("t").setUid(ME).setGid(ME).setUserName("me")
                .setWorkDir(work.toString()).setScript(script).addEnv("PATH=/usr/bin:/bin").build();
        JobMsg job = JobMsg.newBuilder().setId(id).setSpec(spec).setPartition("debug").setTimeLimitMin(5)
                .setState("RUNNING").setHold("NONE").addAlloc(NodeAllocMsg.newBuilder().setNode(node).setCpus(1))
                .build();
        return Request.newBuilder().setLaunchBatch(LaunchBatch.newBuilder().setJob(job).setNode(node)
                .setCluster("emu")).build();
    }

    @Test
    void registersEachNodeThenSendsHeartbeats() throws Exception {
        FakeController ctl = new FakeController(0, 1);
        closeMe.add(ctl);
        Slurmd d = slurmd(config(ctl.port(), nodes("emu[1-3]")));
        await(() -> ctl.of(Request.BodyCase.NODE_REGISTER).stream().filter(r -> r.getNodeRegister().getHeartbeat())
                .map(r -> r.getNodeRegister().getNode()).distinct().count() == 3, 10_000, "heartbeats of 3 nodes");
        List<NodeRegister> regs = ctl.of(Request.BodyCase.NODE_REGISTER).stream().map(Request::getNodeRegister)
                .toList();
        for (String n : List.of("emu1", "emu2", "emu3")) {
            NodeRegister first = regs.stream().filter(r -> r.getNode().equals(n)).findFirst().orElseThrow();
            assertFalse(first.getHeartbeat(), "the first message is a registration");
            assertEquals(4, first.getCpus(), "config_overrides: configured values");
            assertEquals(2, first.getSockets());
            assertEquals(2, first.getCoresPerSocket());
            assertEquals(1, first.getThreadsPerCore());
            assertEquals(8000, first.getRealMemoryMb());
            assertEquals(100, first.getTmpDiskMb());
            assertEquals("25.05.0-jslurm", first.getVersion());
            assertTrue(first.getBootTime() > 0);
            assertTrue(first.getSlurmdStartTime() > 0);
            assertTrue(first.getOs().startsWith("Linux"));
            assertTrue(first.getFreeMemMb() > 0 && first.getFreeMemMb() <= 8000);
            assertEquals(1, d.heartbeats().intervalS(n));
        }
        assertTrue(Files.isDirectory(base.resolve("spool/emu2")));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(base.resolve("spool/emu2"))));
    }

    @Test
    void keepsRetryingWhileTheControllerIsDown() throws Exception {
        int port = FakeController.freePort();
        Slurmd d = slurmd(config(port, nodes("emu[1-2]")));
        await(() -> d.heartbeats().sent("emu1") >= 3, 10_000, "retries");
        assertFalse(d.heartbeats().registered("emu1"));
        FakeController ctl = new FakeController(port, 30);
        closeMe.add(ctl);
        await(() -> d.heartbeats().registered("emu1") && d.heartbeats().registered("emu2"), 10_000, "registration");
        assertEquals(30, d.heartbeats().intervalS("emu1"));
    }

    @Test
    void launchesReportsCompletionAndCleansUp() throws Exception {
        FakeController ctl = new FakeController(0, 30);
        closeMe.add(ctl);
        Slurmd d = slurmd(config(ctl.port(), nodes("emu[1-3]")));
        Identity root = new Identity(0, 0);
        Response r = d.handler("emu2").handle(launch(71, "emu2", "#!/bin/sh\necho on $SLURMD_NODENAME\nexit 5\n"),
                root);
        assertEquals("", r.getError(), r.getMessage());
        assertTrue(r.hasOk());
        await(() -> !ctl.of(Request.BodyCase.JOB_COMPLETE).isEmpty(), 10_000, "JobComplete");
        JobComplete jc = ctl.of(Request.BodyCase.JOB_COMPLETE).get(0).getJobComplete();
        assertEquals("emu2", jc.getNode());
        assertEquals(71, jc.getJobId());
        assertEquals(5, jc.getExitCode());
        assertEquals(0, jc.getSignal());
        assertEquals("on emu2\n", Files.readString(work.resolve("slurm-71.out")));
        await(() -> !Files.exists(JobFiles.of(base.resolve("spool/emu2"), 71).dir()), 5000, "spool cleanup");
        assertFalse(d.supervisor("emu2").knows(71));
    }

    @Test
    void requestsAreRoutedByNodeNameAndCheckedForTheCaller() throws Exception {
        FakeController ctl = new FakeController(0, 30);
        closeMe.add(ctl);
        Slurmd d = slurmd(config(ctl.port(), nodes("emu[1-3]")));
        Identity root = new Identity(0, 0);

        Response denied = d.handler("emu1").handle(launch(80, "emu1", "#!/bin/sh\n"), new Identity(4242, 4242));
        assertEquals(SlurmError.ACCESS_DENIED.name(), denied.getError());
        assertTrue(denied.getMessage().contains("uid 4242"), denied.getMessage());

        Response unknown = d.handler("emu1").handle(launch(81, "emu9", "#!/bin/sh\n"), root);
        assertEquals(SlurmError.INVALID_NODE_NAME.name(), unknown.getError());

        // a launch for emu3 that arrived on emu1's port runs as emu3
        assertTrue(d.handler("emu1").handle(launch(82, "emu3", "#!/bin/sh\nsleep 300\n"), root).hasOk());
        assertTrue(d.supervisor("emu3").knows(82));
        assertFalse(d.supervisor("emu1").knows(82));
        await(() -> ctl.of(Request.BodyCase.NODE_REGISTER).stream()
                .anyMatch(q -> q.getNodeRegister().getNode().equals("emu3")), 5000, "registration");
        assertEquals(List.of(82L), d.supervisor("emu3").activeJobs());

        Response sig = d.handler("emu3").handle(Request.newBuilder().setSignalJob(SignalJob.newBuilder()
                .setNode("emu3").setJobId(82).setSignal(0)).build(), root);
        assertTrue(sig.hasOk());
        Response sigUnknown = d.handler("emu3").handle(Request.newBuilder().setSignalJob(SignalJob.newBuilder()
                .setNode("emu3").setJobId(999).setSignal(15)).build(), root);
        assertEquals(SlurmError.INVALID_JOB_ID.name(), sigUnknown.getError());

        Response term = d.handler("emu3").handle(Request.newBuilder().setTerminateJob(TerminateJob.newBuilder()
                .setNode("emu3").setJobId(82).setKillWaitS(5)).build(), root);
        assertTrue(term.hasOk(), "TerminateJob is answered at once");
        await(() -> ctl.of(Request.BodyCase.JOB_COMPLETE).stream()
                .anyMatch(q -> q.getJobComplete().getJobId() == 82), 10_000, "completion of the terminated job");
        JobComplete jc = ctl.of(Request.BodyCase.JOB_COMPLETE).stream().map(Request::getJobComplete)
                .filter(c -> c.getJobId() == 82).findFirst().orElseThrow();
        assertEquals(15, jc.getSignal());
        assertEquals(0, jc.getExitCode());

        Response termUnknown = d.handler("emu2").handle(Request.newBuilder().setTerminateJob(TerminateJob.newBuilder()
                .setNode("emu2").setJobId(12345).setKillWaitS(1)).build(), root);
        assertTrue(termUnknown.hasOk(), "TerminateJob for a job never seen is fine");
    }

    @Test
    void completionWaitsForTheControllerAndSurvivesARestart() throws Exception {
        int port = FakeController.freePort();
        SlurmdConfig cfg = config(port, nodes("emu1"));
        Slurmd d = slurmd(cfg);
        Path gate = work.resolve("gate");
        assertTrue(d.handler("emu1").handle(launch(90, "emu1",
                "#!/bin/sh\nwhile [ ! -e " + gate + " ]; do sleep 0.05; done\nexit 2\n"), new Identity(0, 0)).hasOk());
        d.close(); // slurmd stops while the job runs and the controller is down
        closeMe.remove(d);
        Files.writeString(gate, "");
        Path dir = JobFiles.of(base.resolve("spool/emu1"), 90).dir();
        await(() -> Files.exists(dir.resolve("status")), 5000, "job ended with no slurmd");

        Slurmd again = slurmd(cfg);
        await(() -> again.supervisor("emu1").outcome(90).isPresent(), 5000, "outcome recovered");
        assertEquals(List.of(90L), again.supervisor("emu1").activeJobs(), "still unacknowledged");
        assertTrue(Files.exists(dir), "kept on disk until the controller has it");
        FakeController ctl = new FakeController(port, 30);
        closeMe.add(ctl);
        await(() -> !ctl.of(Request.BodyCase.JOB_COMPLETE).isEmpty(), 10_000, "JobComplete after the outage");
        assertEquals(2, ctl.of(Request.BodyCase.JOB_COMPLETE).get(0).getJobComplete().getExitCode());
        await(() -> !Files.exists(dir), 5000, "spool cleanup");
    }

    @Test
    void nodeSelection() {
        SlurmdConfig cfg = config(1, List.of(
                new NodeInfo("vm", "vm", "vm", 6818, 1, 1, 1, 1, 1, 100, 0),
                new NodeInfo("emu1", "127.0.0.1", "emuhost", 7001, 1, 1, 1, 1, 1, 100, 0),
                new NodeInfo("emu2", "127.0.0.1", "emuhost", 7002, 1, 1, 1, 1, 1, 100, 0),
                new NodeInfo("single", "10.0.0.9", "other.example.org", 7003, 1, 1, 1, 1, 1, 100, 0)));
        assertEquals(List.of("emu1", "emu2"), Slurmd.selectNodes(cfg, "emu[1-2]", "vm").stream().map(NodeInfo::name)
                .toList());
        assertEquals("vm", Slurmd.selectNodes(cfg, null, "vm.example.org").get(0).name());
        assertEquals("single", Slurmd.selectNodes(cfg, null, "other.example.org").get(0).name());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Slurmd.selectNodes(cfg, null, "emuhost"))
                .getMessage().contains("-N"));
        assertThrows(IllegalArgumentException.class, () -> Slurmd.selectNodes(cfg, null, "nowhere"));
        assertThrows(IllegalArgumentException.class, () -> Slurmd.selectNodes(cfg, "emu[1-3]", "vm"));
    }

    @Test
    void bindAddresses() {
        assertEquals("127.0.0.1", Slurmd.bindAddress("127.0.0.1"));
        assertNull(Slurmd.bindAddress("192.0.2.77"), "not ours: listen everywhere");
        assertNull(Slurmd.bindAddress("no-such-host.invalid"));
        assertNull(Slurmd.bindAddress(""));
        assertEquals("/var/spool/slurmd.emu7/x.vm", SlurmdConfig.expand("/var/spool/slurmd.%n/x.%h", "emu7", "vm"));
    }
}
