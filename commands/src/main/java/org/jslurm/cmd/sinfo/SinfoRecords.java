package org.jslurm.cmd.sinfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jslurm.cmd.args.Hosts;
import org.jslurm.cmd.fmt.Layout;
import org.jslurm.cmd.fmt.NodeStates;
import org.jslurm.model.Node;
import org.jslurm.model.Partition;

/**
 * Groups nodes into sinfo's lines. Nodes of a partition fall into one record when every
 * non-counting field of the layout prints the same for them; partitions merge too when no field
 * tells them apart. With {@code -N} every node-partition pair is its own line, with {@code -R}
 * only nodes with a reason are listed, without partitions.
 */
public final class SinfoRecords {
    private SinfoRecords() {}

    public enum Mode { PARTITION, NODE, REASON }

    /**
     * @param partitions visible partitions, in configuration order
     * @param nodes      all nodes by name, in configuration order
     * @param keep       the node filter (-n, -t, -d, -r)
     */
    public static List<SinfoRecord> build(List<Partition> partitions, Map<String, Node> nodes,
            Layout<SinfoRecord> layout, SinfoFields fields, Mode mode, Predicate<Node> keep) {
        List<Layout.Column<SinfoRecord>> keys = layout.columns().stream()
                .filter(c -> !fields.aggregate(c.field())).toList();
        boolean showsPartition = layout.columns().stream().anyMatch(c -> fields.partitionName(c.field()));
        Map<String, SinfoRecord> groups = new LinkedHashMap<>();
        if (mode == Mode.REASON) {
            for (Node n : nodes.values()) {
                if (!hasReason(n) || !keep.test(n)) continue;
                if (!inAny(n, partitions)) continue;
                add(groups, null, n, keys, "");
            }
            return new ArrayList<>(groups.values());
        }
        List<SinfoRecord> empty = new ArrayList<>();
        for (Partition p : partitions) {
            boolean any = false;
            for (String name : p.nodes()) {
                Node n = nodes.get(name);
                if (n == null || !keep.test(n)) continue;
                any = true;
                add(groups, p, n, keys, mode == Mode.NODE ? n.name() + "\0" + p.name() + "\0" : "");
            }
            if (!any && mode == Mode.PARTITION && showsPartition) empty.add(new SinfoRecord(p));
        }
        List<SinfoRecord> out = new ArrayList<>(groups.values());
        out.addAll(empty);
        return out;
    }

    private static void add(Map<String, SinfoRecord> groups, Partition p, Node n,
            List<Layout.Column<SinfoRecord>> keys, String prefix) {
        SinfoRecord single = SinfoRecord.of(p, n);
        StringBuilder key = new StringBuilder(prefix);
        for (Layout.Column<SinfoRecord> c : keys) key.append(c.field().value().apply(single)).append('\0');
        groups.computeIfAbsent(key.toString(), k -> new SinfoRecord(p)).add(n);
    }

    private static boolean hasReason(Node n) {
        return n.reason() != null && !n.reason().isEmpty()
                && (n.drain() || n.base() == org.jslurm.model.NodeBase.DOWN || n.notResponding());
    }

    private static boolean inAny(Node n, List<Partition> partitions) {
        for (Partition p : partitions) if (p.nodes().contains(n.name())) return true;
        return partitions.isEmpty();
    }

    /** Default orders: partitions as configured then decreasing state; -N: node name. */
    public static Comparator<SinfoRecord> order(String spec, Mode mode, List<Partition> partitions) {
        if (spec == null) {
            if (mode == Mode.REASON) return (a, b) -> 0;
            spec = mode == Mode.NODE ? "N,#P" : "#P,-t";
        }
        Comparator<SinfoRecord> c = (a, b) -> 0;
        for (String tok : spec.split(",")) {
            String t = tok.trim();
            boolean desc = false;
            if (t.startsWith("-") || t.startsWith("+")) {
                desc = t.startsWith("-");
                t = t.substring(1);
            }
            boolean configOrder = t.startsWith("#");
            if (configOrder) t = t.substring(1);
            if (t.isEmpty()) continue;
            Comparator<SinfoRecord> k = key(t.charAt(0), configOrder, partitions);
            if (k == null) continue;
            c = c.thenComparing(desc ? k.reversed() : k);
        }
        return c;
    }

    private static Comparator<SinfoRecord> key(char letter, boolean configOrder, List<Partition> partitions) {
        return switch (letter) {
            case 'P', 'R' -> configOrder
                    ? Comparator.comparingInt(r -> r.partition == null ? Integer.MAX_VALUE : indexOf(partitions, r.partition))
                    : Comparator.comparing(r -> r.partition == null ? "" : r.partition.name());
            case 't', 'T' -> Comparator.comparingInt(r -> r.first() == null ? -1 : NodeStates.rank(r.first()));
            case 'N', 'n' -> (a, b) -> Hosts.ORDER.compare(name(a), name(b));
            case 'D' -> Comparator.comparingInt(r -> r.nodes.size());
            case 'c' -> Comparator.comparingInt(r -> r.first() == null ? 0 : r.first().spec().cpus());
            case 'm' -> Comparator.comparingLong(r -> r.first() == null ? 0 : r.first().spec().realMemoryMb());
            case 'E' -> Comparator.comparing(r -> r.first() == null || r.first().reason() == null ? "" : r.first().reason());
            case 'l' -> Comparator.comparingLong(r -> r.partition == null ? 0 : r.partition.maxTimeMin());
            default -> null;
        };
    }

    private static String name(SinfoRecord r) { return r.first() == null ? "" : r.first().name(); }

    private static int indexOf(List<Partition> partitions, Partition p) {
        for (int i = 0; i < partitions.size(); i++) if (partitions.get(i).name().equals(p.name())) return i;
        return Integer.MAX_VALUE;
    }
}
