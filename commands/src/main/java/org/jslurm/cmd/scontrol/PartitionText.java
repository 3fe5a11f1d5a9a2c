package org.jslurm.cmd.scontrol;

import java.util.Map;
import org.jslurm.cmd.args.Hosts;
import org.jslurm.cmd.fmt.Times;
import org.jslurm.cmd.fmt.Units;
import org.jslurm.model.Node;
import org.jslurm.model.Partition;

/**
 * {@code scontrol show partition}: a partition as Slurm's {@code Key=Value} record. Totals come
 * from the partition's nodes. No value is ever empty ({@code ALL}, {@code NONE},
 * {@code UNLIMITED}, {@code (null)}), since clients split on {@code Key=Value}.
 */
public final class PartitionText {
    private PartitionText() {}

    public static String render(Partition p, Map<String, Node> nodes, boolean oneLiner) {
        return record(p, nodes).render(oneLiner);
    }

    static Record record(Partition p, Map<String, Node> nodes) {
        long cpus = 0, mem = 0;
        int count = 0;
        for (String name : p.nodes()) {
            Node n = nodes.get(name);
            count++;
            if (n == null) continue;
            cpus += n.spec().cpus();
            mem += n.spec().realMemoryMb();
        }
        Record r = new Record();
        r.line("PartitionName=" + p.name());
        r.line("AllowGroups=" + (p.allowGroups().isEmpty() ? "ALL" : String.join(",", p.allowGroups()))
                + " AllowAccounts=ALL AllowQos=ALL");
        r.line("AllocNodes=ALL Default=" + yes(p.isDefault()) + " QoS=N/A");
        r.line("DefaultTime=" + (p.defaultTimeMin() < 0 ? "NONE" : Times.clockLimit(p.defaultTimeMin()))
                + " DisableRootJobs=NO ExclusiveUser=NO GraceTime=0 Hidden=" + yes(p.hidden()));
        r.line("MaxNodes=" + unlimited(p.maxNodes()) + " MaxTime=" + Times.clockLimit(p.maxTimeMin()) + " MinNodes="
                + Math.max(0, p.minNodes()) + " LLN=NO MaxCPUsPerNode=" + unlimited(p.maxCpusPerNode()));
        r.line("Nodes=" + (p.nodes().isEmpty() ? "(null)" : Hosts.compress(p.nodes())));
        r.line("PriorityJobFactor=" + p.priorityJobFactor() + " PriorityTier=" + p.priorityTier() + " RootOnly="
                + yes(p.rootOnly()) + " ReqResv=NO OverSubscribe="
                + (p.overSubscribe() == null || p.overSubscribe().isEmpty() ? "NO" : p.overSubscribe()));
        r.line("OverTimeLimit=NONE PreemptMode=OFF");
        r.line("State=" + p.state() + " TotalCPUs=" + cpus + " TotalNodes=" + count + " SelectTypeParameters=NONE");
        r.line("JobDefaults=(null)");
        String def = p.defMemPerCpuMb() > 0 ? "DefMemPerCPU=" + p.defMemPerCpuMb() : "DefMemPerNode=UNLIMITED";
        r.line(def + " MaxMemPerNode=" + (p.maxMemPerNodeMb() > 0 ? Long.toString(p.maxMemPerNodeMb()) : "UNLIMITED"));
        r.line("TRES=" + Units.tres(cpus, mem, count, cpus));
        return r;
    }

    private static String yes(boolean b) { return b ? "YES" : "NO"; }

    private static String unlimited(long n) { return n < 0 ? "UNLIMITED" : Long.toString(n); }
}
