package org.jslurm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jslurm.time.SlurmTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SlurmConfModernTest {

    static final String MODERN = """
            ClusterName=anchor
            SlurmctldHost=localhost
            SlurmctldPort=16817
            SlurmdPort=16818
            AuthType=auth/munge
            StateSaveLocation=/tmp/x/state
            SlurmdSpoolDir=/tmp/x/spool/slurmd-%n
            SelectType=select/cons_tres
            SelectTypeParameters=CR_Core
            MaxJobCount=200000
            MinJobAge=2
            TreeWidth=65533
            NodeName=emu[1-64] NodeAddr=127.0.0.1 NodeHostname=vm Port=[16819-16882] CPUs=2 Boards=1 SocketsPerBoard=1 CoresPerSocket=2 ThreadsPerCore=1 RealMemory=24105 State=UNKNOWN
            PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
            """;

    static SlurmConf conf;

    @BeforeAll
    static void load() {
        conf = SlurmConf.parse(MODERN, Path.of("/etc/slurm/slurm.conf"));
    }

    @Test
    void noWarnings() {
        assertEquals(List.of(), conf.warnings());
    }

    @Test
    void globals() {
        assertEquals("anchor", conf.clusterName());
        assertEquals(List.of(new ControllerHost("localhost", "localhost")), conf.controllers());
        assertEquals(16817, conf.slurmctldPort());
        assertEquals(16818, conf.slurmdPort());
        assertEquals("auth/munge", conf.authType());
        assertEquals("/tmp/x/state", conf.stateSaveLocation());
        assertEquals("/tmp/x/spool/slurmd-%n", conf.slurmdSpoolDir());
        assertEquals("select/cons_tres", conf.selectType());
        assertEquals("CR_Core", conf.selectTypeParameters().orElseThrow());
        assertEquals(200000, conf.maxJobCount());
        assertEquals(2, conf.minJobAge());
        assertEquals(65533, conf.treeWidth());
    }

    @Test
    void defaultsOfUnsetGlobals() {
        assertEquals(30, conf.killWait());
        assertEquals(1, conf.firstJobId());
        assertEquals(67043328, conf.maxJobId());
        assertEquals(0, conf.returnToService());
        assertEquals(300, conf.slurmdTimeout());
        assertEquals(120, conf.slurmctldTimeout());
        assertEquals(1001, conf.maxArraySize());
        assertEquals(10, conf.messageTimeout());
        assertEquals(0, conf.inactiveLimit());
        assertEquals("root", conf.slurmUser());
        assertEquals("sched/backfill", conf.schedulerType());
        assertEquals(EnforcePartLimits.NO, conf.enforcePartLimits());
        assertEquals("/var/run/slurmctld.pid", conf.slurmctldPidFile());
        assertEquals("/var/run/slurmd.pid", conf.slurmdPidFile());
        assertEquals("accounting_storage/none", conf.accountingStorageType());
        assertEquals("priority/basic", conf.priorityType());
        assertEquals("info", conf.slurmctldDebug());
        assertTrue(conf.prolog().isEmpty());
        assertTrue(conf.slurmctldLogFile().isEmpty());
        assertEquals(Map.of(), conf.schedulerParameters());
    }

    @Test
    void nodesShareAddrAndHostnameAndGetOnePortEach() {
        assertEquals(64, conf.nodes().size());
        NodeConf first = conf.nodes().getFirst();
        assertEquals(new NodeConf("emu1", "127.0.0.1", "vm", 16819, 2, 1, 1, 2, 1, 24105, 0, 1,
                List.of(), null, "UNKNOWN", null), first);
        NodeConf last = conf.node("emu64").orElseThrow();
        assertEquals(16882, last.port());
        assertEquals("/tmp/x/spool/slurmd-emu64", conf.slurmdSpoolDir(last));
    }

    @Test
    void allNodesPartition() {
        PartitionConf debug = conf.defaultPartition().orElseThrow();
        assertEquals("debug", debug.name());
        assertEquals(64, debug.nodes().size());
        assertEquals("emu1", debug.nodes().getFirst());
        assertEquals(SlurmTime.INFINITE, debug.maxTimeMin());
        assertEquals(-1, debug.maxNodes());
    }

    @Test
    void allShowsCanonicalKeysInOrder() {
        Map<String, String> all = conf.all();
        assertEquals("anchor", all.get("ClusterName"));
        assertEquals("ClusterName", all.keySet().iterator().next());
        assertEquals("16817", all.get("SlurmctldPort"));
        assertEquals(12, all.size());
    }
}
