package org.jslurm.cmd.scontrol;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jslurm.cmd.fmt.Ids;
import org.jslurm.cmd.fmt.NodeStates;
import org.jslurm.cmd.fmt.Times;
import org.jslurm.cmd.fmt.Units;
import org.jslurm.model.Node;
import org.jslurm.model.NodeSpec;

/** {@code scontrol show node}: a node as Slurm's {@code Key=Value} record. */
public final class NodeText {
    private NodeText() {}

    public static String render(Node n, List<String> partitions, long now, ZoneId zone, boolean oneLiner) {
        return record(n, partitions, now, zone).render(oneLiner);
    }

    static Record record(Node n, List<String> partitions, long now, ZoneId zone) {
        NodeSpec s = n.spec();
        boolean registered = n.lastHeard() > 0 || n.version() != null;
        Record r = new Record();
        r.line("NodeName=" + n.name() + " " + (n.arch() != null ? "Arch=" + n.arch() + " " : "")
                + "CoresPerSocket=" + s.coresPerSocket() + " ");
        r.line("CPUAlloc=" + n.cpusAlloc() + " CPUEfctv=" + s.cpus() + " CPUTot=" + s.cpus() + " CPULoad="
                + (registered ? String.format(Locale.ROOT, "%.2f", n.cpuLoad()) : "N/A"));
        String features = s.features().isEmpty() ? "(null)" : String.join(",", s.features());
        r.line("AvailableFeatures=" + features);
        r.line("ActiveFeatures=" + features);
        r.line("Gres=" + (s.gres() == null || s.gres().isEmpty() ? "(null)" : s.gres()));
        r.line("NodeAddr=" + orName(s.addr(), n) + " NodeHostName=" + orName(s.hostname(), n)
                + (n.version() != null ? " Version=" + n.version() : " "));
        if (n.os() != null) r.line("OS=" + n.os() + " ");
        r.line("RealMemory=" + s.realMemoryMb() + " AllocMem=" + n.memAllocMb() + " FreeMem="
                + (registered ? Long.toString(n.freeMemMb()) : "N/A") + " Sockets=" + s.sockets() + " Boards="
                + s.boards());
        r.line("State=" + NodeStates.scontrol(n) + " ThreadsPerCore=" + s.threadsPerCore() + " TmpDisk="
                + s.tmpDiskMb() + " Weight=" + s.weight() + " Owner=N/A MCS_label=N/A");
        if (!partitions.isEmpty()) r.line("Partitions=" + String.join(",", partitions) + " ");
        r.line("BootTime=" + Times.iso(n.bootTime(), zone, "None") + " SlurmdStartTime="
                + Times.iso(n.slurmdStartTime(), zone, "None"));
        long busy = n.cpusAlloc() > 0 ? now : n.slurmdStartTime();
        r.line("LastBusyTime=" + Times.iso(busy, zone, "None"));
        r.line("CfgTRES=cpu=" + s.cpus() + (s.realMemoryMb() > 0 ? ",mem=" + Units.mem(s.realMemoryMb()) : "")
                + ",billing=" + s.cpus());
        r.line("AllocTRES=" + (n.cpusAlloc() > 0 ? "cpu=" + n.cpusAlloc()
                + (n.memAllocMb() > 0 ? ",mem=" + Units.mem(n.memAllocMb()) : "") : ""));
        r.line("CapWatts=n/a");
        r.line("CurrentWatts=0 AveWatts=0");
        r.line("ExtSensorsJoules=n/s ExtSensorsWatts=0 ExtSensorsTemp=n/s");
        if (n.reason() != null && !n.reason().isEmpty()) {
            r.line("Reason=" + n.reason() + " [" + Ids.userName(n.reasonUid()) + "@"
                    + Times.iso(n.reasonTime(), zone, "Unknown") + "]");
        }
        return r;
    }

    private static String orName(String s, Node n) { return s == null || s.isEmpty() ? n.name() : s; }
}
