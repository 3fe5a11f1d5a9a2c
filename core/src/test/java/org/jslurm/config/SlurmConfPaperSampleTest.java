package org.jslurm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jslurm.hostlist.HostList;
import org.jslurm.time.SlurmTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample configuration of Table 1 of the 2003 SLURM paper, with its old key names. */
class SlurmConfPaperSampleTest {

    static final String SAMPLE = """
            #
            # Sample /etc/SLURM.conf
            #
            ControlMachine=linux0001
            BackupController=linux0002
            Epilog=/usr/local/SLURM/epilog
            Prolog=/usr/local/SLURM/prolog
            SlurmctldPort=7002
            SlurmdPort=7003
            StateSaveLocation=/usr/local/SLURM/slurm.state
            TmpFS=/tmp
            #
            # Node Configurations
            #
            NodeName=DEFAULT TmpDisk=16384 State=IDLE
            NodeName=lx[0001-0002] State=DRAINED
            NodeName=lx[0003-8000] Procs=16 RealMemory=2048 Weight=16
            NodeName=lx[8001-9999] Procs=32 RealMemory=4096 Weight=40 Feature=1200MHz
            #
            # Partition Configurations
            #
            PartitionName=DEFAULT MaxTime=30 MaxNodes=2
            PartitionName=login Nodes=lx[0001-0002] State=DOWN
            PartitionName=debug Nodes=lx[0003-0030] State=UP Default=YES
            PartitionName=class Nodes=lx[0031-0040] AllowGroups=students
            PartitionName=batch Nodes=lx[0041-9999] MaxTime=UNLIMITED MaxNodes=4096
            """;

    static SlurmConf conf;

    @BeforeAll
    static void load() {
        conf = SlurmConf.parse(SAMPLE, Path.of("/etc/SLURM.conf"));
    }

    @Test
    void missingClusterNameIsOnlyAWarning() {
        assertEquals("cluster", conf.clusterName());
        assertTrue(conf.warnings().stream().anyMatch(w -> w.contains("ClusterName")), conf.warnings().toString());
        assertFalse(conf.warnings().stream().anyMatch(w -> w.contains("unknown key")), conf.warnings().toString());
    }

    @Test
    void oldControllerKeysGivePrimaryAndBackup() {
        assertEquals(List.of(new ControllerHost("linux0001", "linux0001"),
                new ControllerHost("linux0002", "linux0002")), conf.controllers());
    }

    @Test
    void globals() {
        assertEquals(7002, conf.slurmctldPort());
        assertEquals(7003, conf.slurmdPort());
        assertEquals("/usr/local/SLURM/slurm.state", conf.stateSaveLocation());
        assertEquals("/usr/local/SLURM/epilog", conf.epilog().orElseThrow());
        assertEquals("/usr/local/SLURM/prolog", conf.prolog().orElseThrow());
        assertEquals("/tmp", conf.get("tmpfs"));
    }

    @Test
    void nodesCarryDefaultsForward() {
        assertEquals(9999, conf.nodes().size());
        NodeConf lx1 = conf.node("lx0001").orElseThrow();
        assertEquals("DRAIN", lx1.state(), "DRAINED is the old spelling of DRAIN");
        assertEquals(16384, lx1.tmpDiskMb());
        assertEquals(1, lx1.cpus());
        assertEquals(1, lx1.realMemoryMb());
        assertEquals(1, lx1.weight());
        assertEquals(7003, lx1.port(), "SlurmdPort is the default node port");

        NodeConf lx3 = conf.node("lx0003").orElseThrow();
        assertEquals("IDLE", lx3.state());
        assertEquals(16384, lx3.tmpDiskMb());
        assertEquals(16, lx3.cpus());
        assertEquals(16, lx3.sockets(), "CPUs alone means one single-core socket per CPU");
        assertEquals(1, lx3.coresPerSocket());
        assertEquals(2048, lx3.realMemoryMb());
        assertEquals(16, lx3.weight());
        assertEquals(List.of(), lx3.features());

        NodeConf last = conf.node("lx9999").orElseThrow();
        assertEquals(32, last.cpus());
        assertEquals(4096, last.realMemoryMb());
        assertEquals(40, last.weight());
        assertEquals(List.of("1200MHz"), last.features());
        assertEquals("lx9999", last.addr());
        assertEquals("lx9999", last.hostname());
    }

    @Test
    void partitions() {
        assertEquals(List.of("login", "debug", "class", "batch"),
                conf.partitions().stream().map(PartitionConf::name).toList());

        PartitionConf login = conf.partition("login").orElseThrow();
        assertEquals("DOWN", login.state());
        assertEquals(List.of("lx0001", "lx0002"), login.nodes());
        assertEquals(30, login.maxTimeMin());
        assertEquals(2, login.maxNodes());
        assertFalse(login.isDefault());

        PartitionConf debug = conf.defaultPartition().orElseThrow();
        assertEquals("debug", debug.name());
        assertEquals("UP", debug.state());
        assertEquals(28, debug.nodes().size());
        assertEquals(SlurmTime.INFINITE, debug.defaultTimeMin());

        assertEquals(List.of("students"), conf.partition("class").orElseThrow().allowGroups());
        assertEquals(List.of(), debug.allowGroups(), "empty means ALL");

        PartitionConf batch = conf.partition("batch").orElseThrow();
        assertEquals(SlurmTime.INFINITE, batch.maxTimeMin());
        assertEquals(4096, batch.maxNodes());
        assertEquals(9959, batch.nodes().size());
        assertEquals("lx0041", batch.nodes().getFirst());
        assertEquals("lx[0041-9999]", HostList.compress(batch.nodes()));
        assertEquals("NO", batch.overSubscribe());
        assertEquals(1, batch.priorityTier());
        assertEquals(0, batch.minNodes());
        assertEquals(-1, batch.maxCpusPerNode());
    }
}
