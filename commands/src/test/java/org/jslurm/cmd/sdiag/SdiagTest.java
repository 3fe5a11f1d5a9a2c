package org.jslurm.cmd.sdiag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import org.jslurm.cmd.Main;
import org.jslurm.cmd.testing.FakeCluster;
import org.jslurm.cmd.testing.Run;
import org.jslurm.model.SlurmError;
import org.jslurm.wire.proto.Ok;
import org.jslurm.wire.proto.Response;
import org.jslurm.wire.proto.RpcStat;
import org.jslurm.wire.proto.RpcUserStat;
import org.jslurm.wire.proto.StatsReply;
import org.junit.jupiter.api.Test;

class SdiagTest {
    static StatsReply stats() {
        return StatsReply.newBuilder().setNow(1795319831L).setSince(1795319801L).setJobStatesTs(1795319801L)
                .setServerThreads(3).setJobsSubmitted(25).setJobsStarted(11).setJobsCompleted(9).setJobsCanceled(12)
                .setJobsPending(9).setSchedCycles(11).setSchedLastUs(14).setSchedMaxUs(640).setSchedTotalUs(2700)
                .addRpcs(RpcStat.newBuilder().setName("REQUEST_FED_INFO").setCode(2049).setCount(26).setTotalUs(4480))
                .addRpcs(RpcStat.newBuilder().setName("REQUEST_PARTITION_INFO").setCode(2009).setCount(53).setTotalUs(9129))
                .addUsers(RpcUserStat.newBuilder().setUser("root").setUid(0).setCount(219).setTotalUs(82063))
                .build();
    }

    static final String EXPECTED = """
            *******************************************************
            sdiag output at Sun Nov 22 03:57:11 2026 (1795319831)
            Data since      Sun Nov 22 03:56:41 2026 (1795319801)
            *******************************************************
            Server thread count:  3
            Agent queue size:     0
            Agent count:          0
            Agent thread count:   0
            DBD Agent queue size: 0

            Jobs submitted: 25
            Jobs started:   11
            Jobs completed: 9
            Jobs canceled:  12
            Jobs failed:    0

            Job states ts:  Sun Nov 22 03:56:41 2026 (1795319801)
            Jobs pending:   9
            Jobs running:   0

            Main schedule statistics (microseconds):
            \tLast cycle:   14
            \tMax cycle:    640
            \tTotal cycles: 11
            \tMean cycle:   245
            \tMean depth cycle:  0
            \tLast queue length: 0

            Backfilling stats
            \tTotal backfilled jobs (since last slurm start): 0
            \tTotal backfilled jobs (since last stats cycle start): 0
            \tTotal backfilled heterogeneous job components: 0
            \tTotal cycles: 0
            \tLast cycle when: N/A
            \tLast cycle: 0
            \tMax cycle:  0
            \tLast depth cycle: 0
            \tLast depth cycle (try sched): 0
            \tLast queue length: 0
            \tLast table size: 0

            Latency for 1000 calls to gettimeofday(): 22 microseconds

            Remote Procedure Call statistics by message type
            \tREQUEST_PARTITION_INFO                  ( 2009) count:53     ave_time:172    total_time:9129
            \tREQUEST_FED_INFO                        ( 2049) count:26     ave_time:172    total_time:4480

            Remote Procedure Call statistics by user
            \troot            (       0) count:219    ave_time:374    total_time:82063

            Pending RPC statistics
            \tNo pending RPCs
            """;

    @Test
    void layoutMatchesTranscript() {
        assertEquals(EXPECTED, SdiagFormat.render(stats(), ZoneId.of("UTC"), SdiagFormat.Sort.COUNT, 22));
    }

    @Test
    void cyclesPerMinuteAfterAMinuteAndNoMeansWithoutCycles() {
        StatsReply s = StatsReply.newBuilder().setNow(1795333047L).setSince(0).build();
        String out = SdiagFormat.render(s, ZoneId.of("UTC"), SdiagFormat.Sort.COUNT, 25);
        assertTrue(out.contains("Data since      Thu Jan 01 00:00:00 1970 (0)\n"), out);
        assertTrue(out.contains("\tTotal cycles: 0\n\tCycles per minute: 0\n\tLast queue length: 0\n"), out);
    }

    @Test
    void sortById() {
        String out = SdiagFormat.render(stats(), ZoneId.of("UTC"), SdiagFormat.Sort.ID, 1);
        assertTrue(out.indexOf("REQUEST_PARTITION_INFO") < out.indexOf("REQUEST_FED_INFO"));
        String byTime = SdiagFormat.render(stats(), ZoneId.of("UTC"), SdiagFormat.Sort.TIME, 1);
        assertTrue(byTime.indexOf("REQUEST_PARTITION_INFO") < byTime.indexOf("REQUEST_FED_INFO"));
    }

    @Test
    void commandAndReset() {
        FakeCluster c = new FakeCluster(r -> r.getStats().getReset()
                ? Response.newBuilder().setOk(Ok.newBuilder()).build()
                : Response.newBuilder().setStats(stats()).build());
        Run r = Run.of(new Sdiag(), c);
        assertEquals(0, r.rc());
        assertTrue(r.out().startsWith("*****"));
        Run reset = Run.of(new Sdiag(), c, "-r");
        assertEquals("Reset scheduling statistics\n", reset.out());
        assertTrue(c.requests.get(1).getStats().getReset());

        FakeCluster denied = new FakeCluster(x -> FakeCluster.error(SlurmError.ACCESS_DENIED));
        Run d = Run.of(new Sdiag(), denied, "--reset");
        assertEquals("slurm_reset_statistics: Access/permission denied\n", d.err());
        assertEquals(255, d.rc());
        Run down = Run.of(new Sdiag(), FakeCluster.unreachable());
        assertEquals("slurm_get_statistics: Unable to contact slurm controller (connect failure)\n", down.err());
        assertEquals(Main.VERSION + "\n", Run.of(new Sdiag(), c, "-V").out());
        Run bogus = Run.of(new Sdiag(), c, "--bogus");
        assertEquals("sdiag: unrecognized option '--bogus'\nTry \"sdiag --help\" for more information\n", bogus.err());
        assertEquals(1, bogus.rc());
    }
}
