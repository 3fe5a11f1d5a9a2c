package org.jslurm.cmd.sinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jslurm.cmd.testing.FakeCluster;
import org.jslurm.cmd.testing.Fixtures;
import org.jslurm.cmd.testing.Oracle;
import org.jslurm.cmd.testing.Run;
import org.jslurm.model.Node;
import org.jslurm.model.Partition;
import org.jslurm.rpc.Convert;
import org.jslurm.wire.proto.NodeList;
import org.jslurm.wire.proto.PartitionList;
import org.jslurm.wire.proto.Response;
import org.junit.jupiter.api.Test;

/** Expected outputs are Slurm 22.05's for the same cluster (transcripts and Oracle). */
class SinfoTest {
    static FakeCluster cluster(List<Partition> parts, List<Node> nodes, long now) {
        return new FakeCluster(r -> {
            if (r.hasPartitionInfo()) {
                PartitionList.Builder l = PartitionList.newBuilder().setNow(now);
                parts.forEach(p -> l.addPartitions(Convert.toMsg(p)));
                return Response.newBuilder().setPartitions(l).build();
            }
            NodeList.Builder l = NodeList.newBuilder().setNow(now);
            for (Node n : nodes) {
                l.addNodes(Convert.toMsg(n, parts.stream().filter(p -> p.nodes().contains(n.name()))
                        .map(Partition::name).toList()));
            }
            return Response.newBuilder().setNodes(l).build();
        });
    }

    static Run transcript(int alloc, String... args) {
        return Run.of(new Sinfo(), cluster(List.of(Fixtures.debug()), List.of(Fixtures.vm(alloc)), Fixtures.T43), args);
    }

    static Run oracle(String... args) {
        return Run.of(new Sinfo(), cluster(Oracle.partitions(), Oracle.nodes(), Oracle.NOW), args);
    }

    @Test
    void transcriptIdleAndAllocated() {
        assertEquals("PARTITION AVAIL  TIMELIMIT  NODES  STATE NODELIST\n"
                + "debug*       up   infinite      1   idle vm\n", transcript(0).out());
        assertEquals("PARTITION AVAIL  TIMELIMIT  NODES  STATE NODELIST\n"
                + "debug*       up   infinite      1  alloc vm\n", transcript(2).out());
        assertEquals("debug* up infinite 1 idle vm\n", transcript(0, "-h", "-o", "%P %a %l %D %T %N").out());
        assertEquals("PARTITION\ndebug*\n", transcript(0, "-o", "%P").out());
    }

    @Test
    void transcriptNodeLong() {
        assertEquals("Sun Nov 22 03:56:43 2026\n"
                + "NODELIST   NODES PARTITION       STATE CPUS    S:C:T MEMORY TMP_DISK WEIGHT AVAIL_FE REASON              \n"
                + "vm             1    debug*   allocated 2       1:2:1  24105        0      1   (null) none                \n",
                transcript(2, "-N", "-l").out());
    }

    @Test
    void oodBundledCounts() {
        assertEquals(" 0/1/0/1/0/2/0/2\n", transcript(0, "-aho %F/%C").out());
        assertEquals(" 1/0/3/4/1/1/12/14\n", oracle("-aho %F/%C").out());
    }

    @Test
    void oracleDefaultGroupsByState() {
        assertEquals("PARTITION AVAIL  TIMELIMIT  NODES  STATE NODELIST\n"
                + "debug*       up   infinite      1    mix vm\n"
                + "big          up      30:00      2  drain n[1-2]\n"
                + "big          up      30:00      1    mix vm\n"
                + "big          up      30:00      1   down n3\n"
                + "hid          up   infinite      1    mix vm\n", oracle("-a").out());
        assertEquals("PARTITION AVAIL  TIMELIMIT  NODES  STATE NODELIST\n"
                + "debug*       up   infinite      1    mix vm\n"
                + "big          up      30:00      2  drain n[1-2]\n"
                + "big          up      30:00      1    mix vm\n"
                + "big          up      30:00      1   down n3\n", oracle().out());
    }

