package org.jslurm.cmd.sdiag;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jslurm.cmd.fmt.Times;
import org.jslurm.wire.proto.RpcStat;
import org.jslurm.wire.proto.RpcUserStat;
import org.jslurm.wire.proto.StatsReply;

/** Turns the controller's statistics into sdiag's report. */
public final class SdiagFormat {
    private SdiagFormat() {}

    /** How the RPC tables are ordered: by count (default), id, total time or average time. */
    public enum Sort { COUNT, ID, TIME, AVERAGE }

    private static final String STARS = "*******************************************************";

    /**
     * @param latencyUs measured time of 1000 clock reads, in microseconds
     */
    public static String render(StatsReply s, ZoneId zone, Sort sort, long latencyUs) {
        StringBuilder b = new StringBuilder();
        b.append(STARS).append('\n');
        b.append("sdiag output at ").append(stamp(s.getNow(), zone)).append('\n');
        b.append("Data since      ").append(stamp(s.getSince(), zone)).append('\n');
        b.append(STARS).append('\n');
        b.append("Server thread count:  ").append(s.getServerThreads()).append('\n');
        b.append("Agent queue size:     0\n");
        b.append("Agent count:          0\n");
        b.append("Agent thread count:   0\n");
        b.append("DBD Agent queue size: 0\n\n");
        b.append("Jobs submitted: ").append(s.getJobsSubmitted()).append('\n');
        b.append("Jobs started:   ").append(s.getJobsStarted()).append('\n');
        b.append("Jobs completed: ").append(s.getJobsCompleted()).append('\n');
        b.append("Jobs canceled:  ").append(s.getJobsCanceled()).append('\n');
        b.append("Jobs failed:    ").append(s.getJobsFailed()).append("\n\n");
        long ts = s.getJobStatesTs() > 0 ? s.getJobStatesTs() : s.getSince();
        b.append("Job states ts:  ").append(stamp(ts, zone)).append('\n');
        b.append("Jobs pending:   ").append(s.getJobsPending()).append('\n');
        b.append("Jobs running:   ").append(s.getJobsRunning()).append("\n\n");
        b.append("Main schedule statistics (microseconds):\n");
        b.append("\tLast cycle:   ").append(s.getSchedLastUs()).append('\n');
        b.append("\tMax cycle:    ").append(s.getSchedMaxUs()).append('\n');
        b.append("\tTotal cycles: ").append(s.getSchedCycles()).append('\n');
        if (s.getSchedCycles() > 0) {
            b.append("\tMean cycle:   ").append(s.getSchedTotalUs() / s.getSchedCycles()).append('\n');
            b.append("\tMean depth cycle:  ").append(s.getSchedTotalDepth() / s.getSchedCycles()).append('\n');
        }
        long elapsed = s.getNow() - s.getSince();
        if (elapsed > 60) b.append("\tCycles per minute: ").append(s.getSchedCycles() / (elapsed / 60)).append('\n');
        b.append("\tLast queue length: ").append(s.getSchedLastQueue()).append("\n\n");
        b.append("Backfilling stats\n");
        b.append("\tTotal backfilled jobs (since last slurm start): 0\n");
        b.append("\tTotal backfilled jobs (since last stats cycle start): 0\n");
        b.append("\tTotal backfilled heterogeneous job components: 0\n");
        b.append("\tTotal cycles: 0\n");
        b.append("\tLast cycle when: N/A\n");
        b.append("\tLast cycle: 0\n");
        b.append("\tMax cycle:  0\n");
        b.append("\tLast depth cycle: 0\n");
        b.append("\tLast depth cycle (try sched): 0\n");
        b.append("\tLast queue length: 0\n");
        b.append("\tLast table size: 0\n\n");
        b.append("Latency for 1000 calls to gettimeofday(): ").append(latencyUs).append(" microseconds\n\n");
        b.append("Remote Procedure Call statistics by message type\n");
        List<RpcStat> rpcs = new ArrayList<>(s.getRpcsList());
        rpcs.sort(rpcOrder(sort));
        for (RpcStat r : rpcs) {
            b.append(String.format(Locale.ROOT, "\t%-40s(%5d) count:%-6d ave_time:%-6d total_time:%d%n",
                    r.getName(), r.getCode(), r.getCount(), average(r.getTotalUs(), r.getCount()), r.getTotalUs()));
        }
        b.append("\nRemote Procedure Call statistics by user\n");
        List<RpcUserStat> users = new ArrayList<>(s.getUsersList());
        users.sort(userOrder(sort));
        for (RpcUserStat u : users) {
            b.append(String.format(Locale.ROOT, "\t%-15s (%8d) count:%-6d ave_time:%-6d total_time:%d%n",
                    u.getUser(), u.getUid(), u.getCount(), average(u.getTotalUs(), u.getCount()), u.getTotalUs()));
        }
        b.append("\nPending RPC statistics\n\tNo pending RPCs\n");
        return b.toString();
    }

    private static long average(long total, long count) { return count == 0 ? 0 : total / count; }

    /** {@code Sun Nov 22 03:57:11 2026 (1795319831)}. */
    static String stamp(long epoch, ZoneId zone) {
        return Times.ctime(epoch, zone) + " (" + epoch + ")";
    }

    private static Comparator<RpcStat> rpcOrder(Sort sort) {
        return switch (sort) {
            case ID -> Comparator.comparingInt(RpcStat::getCode);
            case TIME -> Comparator.comparingLong(RpcStat::getTotalUs).reversed();
            case AVERAGE -> Comparator.comparingLong((RpcStat r) -> average(r.getTotalUs(), r.getCount())).reversed();
            case COUNT -> Comparator.comparingLong(RpcStat::getCount).reversed();
        };
    }

    private static Comparator<RpcUserStat> userOrder(Sort sort) {
        return switch (sort) {
            case ID -> Comparator.comparingInt(RpcUserStat::getUid);
            case TIME -> Comparator.comparingLong(RpcUserStat::getTotalUs).reversed();
            case AVERAGE -> Comparator.comparingLong((RpcUserStat r) -> average(r.getTotalUs(), r.getCount())).reversed();
            case COUNT -> Comparator.comparingLong(RpcUserStat::getCount).reversed();
        };
    }
}
