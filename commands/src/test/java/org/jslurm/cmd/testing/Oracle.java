package org.jslurm.cmd.testing;

import java.util.List;
import org.jslurm.model.Node;
import org.jslurm.model.NodeBase;
import org.jslurm.model.NodeSpec;
import org.jslurm.model.Partition;

/**
 * A second cluster, recorded from a real Slurm 22.05 controller: nodes n1, n2 (drained, reason
 * "test drain"), n3 (down, "dead"), vm (1 of 2 CPUs allocated); partitions debug (vm, default),
 * big (n[1-3],vm, 30 min), hid (vm, hidden).
 */
public final class Oracle {
    private Oracle() {}

    /** 2026-11-22T07:38:23Z, when the reasons were set. */
    public static final long T_REASON = 1795333103L;
    /** 2026-11-22T07:38:37Z, when the outputs were taken. */
    public static final long NOW = 1795333117L;

    static Node base(String name, String addr, int cpus, int sockets, long mem, List<String> features) {
        NodeSpec s = new NodeSpec(name, addr, name, 6818, cpus, 1, sockets, 1, 1, mem, 0, 1, features, null);
        Node.Builder b = Node.configured(s, NodeBase.UP, false, null, 0).toBuilder();
        b.lastHeard = NOW - 10;
        b.cpuLoad = 0.45;
        b.freeMemMb = 23508;
        return b.build();
    }

    public static Node n(int i, boolean down, String reason) {
        Node.Builder b = base("n" + i, "127.0.0." + (i + 1), 4, 4, 4096, List.of("fast", "big")).toBuilder();
        if (down) b.base = NodeBase.DOWN;
        else b.drain = true;
        b.reason = reason;
        b.reasonUid = 0;
        b.reasonTime = T_REASON;
        return b.build();
    }

    public static Node vm() {
        Node.Builder b = base("vm", "vm", 2, 2, 2000, List.of()).toBuilder();
        b.cpusAlloc = 1;
        b.version = "22.05.8";
        b.arch = "x86_64";
        b.os = "Linux 6.18.44-fc-v669 #1 SMP PREEMPT_DYNAMIC @0";
        return b.build();
    }

    public static List<Node> nodes() {
        return List.of(n(1, false, "test drain"), n(2, false, "test drain"), n(3, true, "dead"), vm());
    }

    public static List<Partition> partitions() {
        Partition debug = new Partition("debug", List.of("vm"), true, "UP", -1, -1, -1, 0, false, List.of(), "NO", 1, 1,
                false, -1, 0, 0);
        Partition big = new Partition("big", List.of("n1", "n2", "n3", "vm"), false, "UP", 30, 5, -1, 0, false,
                List.of(), "NO", 1, 1, false, -1, 0, 0);
        Partition hid = new Partition("hid", List.of("vm"), false, "UP", -1, -1, -1, 0, false, List.of(), "NO", 1, 1,
                true, -1, 0, 0);
        return List.of(debug, big, hid);
    }
}