    @Test
    void oracleLongSummarizeAndStates() {
        assertEquals("Sun Nov 22 07:38:37 2026\n"
                + "PARTITION AVAIL  TIMELIMIT   JOB_SIZE ROOT OVERSUBS     GROUPS  NODES       STATE NODELIST\n"
                + "debug*       up   infinite 1-infinite   no       NO        all      1       mixed vm\n"
                + "big          up      30:00 1-infinite   no       NO        all      2     drained n[1-2]\n"
                + "big          up      30:00 1-infinite   no       NO        all      1       mixed vm\n"
                + "big          up      30:00 1-infinite   no       NO        all      1        down n3\n",
                oracle("-l").out());
        assertEquals("PARTITION AVAIL  TIMELIMIT   NODES(A/I/O/T) NODELIST\n"
                + "debug*       up   infinite          1/0/0/1 vm\n"
                + "big          up      30:00          1/0/3/4 n[1-3],vm\n"
                + "hid          up   infinite          1/0/0/1 vm\n", oracle("-s", "-a").out());
        assertEquals("PARTITION AVAIL  TIMELIMIT  NODES  STATE NODELIST\n"
                + "debug*       up   infinite      0    n/a \n"
                + "big          up      30:00      2  drain n[1-2]\n"
                + "hid          up   infinite      0    n/a \n", oracle("-a", "-t", "drain").out());
        assertEquals("PARTITION AVAIL  TIMELIMIT  NODES  STATE NODELIST\n"
                + "big          up      30:00      2  drain n[1-2]\n"
                + "big          up      30:00      1    mix vm\n"
                + "big          up      30:00      1   down n3\n", oracle("-p", "big").out());
    }

    @Test
    void oracleReasons() {
        assertEquals("REASON               USER      TIMESTAMP           NODELIST\n"
                + "test drain           root      2026-11-22T07:38:23 n[1-2]\n"
                + "dead                 root      2026-11-22T07:38:23 n3\n", oracle("-R").out());
        assertEquals("Sun Nov 22 07:38:37 2026\n"
                + "REASON               USER         TIMESTAMP           STATE  NODELIST\n"
                + "test drain           root(0)      2026-11-22T07:38:23 drain  n[1-2]\n"
                + "dead                 root(0)      2026-11-22T07:38:23 down   n3\n", oracle("-R", "-l").out());
    }

    @Test
    void oracleNodeOriented() {
        assertEquals("Sun Nov 22 07:38:37 2026\n"
                + "NODELIST   NODES PARTITION       STATE CPUS    S:C:T MEMORY TMP_DISK WEIGHT AVAIL_FE REASON              \n"
                + "n1             1       big     drained 4       4:1:1   4096        0      1 fast,big test drain          \n"
                + "n2             1       big     drained 4       4:1:1   4096        0      1 fast,big test drain          \n"
                + "n3             1       big        down 4       4:1:1   4096        0      1 fast,big dead                \n"
                + "vm             1    debug*       mixed 2       2:1:1   2000        0      1   (null) none                \n"
                + "vm             1       big       mixed 2       2:1:1   2000        0      1   (null) none                \n"
                + "vm             1       hid       mixed 2       2:1:1   2000        0      1   (null) none                \n",
                oracle("-l", "-N", "-a").out());
        assertEquals("NODELIST   NODES PARTITION STATE \n"
                + "n1             1       big drain \n", oracle("-N", "-n", "n1").out());
        assertEquals("\u001e2\u001fvm\u001f(null)\n\u001e4\u001fn1\u001ffast,big\n\u001e4\u001fn2\u001ffast,big\n"
                + "\u001e4\u001fn3\u001ffast,big\n", oracle("-ho", "\u001e%c\u001f%n\u001f%f").out());
    }

