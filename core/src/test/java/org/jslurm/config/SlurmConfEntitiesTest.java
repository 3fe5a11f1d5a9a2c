package org.jslurm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jslurm.time.SlurmTime;
import org.junit.jupiter.api.Test;

/** Node, partition, DownNodes and NodeSet lines. */
class SlurmConfEntitiesTest {

    private static SlurmConf parse(String text) {
        return SlurmConfSyntaxTest.parse(text);
    }

    @Test
    void eachDefaultLineUpdatesTheDefaultsForLaterLines() {
        SlurmConf c = parse("""
                NodeName=DEFAULT CPUs=4 RealMemory=100
                NodeName=a1
                NodeName=DEFAULT RealMemory=200
                NodeName=a2
                NodeName=a3 RealMemory=300
                NodeName=a4
                """);
        assertEquals(List.of(100L, 200L, 300L, 200L),
                c.nodes().stream().map(NodeConf::realMemoryMb).toList());
        assertTrue(c.nodes().stream().allMatch(n -> n.cpus() == 4));
    }

    @Test
    void topologyDefaults() {
        SlurmConf c = parse("""
                NodeName=plain
                NodeName=layout Sockets=2 CoresPerSocket=8 ThreadsPerCore=2
                NodeName=boards Boards=2 SocketsPerBoard=2 CoresPerSocket=4
                NodeName=both CPUs=12 Sockets=2 CoresPerSocket=8
                NodeName=procs Procs=3
                """);
        assertEquals(List.of(1, 32, 16, 12, 3), c.nodes().stream().map(NodeConf::cpus).toList());
        NodeConf boards = c.node("boards").orElseThrow();
        assertEquals(2, boards.boards());
        assertEquals(4, boards.sockets(), "SocketsPerBoard is multiplied by Boards");
        NodeConf plain = c.node("plain").orElseThrow();
        assertEquals(List.of(1, 1, 1, 1), List.of(plain.boards(), plain.sockets(),
                plain.coresPerSocket(), plain.threadsPerCore()));
        assertEquals(3, c.node("procs").orElseThrow().sockets());
    }

    @Test
    void addressesHostnamesAndPortsMatchPositionally() {
        SlurmConf c = parse("""
                NodeName=n[1-3] NodeHostname=h[1-3] Port=7001-7003 Features=gpu,"big mem" Gres=gpu:2
                NodeName=m[1-2] NodeAddr=10.0.0.[1-2] Port=9000
                NodeName=k1 NodeHostname=khost
                """);
        NodeConf n2 = c.node("n2").orElseThrow();
        assertEquals("h2", n2.hostname());
        assertEquals("h2", n2.addr(), "NodeAddr defaults to NodeHostname");
        assertEquals(7002, n2.port());
        assertEquals(List.of("gpu", "big mem"), n2.features());
        assertEquals("gpu:2", n2.gres());
        NodeConf m2 = c.node("m2").orElseThrow();
        assertEquals("10.0.0.2", m2.addr());
        assertEquals("m2", m2.hostname());
        assertEquals(9000, m2.port());
        assertEquals(6818, c.node("k1").orElseThrow().port());
    }

    @Test
    void partitionOptions() {
        SlurmConf c = parse("""
                NodeName=n[1-8]
                PartitionName=DEFAULT MaxTime=1-00:00:00 PriorityTier=5
                PartitionName=a Nodes=n[5-8],n[1-2],n1 OverSubscribe=FORCE:2 DefaultTime=30 \\
                    MaxNodes=UNLIMITED MinNodes=2 RootOnly=YES Hidden=YES MaxCPUsPerNode=8 \\
                    DefMemPerCPU=500 MaxMemPerNode=8000 AllowAccounts=x,y AllowQos=normal \\
                    PriorityJobFactor=3 State=INACTIVE AllowGroups=ALL
                PartitionName=b Shared=YES
                PartitionName=c OverSubscribe=exclusive Nodes=ALL
                """);
        PartitionConf a = c.partition("a").orElseThrow();
        assertEquals(List.of("n1", "n2", "n5", "n6", "n7", "n8"), a.nodes(), "node order, no duplicates");
        assertEquals("FORCE:2", a.overSubscribe());
        assertEquals(1440, a.maxTimeMin());
        assertEquals(30, a.defaultTimeMin());
        assertEquals(-1, a.maxNodes());
        assertEquals(2, a.minNodes());
        assertTrue(a.rootOnly());
        assertTrue(a.hidden());
        assertEquals(8, a.maxCpusPerNode());
        assertEquals(500, a.defMemPerCpu());
        assertEquals(8000, a.maxMemPerNode());
        assertEquals(List.of("x", "y"), a.allowAccounts());
        assertEquals(List.of("normal"), a.allowQos());
        assertEquals(List.of(), a.allowGroups());
        assertEquals(5, a.priorityTier());
        assertEquals(3, a.priorityJobFactor());
        assertEquals("INACTIVE", a.state());

        PartitionConf b = c.partition("b").orElseThrow();
        assertEquals("YES:4", b.overSubscribe(), "old Shared key, bare YES means 4");
        assertEquals(List.of(), b.nodes());
        assertEquals(SlurmTime.INFINITE, b.defaultTimeMin());
        assertFalse(b.rootOnly());
        assertEquals("EXCLUSIVE", c.partition("c").orElseThrow().overSubscribe());
        assertTrue(c.defaultPartition().isEmpty(), "no partition marked default");
    }

    @Test
    void downNodesLinesChangeStateAndReason() {
        SlurmConf c = parse("""
                NodeName=n[1-4] State=IDLE
                DownNodes=n[2-3] State=DRAIN Reason="bad fan"
                DownNodes=n4
                """);
        assertEquals(List.of("IDLE", "DRAIN", "DRAIN", "DOWN"),
                c.nodes().stream().map(NodeConf::state).toList());
        assertEquals("bad fan", c.node("n3").orElseThrow().reason());
    }

    @Test
    void nodeSetsByNameAndFeature() {
        SlurmConf c = parse("""
                NodeName=n[1-4]
                NodeName=g[1-2] Features=gpu
                NodeSet=gpus Feature=gpu
                NodeSet=first Nodes=n[1-2]
                PartitionName=p Nodes=first,gpus
                """);
        assertEquals(List.of("n1", "n2", "g1", "g2"), c.partition("p").orElseThrow().nodes());
    }

    @Test
    void partitionsMayPrecedeTheirNodes() {
        SlurmConf c = parse("""
                PartitionName=p Nodes=n[1-2]
                NodeName=n[1-2]
                """);
        assertEquals(List.of("n1", "n2"), c.partition("p").orElseThrow().nodes());
    }
}
