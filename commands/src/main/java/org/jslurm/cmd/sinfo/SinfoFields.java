package org.jslurm.cmd.sinfo;

import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jslurm.cmd.args.Hosts;
import org.jslurm.cmd.fmt.Ids;
import org.jslurm.cmd.fmt.Layout.Field;
import org.jslurm.cmd.fmt.NodeStates;
import org.jslurm.cmd.fmt.Times;
import org.jslurm.model.Node;
import org.jslurm.model.Partition;

/**
 * sinfo's fields: {@code -o} letters and {@code -O} names with Slurm's headers. Most print a
 * value of the record's partition or first node, and nodes are grouped by them; the counting
 * fields (NODES, NODELIST, A/I/O/T) summarise all nodes of a record instead.
 */
public final class SinfoFields {
    private final ZoneId zone;
    private final Map<Character, Field<SinfoRecord>> letters = new HashMap<>();
    private final Map<String, Field<SinfoRecord>> names = new HashMap<>();
    private final Set<Field<SinfoRecord>> aggregates = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Field<SinfoRecord>> partitionFields = Collections.newSetFromMap(new IdentityHashMap<>());

    public SinfoFields(ZoneId zone) {
        this.zone = zone;
        define();
    }

    public Field<SinfoRecord> letter(char c) { return letters.get(c); }

    public Field<SinfoRecord> named(String n) { return names.get(n.toLowerCase(Locale.ROOT)); }

    /** Whether the field summarises a record's nodes rather than grouping them. */
    boolean aggregate(Field<SinfoRecord> f) { return aggregates.contains(f); }

    /** Whether the field shows the partition's name. */
    boolean partitionName(Field<SinfoRecord> f) { return partitionFields.contains(f); }

    private Field<SinfoRecord> def(char letter, String name, String header, Function<SinfoRecord, String> v) {
        Field<SinfoRecord> f = new Field<>(header, v);
        if (letter != 0) letters.put(letter, f);
        if (name != null) for (String n : name.split("\\|")) names.put(n.toLowerCase(Locale.ROOT), f);
        return f;
    }

    /** A partition value; records without a partition print {@code n/a}. */
    private void part(char letter, String name, String header, Function<Partition, String> v) {
        def(letter, name, header, r -> r.partition == null ? "n/a" : v.apply(r.partition));
    }

    /** A node value; records without nodes print {@code empty}. */
    private void node(char letter, String name, String header, String empty, Function<Node, String> v) {
        def(letter, name, header, r -> r.first() == null ? empty : v.apply(r.first()));
    }

    private void agg(char letter, String name, String header, Function<SinfoRecord, String> v) {
        aggregates.add(def(letter, name, header, v));
    }

    private static String num(long n) { return Long.toString(n); }

