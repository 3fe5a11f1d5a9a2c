package org.jslurm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Lexical rules: comments, quotes, continuation lines, case, unknown keys. */
class SlurmConfSyntaxTest {

    private static final Path FILE = Path.of("/etc/slurm/slurm.conf");

    static SlurmConf parse(String text) {
        return SlurmConf.parse("ClusterName=test\nSlurmctldHost=ctl\n" + text, FILE);
    }

    @Test
    void commentsAndBlankLinesAreIgnored() {
        SlurmConf c = parse("""

                # a comment
                   SlurmUser=slurm   # trailing comment
                \t
                NodeName=n1 # Weight=7
                """);
        assertEquals("slurm", c.slurmUser());
        assertEquals(1, c.node("n1").orElseThrow().weight());
    }

    @Test
    void quotedValuesMayHoldSpacesAndHashes() {
        SlurmConf c = parse("""
                Prolog="/opt/my scripts/prolog" Epilog=/bin/true
                NodeName=n1 State=DOWN Reason="disk #3 failed"
                """);
        assertEquals("/opt/my scripts/prolog", c.prolog().orElseThrow());
        assertEquals("/bin/true", c.epilog().orElseThrow());
        assertEquals("disk #3 failed", c.node("n1").orElseThrow().reason());
    }

    @Test
    void backslashContinuesALine() {
        SlurmConf c = parse("""
                NodeName=n[1-2] \\
                    CPUs=8 \\
                    RealMemory=1000
                PartitionName=p Nodes=n[1-2]
                """);
        NodeConf n2 = c.node("n2").orElseThrow();
        assertEquals(8, n2.cpus());
        assertEquals(1000, n2.realMemoryMb());
    }

    @Test
    void windowsLineEndingsAreAccepted() {
        SlurmConf c = parse("SlurmUser=slurm\r\nNodeName=n1 \\\r\n CPUs=2\r\n");
        assertEquals("slurm", c.slurmUser());
        assertEquals(2, c.node("n1").orElseThrow().cpus());
    }

    @Test
    void keysAreCaseInsensitiveAndLaterValuesWin() {
        SlurmConf c = parse("""
                killwait=10
                KILLWAIT=20
                nodename=n1 cpus=4 state=idle
                partitionname=p nodes=n1 default=yes
                """);
        assertEquals(20, c.killWait());
        assertEquals("20", c.get("KillWait"));
        assertEquals("20", c.all().get("KillWait"), "all() uses the documented spelling");
        assertEquals("IDLE", c.node("n1").orElseThrow().state());
        assertEquals("p", c.defaultPartition().orElseThrow().name());
    }

    @Test
    void genericAccessors() {
        SlurmConf c = parse("MaxJobCount=500\n");
        assertTrue(c.has("maxjobcount"));
        assertEquals(500, c.getInt("MaxJobCount", 1));
        assertEquals(7, c.getInt("FirstJobId", 7));
        assertEquals(500L, c.getLong("MaxJobCount", 1));
        assertEquals(null, c.get("Prolog"));
        assertEquals("x", c.get("Prolog", "x"));
    }

    @Test
    void unknownKeysWarnWithFileAndLine() {
        SlurmConf c = parse("""
                FooBar=1
                NodeName=n1 Colour=blue
                """);
        assertEquals(List.of(
                "/etc/slurm/slurm.conf:3: unknown key FooBar ignored",
                "/etc/slurm/slurm.conf:4: unknown key Colour ignored"), c.warnings());
        assertEquals(null, c.get("FooBar"));
    }

    @Test
    void keysOfOtherReleasesAreKnown() {
        SlurmConf c = parse("""
                FastSchedule=1
                CacheGroups=0
                SchedulerPort=7321
                CryptoType=crypto/munge
                AccountingStorageEnforce=limits
                JobAcctGatherType=jobacct_gather/linux
                """);
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void controllersWithAddressesAndBackups() {
        SlurmConf c = SlurmConf.parse("""
                ClusterName=Mixed
                SlurmctldHost=head1(10.0.0.1)
                SlurmctldHost=head2
                SlurmctldPort=6817-6820
                """, FILE);
        assertEquals("mixed", c.clusterName(), "Slurm keeps cluster names in lower case");
        assertEquals(List.of(new ControllerHost("head1", "10.0.0.1"), new ControllerHost("head2", "head2")),
                c.controllers());
        assertEquals("head1(10.0.0.1),head2", c.all().get("SlurmctldHost"));
        assertEquals(6817, c.slurmctldPort());
        assertEquals(4, c.slurmctldPortCount());
    }

    @Test
    void controlMachineWithAddresses() {
        SlurmConf c = SlurmConf.parse("""
                ClusterName=c
                ControlMachine=a ControlAddr=a-ib
                BackupController=b BackupAddr=b-ib
                """, FILE);
        assertEquals(List.of(new ControllerHost("a", "a-ib"), new ControllerHost("b", "b-ib")), c.controllers());
    }

    @Test
    void missingControllerIsAWarning() {
        SlurmConf c = SlurmConf.parse("ClusterName=c\n", FILE);
        assertEquals(List.of(), c.controllers());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("SlurmctldHost")), c.warnings().toString());
    }

    @Test
    void listAndMapValuedGlobals() {
        SlurmConf c = parse("""
                SchedulerParameters=bf_interval=30,default_queue_depth=100,bf_continue
                SlurmdParameters=config_overrides
                EnforcePartLimits=YES
                DefMemPerCPU=1024
                MaxMemPerNode=UNLIMITED
                SlurmdPidFile=/run/slurmd-%n.pid
                SlurmdLogFile=/var/log/slurmd.%h.log
                NodeName=n1 NodeHostname=host1
                """);
        assertEquals(Map.of("bf_interval", "30", "default_queue_depth", "100", "bf_continue", ""),
                c.schedulerParameters());
        assertEquals(List.of("bf_interval", "default_queue_depth", "bf_continue"),
                List.copyOf(c.schedulerParameters().keySet()));
        assertEquals(List.of("config_overrides"), c.slurmdParameters());
        assertTrue(c.configOverrides());
        assertEquals(EnforcePartLimits.ANY, c.enforcePartLimits());
        assertEquals(1024, c.defMemPerCpu());
        assertEquals(0, c.maxMemPerNode());
        NodeConf n1 = c.node("n1").orElseThrow();
        assertEquals("/run/slurmd-n1.pid", c.slurmdPidFile(n1));
        assertEquals("/var/log/slurmd.host1.log", c.slurmdLogFile(n1).orElseThrow());
    }

    @Test
    void nodeTokensReplaceOnlyTheFirstOccurrence() {
        assertEquals("/x/n1/%n/h", NodeTokens.expand("/x/%n/%n/%h", "n1", "h"));
        assertEquals("/x/%h", NodeTokens.expand("/x/%n", "%h", "h"));
    }
}