    @Test
    void oracleAllLetters() {
        String out = oracle("-a", "-o", "%a|%A|%b|%B|%c|%C|%d|%D|%e|%E|%f|%F|%g|%G|%h|%H|%I|%l|%L|%m|%M|%n|%N|%o|%O"
                + "|%p|%P|%r|%R|%s|%S|%t|%T|%u|%U|%v|%w|%X|%Y|%Z|%z").out();
        assertEquals("AVAIL|NODES(A/I)|ACTIVE_FEATURES|MAX_CPUS_PER_NODE|CPUS|CPUS(A/I/O/T)|TMP_DISK|NODES|FREE_MEM"
                + "|REASON|AVAIL_FEATURES|NODES(A/I/O/T)|GROUPS|GRES|OVERSUBSCRIBE|TIMESTAMP|PRIO_JOB_FACTOR|TIMELIMIT"
                + "|DEFAULTTIME|MEMORY|PREEMPT_MODE|HOSTNAMES|NODELIST|NODE_ADDR|CPU_LOAD|PRIO_TIER|PARTITION|ROOT"
                + "|PARTITION|JOB_SIZE|ALLOCNODES|STATE|STATE|USER|USER|VERSION|WEIGHT|SOCKETS|CORES|THREADS|S:C:T\n"
                + "up|1/0|(null)|UNLIMITED|2|1/1/0/2|0|1|23508|none|(null)|1/0/0/1|all|(null)|NO|Unknown|1|infinite"
                + "|n/a|2000|OFF|vm|vm|vm|0.45|1|debug*|no|debug|1-infinite|all|mix|mixed|Unknown|Unknown|22.05.8|1|2|1|1"
                + "|2:1:1\n"
                + "up|0/0|fast,big|UNLIMITED|4|0/0/4/4|0|1|23508|test drain|fast,big|0/0/1/1|all|(null)|NO"
                + "|2026-11-22T07:38:23|1|30:00|5:00|4096|OFF|n1|n1|127.0.0.2|0.45|1|big|no|big|1-infinite|all|drain"
                + "|drained|root|root(0)|N/A|1|4|1|1|4:1:1\n", String.join("\n", List.of(out.split("\n")).subList(0, 3)) + "\n");
    }

    @Test
    void oracleLongNames() {
        assertEquals("NODELIST            PARTITION           STATE               CPUS                CPUS(A/I/O/T)       \n"
                + "vm                  debug*              mixed               2                   1/1/0/2             \n"
                + "n[1-2]              big                 drained             4                   0/0/8/8             \n"
                + "vm                  big                 mixed               2                   1/1/0/2             \n"
                + "n3                  big                 down                4                   0/0/4/4             \n",
                oracle("-O", "NodeList,Partition,StateLong,CPUs,CPUsState").out());
        assertEquals("n1\u001fidle+drain\nn2\u001fidle+drain\nn3\u001fdown\nvm\u001fmixed\nvm\u001fmixed\nvm\u001fmixed\n",
                oracle("-ahN", "-O", "nodehost:\u001f,statecomplete:").out());
    }

    @Test
    void badStateAndOptions() {
        Run r = oracle("-t", "bogus");
        assertEquals(1, r.rc());
        assertTrue(r.err().startsWith("sinfo: error: Bad state string: \"bogus\"\nsinfo: error: valid states: "), r.err());
        Run b = oracle("--bogus");
        assertEquals("sinfo: unrecognized option '--bogus'\nTry \"sinfo --help\" for more information\n", b.err());
        assertEquals(1, b.rc());
    }

    @Test
    void unreachable() {
        Run r = Run.of(new Sinfo(), FakeCluster.unreachable());
        assertEquals(1, r.rc());
        assertEquals("slurm_load_partitions: Unable to contact slurm controller (connect failure)\n", r.err());
    }

    @Test
    void json() {
        Run r = oracle("--json");
        assertEquals(0, r.rc());
        assertTrue(r.out().contains("\"sinfo\": ["), r.out());
        assertTrue(r.out().contains("\"allocated\": 1"), r.out());
    }
}