    private void define() {
        part('a', "Available", "AVAIL", SinfoFields::avail);
        agg('A', "NodeAI", "NODES(A/I)", r -> counts(r, false));
        node('b', "features_act", "ACTIVE_FEATURES", "(null)", SinfoFields::features);
        part('B', "MaxCPUsPerNode", "MAX_CPUS_PER_NODE", p -> p.maxCpusPerNode() < 0 ? "UNLIMITED" : num(p.maxCpusPerNode()));
        node('c', "CPUs", "CPUS", "0", n -> num(n.spec().cpus()));
        agg('C', "CPUsState", "CPUS(A/I/O/T)", SinfoFields::cpuCounts);
        node('d', "Disk", "TMP_DISK", "0", n -> num(n.spec().tmpDiskMb()));
        agg('D', "Nodes", "NODES", r -> num(r.nodes.size()));
        node('e', "FreeMem", "FREE_MEM", "N/A", n -> registered(n) ? num(n.freeMemMb()) : "N/A");
        node('E', "Reason", "REASON", "none", n -> n.reason() == null || n.reason().isEmpty() ? "none" : n.reason());
        node('f', "Features", "AVAIL_FEATURES", "(null)", SinfoFields::features);
        agg('F', "NodeAIOT", "NODES(A/I/O/T)", r -> counts(r, true));
        part('g', "Groups", "GROUPS", p -> p.allowGroups().isEmpty() ? "all" : String.join(",", p.allowGroups()));
        node('G', "Gres", "GRES", "(null)", n -> n.spec().gres() == null ? "(null)" : n.spec().gres());
        part('h', "OverSubscribe", "OVERSUBSCRIBE", p -> p.overSubscribe() == null ? "NO" : p.overSubscribe());
        node('H', "TimeStamp", "TIMESTAMP", "Unknown", n -> hasReason(n) ? Times.iso(n.reasonTime(), zone, "Unknown") : "Unknown");
        part('I', "PriorityJobFactor", "PRIO_JOB_FACTOR", p -> num(p.priorityJobFactor()));
        part('l', "Time", "TIMELIMIT", p -> Times.sinfoLimit(p.maxTimeMin()));
        part('L', "DefaultTime", "DEFAULTTIME", p -> p.defaultTimeMin() < 0 ? "n/a" : Times.sinfoLimit(p.defaultTimeMin()));
        node('m', "Memory", "MEMORY", "0", n -> num(n.spec().realMemoryMb()));
        part('M', "PreemptMode", "PREEMPT_MODE", p -> "OFF");
        node('n', "NodeHost", "HOSTNAMES", "", n -> NodeStates.hostname(n));
        Field<SinfoRecord> list = new Field<>("NODELIST", r -> Hosts.compress(r.nodes.stream().map(Node::name).toList()), false);
        letters.put('N', list);
        names.put("nodelist", list);
        aggregates.add(list);
        node('o', "NodeAddr", "NODE_ADDR", "", n -> NodeStates.address(n));
        node('O', "CPUsLoad", "CPU_LOAD", "N/A", n -> registered(n) ? String.format(Locale.ROOT, "%.2f", n.cpuLoad()) : "N/A");
        part('p', "PriorityTier|Priority", "PRIO_TIER", p -> num(p.priorityTier()));
        Field<SinfoRecord> pname = def('P', "Partition", "PARTITION",
                r -> r.partition == null ? "n/a" : r.partition.name() + (r.partition.isDefault() ? "*" : ""));
        partitionFields.add(pname);
        part('r', "Root", "ROOT", p -> p.rootOnly() ? "yes" : "no");
        partitionFields.add(def('R', "PartitionName", "PARTITION", r -> r.partition == null ? "n/a" : r.partition.name()));
        part('s', "Size", "JOB_SIZE", SinfoFields::jobSize);
        part('S', "AllocNodes", "ALLOCNODES", p -> "all");
        node('t', "StateCompact", "STATE", "n/a", Node::stateShort);
        node('T', "StateLong", "STATE", "n/a", Node::stateSinfoLong);
        node((char) 0, "StateComplete", "STATECOMPLETE", "n/a", NodeStates::complete);
        node('u', "User", "USER", "Unknown", n -> hasReason(n) ? Ids.userName(n.reasonUid()) : "Unknown");
        node('U', "UserLong", "USER", "Unknown",
                n -> hasReason(n) ? Ids.userName(n.reasonUid()) + "(" + n.reasonUid() + ")" : "Unknown");
        node('v', "Version", "VERSION", "N/A", n -> n.version() == null ? "N/A" : n.version());
        node('w', "Weight", "WEIGHT", "0", n -> num(n.spec().weight()));
        node('X', "Sockets", "SOCKETS", "0", n -> num(n.spec().sockets()));
        node('Y', "Cores", "CORES", "0", n -> num(n.spec().coresPerSocket()));
        node('Z', "Threads", "THREADS", "0", n -> num(n.spec().threadsPerCore()));
        node('z', "SocketCoreThread", "S:C:T", "0:0:0",
                n -> n.spec().sockets() + ":" + n.spec().coresPerSocket() + ":" + n.spec().threadsPerCore());
        node((char) 0, "AllocMem", "ALLOCMEM", "0", n -> num(n.memAllocMb()));
        node((char) 0, "GresUsed", "GRES_USED", "(null)", n -> n.spec().gres() == null ? "(null)" : n.spec().gres());
        node((char) 0, "Port", "PORT", "0", n -> num(n.spec().port()));
        node((char) 0, "Comment", "COMMENT", "(null)", n -> "(null)");
        node((char) 0, "Extra", "EXTRA", "(null)", n -> "(null)");
        def((char) 0, "Cluster", "CLUSTER", r -> "N/A");
    }

    private static boolean registered(Node n) { return n.lastHeard() > 0 || n.version() != null; }

    private static boolean hasReason(Node n) { return n.reason() != null && !n.reason().isEmpty(); }

    private static String features(Node n) {
        return n.spec().features().isEmpty() ? "(null)" : String.join(",", n.spec().features());
    }

    static String avail(Partition p) {
        return switch (p.state()) {
            case "UP" -> "up";
            case "DOWN" -> "down";
            case "DRAIN" -> "drain";
            case "INACTIVE" -> "inact";
            default -> p.state().toLowerCase(Locale.ROOT);
        };
    }

    static String jobSize(Partition p) {
        int min = Math.max(1, p.minNodes());
        if (p.maxNodes() < 0) return min + "-infinite";
        if (p.maxNodes() == min) return num(min);
        return min + "-" + p.maxNodes();
    }

    /** Nodes allocated/idle[/other/total]. */
    static String counts(SinfoRecord r, boolean aiot) {
        int a = 0, i = 0, o = 0;
        for (Node n : r.nodes) {
            if (NodeStates.other(n)) o++;
            else if (n.cpusAlloc() > 0 || n.completingJobs() > 0) a++;
            else i++;
        }
        return aiot ? a + "/" + i + "/" + o + "/" + r.nodes.size() : a + "/" + i;
    }

    /** CPUs allocated/idle/other/total. */
    static String cpuCounts(SinfoRecord r) {
        long a = 0, i = 0, o = 0, t = 0;
        for (Node n : r.nodes) {
            int cpus = n.spec().cpus();
            int alloc = Math.min(cpus, n.cpusAlloc());
            a += alloc;
            if (NodeStates.other(n)) o += cpus - alloc;
            else i += cpus - alloc;
            t += cpus;
        }
        return a + "/" + i + "/" + o + "/" + t;
    }
}
