package org.jslurm.cmd.scontrol;

import java.time.ZoneId;
import org.jslurm.cmd.args.Hosts;
import org.jslurm.cmd.fmt.Ids;
import org.jslurm.cmd.fmt.JobPaths;
import org.jslurm.cmd.fmt.JobView;
import org.jslurm.cmd.fmt.Times;
import org.jslurm.cmd.fmt.Units;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.NodeAlloc;

/** {@code scontrol show job}: a job as Slurm's {@code Key=Value} record, as of {@code now}. */
public final class JobText {
    private JobText() {}

    /** @param details {@code -d}: exit code of the steps, and the CPUs held on each node */
    public static String render(Job j, long now, ZoneId zone, boolean details, boolean oneLiner) {
        return record(j, now, zone, details).render(oneLiner);
    }

    static Record record(Job j, long now, ZoneId zone, boolean details) {
        JobSpec s = j.spec();
        Record r = new Record();
        r.line("JobId=" + j.id() + " JobName=" + j.name());
        r.line("UserId=" + j.userName() + "(" + j.uid() + ") GroupId=" + Ids.groupName(s.gid()) + "(" + s.gid()
                + ") MCS_label=N/A");
        r.line("Priority=" + j.priority() + " Nice=" + s.nice() + " Account=" + JobView.orNull(s.account())
                + " QOS=(null)");
        r.line("JobState=" + j.state().name() + " Reason=" + JobView.reason(j).replace(' ', '_')
                + " Dependency=(null)");
        r.line("Requeue=" + (s.requeue() ? 1 : 0) + " Restarts=" + j.restarts() + " BatchFlag=1 Reboot=0 ExitCode="
                + j.exitCode() + ":" + j.termSignal());
        if (details) r.line("DerivedExitCode=0:0");
        r.line("RunTime=" + Times.clock(j.runSeconds(now)) + " TimeLimit=" + Times.clockLimit(j.timeLimitMin())
                + " TimeMin=N/A");
        r.line("SubmitTime=" + iso(j.submitTime(), zone) + " EligibleTime=" + iso(j.eligibleTime(), zone));
        r.line("AccrueTime=" + iso(j.eligibleTime(), zone));
        r.line("StartTime=" + iso(j.startTime(), zone) + " EndTime=" + iso(JobView.expectedEnd(j), zone)
                + " Deadline=N/A");
        long eval = j.startTime() > 0 ? j.startTime() : j.submitTime();
        r.line("SuspendTime=None SecsPreSuspend=0 LastSchedEval=" + iso(eval, zone) + " Scheduler=Main");
        r.line("Partition=" + j.partition() + " AllocNode:Sid=" + JobView.orNull(s.submitHost()) + ":0");
        r.line("ReqNodeList=" + nodes(s.reqNodes()) + " ExcNodeList=" + nodes(s.excNodes()));
        r.line("NodeList=" + JobView.nodeList(j));
        if (j.batchHost() != null) r.line("BatchHost=" + j.batchHost());
        r.line("NumNodes=" + JobView.nodeRange(j) + " NumCPUs=" + j.cpus() + " NumTasks=" + s.effectiveTasks()
                + " CPUs/Task=" + s.effectiveCpusPerTask() + " ReqB:S:C:T=0:0:*:*");
        r.line("TRES=" + JobView.tres(j));
        r.line("Socks/Node=* NtasksPerN:B:S:C=" + Math.max(0, s.ntasksPerNode()) + ":0:*:* CoreSpec=*");
        if (details) {
            r.line("JOB_GRES=(null)");
            for (NodeAlloc a : j.alloc()) {
                String ids = a.cpus() <= 1 ? "0" : "0-" + (a.cpus() - 1);
                r.line("  Nodes=" + a.node() + " CPU_IDs=" + ids + " Mem=" + Math.max(0, a.memMb()) + " GRES=");
            }
        }
        String mem = JobView.memPerCpu(j) ? "MinMemoryCPU=" : "MinMemoryNode=";
        r.line("MinCPUsNode=" + JobView.minCpusPerNode(j) + " " + mem + Units.mem(JobView.minMemMb(j))
                + " MinTmpDiskNode=0");
        r.line("Features=" + JobView.features(j) + " DelayBoot=00:00:00");
        r.line("OverSubscribe=" + JobView.overSubscribe(j) + " Contiguous=0 Licenses=(null) Network=(null)");
        r.line("Command=" + JobView.orNull(s.command()));
        r.line("WorkDir=" + s.workDir());
        if (s.comment() != null && !s.comment().isEmpty()) r.line("Comment=" + s.comment() + " ");
        r.line("StdErr=" + JobPaths.stderr(j));
        r.line("StdIn=" + JobPaths.stdin(j));
        r.line("StdOut=" + JobPaths.stdout(j));
        r.line("Power=");
        r.line("");
        return r;
    }

    private static String iso(long t, ZoneId zone) { return Times.iso(t, zone, "Unknown"); }

    private static String nodes(java.util.List<String> names) {
        return names.isEmpty() ? "(null)" : Hosts.compress(names);
    }
}
