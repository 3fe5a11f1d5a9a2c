package org.jslurm.cmd.squeue;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jslurm.cmd.args.Hosts;
import org.jslurm.cmd.fmt.JobPaths;
import org.jslurm.cmd.fmt.JobView;
import org.jslurm.cmd.fmt.Layout.Field;
import org.jslurm.cmd.fmt.Times;
import org.jslurm.cmd.fmt.Units;
import org.jslurm.model.Job;

/**
 * squeue's job fields: the {@code -o} letters and the {@code -O} names, each with Slurm's header
 * and a value computed from a job as of {@code now}.
 */
public final class JobFields {
    private final long now;
    private final ZoneId zone;
    private final boolean noconvert;
    private final Map<Character, Field<Job>> letters = new HashMap<>();
    private final Map<String, Field<Job>> names = new HashMap<>();

    public JobFields(long now, ZoneId zone, boolean noconvert) {
        this.now = now;
        this.zone = zone;
        this.noconvert = noconvert;
        define();
    }

    /** The field for a {@code -o} letter, or null. */
    public Field<Job> letter(char c) { return letters.get(c); }

    /** The field for a {@code -O} name (case-insensitive), or null. */
    public Field<Job> named(String name) { return names.get(name.toLowerCase(Locale.ROOT)); }

    private void both(char letter, String name, String header, Function<Job, String> value) {
        both(letter, name, new Field<>(header, value));
    }

    private void both(char letter, String name, Field<Job> f) {
        if (letter != 0) letters.put(letter, f);
        if (name != null) for (String n : name.split("\\|")) names.put(n.toLowerCase(Locale.ROOT), f);
    }

    private void named(String name, String header, Function<Job, String> value) {
        both((char) 0, name, header, value);
    }

    private String time(long epoch, String none) { return Times.iso(epoch, zone, none); }

