package org.jslurm.cmd.sinfo;

import java.util.ArrayList;
import java.util.List;
import org.jslurm.model.Node;
import org.jslurm.model.Partition;

/**
 * One line of sinfo: a partition (null when partition-less, as for {@code -R}) and the nodes
 * that share every value the format prints. A partition without matching nodes has none.
 */
public final class SinfoRecord {
    final Partition partition;
    final List<Node> nodes = new ArrayList<>();

    SinfoRecord(Partition partition) {
        this.partition = partition;
    }

    /** A record of one node, used to compute the values nodes are grouped by. */
    static SinfoRecord of(Partition p, Node n) {
        SinfoRecord r = new SinfoRecord(p);
        if (n != null) r.nodes.add(n);
        return r;
    }

    /** Adds a node unless it is already here (a node in several merged partitions counts once). */
    void add(Node n) {
        for (Node m : nodes) if (m.name().equals(n.name())) return;
        nodes.add(n);
    }

    /** The node whose values represent the record, or null for an empty partition. */
    Node first() { return nodes.isEmpty() ? null : nodes.get(0); }

    public Partition partition() { return partition; }

    public List<Node> nodes() { return nodes; }
}