    private void define() {
        both('a', "Account", "ACCOUNT", j -> JobView.orNull(j.spec().account()));
        both('A', "JobID", "JOBID", j -> Long.toString(j.id()));
        both('b', "tres-per-node", "TRES_PER_NODE", j -> "N/A");
        both('B', "BatchHost", "EXEC_HOST", j -> j.batchHost() == null ? "n/a" : j.batchHost());
        both('c', "MinCpus", "MIN_CPUS", j -> Long.toString(JobView.minCpusPerNode(j)));
        both('C', "NumCPUs", "CPUS", j -> Integer.toString(j.cpus()));
        both('d', "MinTmpDisk", "MIN_TMP_DISK", j -> "0");
        both('D', "NumNodes", "NODES", j -> Integer.toString(j.nodeCount()));
        both('e', "EndTime", "END_TIME", this::endTime);
        both('E', "Dependency", "DEPENDENCY", j -> "(null)");
        both('f', "Feature", "FEATURES", JobView::features);
        both('F', "ArrayJobID", "ARRAY_JOB_ID", j -> Long.toString(j.id()));
        both('g', "GroupName", "GROUP", JobView::groupName);
        both('G', "GroupID", "GROUP", j -> Integer.toString(j.spec().gid()));
        both('h', "OverSubscribe", "OVER_SUBSCRIBE", JobView::overSubscribe);
        both('H', "Sockets", "SOCKETS_PER_NODE", j -> "*");
        both('i', "JobArrayID", "JOBID", j -> Long.toString(j.id()));
        both('I', "Cores", "CORES_PER_SOCKET", j -> "*");
        both('j', "Name", "NAME", Job::name);
        both('J', "Threads", "THREADS_PER_CORE", j -> "*");
        both('k', "Comment", "COMMENT", j -> JobView.orNull(j.spec().comment()));
        both('K', "ArrayTaskID", "ARRAY_TASK_ID", j -> "N/A");
        both('l', "TimeLimit", "TIME_LIMIT", j -> Times.limit(j.timeLimitMin()));
        both('L', "TimeLeft", "TIME_LEFT", this::timeLeft);
        both('m', "MinMemory", "MIN_MEMORY", j -> Units.mem(JobView.minMemMb(j), noconvert));
        both('M', "TimeUsed", "TIME", j -> Times.elapsed(j.runSeconds(now)));
        both('n', "ReqNodes", "REQ_NODES", j -> Hosts.compress(j.spec().reqNodes()));
        both('N', "NodeList|Nodes|AllocNodes", new Field<>("NODELIST", JobView::nodeList, false));
        both('o', "Command", "COMMAND", j -> JobView.orNull(j.spec().command()));
        both('O', "Contiguous", "CONTIGUOUS", j -> "0");
        both('p', "Priority", "PRIORITY", j -> JobView.priorityFraction(j.priority()));
        both('P', "Partition", "PARTITION", Job::partition);
        both('q', "QOS", "QOS", j -> "(null)");
        both('Q', "PriorityLong", "PRIORITY", j -> Long.toString(j.priority()));
        both('r', "Reason", "REASON", JobView::reason);
        both('R', "ReasonList", new Field<>("NODELIST(REASON)", JobView::reasonList,
                false));
        both('s', "SelectJobInfo", "", j -> "");
        both('S', "StartTime", "START_TIME", j -> time(j.startTime(), "N/A"));
        both('t', "StateCompact", "ST", j -> j.state().compact());
        both('T', "State", "STATE", j -> j.state().name());
        both('u', "UserName", "USER", Job::userName);
        both('U', "UserID", "UID", j -> Integer.toString(j.uid()));
        both('v', "Reservation", "RESERVATION", j -> "(null)");
        both('V', "SubmitTime", "SUBMIT_TIME", j -> time(j.submitTime(), "N/A"));
        both('w', "WCKey", "WCKEY", j -> "(null)");
        both('W', "Licenses", "LICENSES", j -> "(null)");
        both('x', "ExcNodes", "EXC_NODES", j -> Hosts.compress(j.spec().excNodes()));
        both('X', "CoreSpec", "CORE_SPEC", j -> "N/A");
        both('y', "Nice", "NICE", j -> Integer.toString(j.spec().nice()));
        both('Y', "SchedNodes", "SCHEDNODES", j -> "(null)");
        both('z', "SCT", "S:C:T", j -> "*:*:*");
        both('Z', "WorkDir", "WORK_DIR", j -> j.spec().workDir());
        named("tres-alloc", "TRES_ALLOC", JobView::tres);
        named("STDOUT", "STDOUT", JobPaths::stdout);
        named("STDERR", "STDERR", JobPaths::stderr);
        named("STDIN", "STDIN", JobPaths::stdin);
        named("exit_code|ExitCode", "EXIT_CODE", j -> Integer.toString(j.exitCode()));
        named("DerivedEC", "DERIVED_EC", j -> j.exitCode() + ":" + j.termSignal());
        named("EligibleTime", "ELIGIBLE_TIME", j -> time(j.eligibleTime(), "N/A"));
        named("AccrueTime", "ACCRUE_TIME", j -> time(j.eligibleTime(), "N/A"));
        named("LastSchedEval", "LAST_SCHED_EVAL",
                j -> time(j.startTime() > 0 ? j.startTime() : j.submitTime(), "N/A"));
        named("PendingTime", "PENDING_TIME", j -> Long.toString(
                Math.max(0, (j.startTime() > 0 ? j.startTime() : now) - j.submitTime())));
        named("NumTasks", "TASKS", j -> Integer.toString(j.spec().effectiveTasks()));
        named("cpus-per-task", "CPUS_PER_TASK", j -> Integer.toString(j.spec().effectiveCpusPerTask()));
        named("MaxNodes", "MAX_NODES", j -> Integer.toString(Math.max(0, j.spec().maxNodes())));
        named("MaxCPUs", "MAX_CPUS", j -> "0");
        named("Requeue", "REQUEUE", j -> j.spec().requeue() ? "1" : "0");
        named("RestartCnt", "RESTARTCNT", j -> Integer.toString(j.restarts()));
        named("BatchFlag", "BATCHFLAG", j -> "1");
        named("Reboot", "REBOOT", j -> "0");
        named("MinTime", "MIN_TIME", j -> "0:00");
        named("Deadline", "DEADLINE", j -> "N/A");
        named("Network", "NETWORK", j -> "(null)");
        named("MCSLabel", "MCSLABEL", j -> "(null)");
        named("Prefer", "PREFER", j -> "(null)");
        named("AllocSID", "ALLOC_SID", j -> "0");
        named("admin_comment", "ADMIN_COMMENT", j -> "(null)");
        named("system_comment", "SYSTEM_COMMENT", j -> "(null)");
        named("tres-per-job|tres-per-task|tres-per-socket|tres-bind|tres-freq", "TRES", j -> "N/A");
    }

    private String endTime(Job j) {
        if (j.isPending()) return "N/A";
        long end = JobView.expectedEnd(j);
        return end > 0 ? Times.iso(end, zone) : "NONE";
    }

    private String timeLeft(Job j) {
        long left = JobView.secondsLeft(j, now);
        if (left < 0) return Times.limit(j.timeLimitMin());
        return Times.elapsed(left);
    }
}
