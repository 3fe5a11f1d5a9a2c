package org.jslurm.cmd.fmt;

import java.util.Locale;
import org.jslurm.model.Node;
import org.jslurm.model.NodeBase;

/**
 * Node state views beyond the model's sinfo names: scontrol's {@code IDLE+DRAIN}, sinfo's
 * {@code idle+drain} (StateComplete), the sort rank, the A/I/O/T category, and state filters.
 */
public final class NodeStates {
    private NodeStates() {}

    /** The node's host name, or its name when none is configured. */
    public static String hostname(Node n) {
        String h = n.spec().hostname();
        return h == null || h.isEmpty() ? n.name() : h;
    }

    /** The node's address, or its name when none is configured. */
    public static String address(Node n) {
        String a = n.spec().addr();
        return a == null || a.isEmpty() ? n.name() : a;
    }

    /** Base state without flags, upper case: IDLE, MIXED, ALLOCATED, DOWN, UNKNOWN, FUTURE. */
    public static String base(Node n) {
        return switch (n.base()) {
            case DOWN -> "DOWN";
            case FUTURE -> "FUTURE";
            case UNKNOWN -> "UNKNOWN";
            case UP -> n.cpusAlloc() == 0 ? "IDLE" : n.cpusAlloc() >= n.spec().cpus() ? "ALLOCATED" : "MIXED";
        };
    }

    /** scontrol's State=: base plus {@code +COMPLETING}, {@code +DRAIN}, {@code +NOT_RESPONDING}. */
    public static String scontrol(Node n) {
        StringBuilder sb = new StringBuilder(base(n));
        if (n.completingJobs() > 0) sb.append("+COMPLETING");
        if (n.drain()) sb.append("+DRAIN");
        if (n.notResponding()) sb.append("+NOT_RESPONDING");
        return sb.toString();
    }

    /** sinfo's StateComplete: {@code idle+drain}, {@code mixed}, {@code down+not_responding}. */
    public static String complete(Node n) {
        return scontrol(n).toLowerCase(Locale.ROOT);
    }

    /**
     * Sort rank like Slurm's node state number: base value plus flag bits, so drained and
     * not-responding nodes sort above the rest when ordering by decreasing state.
     */
    public static int rank(Node n) {
        int r = switch (n.base()) {
            case UNKNOWN -> 0;
            case DOWN -> 1;
            case FUTURE -> 6;
            case UP -> n.cpusAlloc() == 0 ? 2 : n.cpusAlloc() >= n.spec().cpus() ? 3 : 5;
        };
        if (n.drain()) r |= 0x200;
        if (n.completingJobs() > 0) r |= 0x400;
        if (n.notResponding()) r |= 0x800;
        return r;
    }

    /** Not usable: down, drained or draining, not responding, unknown or future ("other" in A/I/O/T). */
    public static boolean other(Node n) {
        return n.base() != NodeBase.UP || n.drain() || n.notResponding();
    }

    /** Whether a node is in the state named as sinfo -t accepts it; null for an unknown name. */
    public static Boolean matches(Node n, String name) {
        boolean up = n.base() == NodeBase.UP;
        int alloc = n.cpusAlloc();
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "idle" -> up && alloc == 0 && n.completingJobs() == 0;
            case "alloc", "allocated" -> up && alloc > 0 && alloc >= n.spec().cpus();
            case "mix", "mixed" -> up && alloc > 0 && alloc < n.spec().cpus();
            case "down" -> n.base() == NodeBase.DOWN;
            case "drain" -> n.drain();
            case "drained" -> n.drain() && alloc == 0 && n.completingJobs() == 0;
            case "draining", "drng" -> n.drain() && (alloc > 0 || n.completingJobs() > 0);
            case "comp", "completing" -> n.completingJobs() > 0;
            case "no_respond", "noresp" -> n.notResponding();
            case "future", "futr" -> n.base() == NodeBase.FUTURE;
            case "unk", "unknown" -> n.base() == NodeBase.UNKNOWN;
            case "fail", "failing", "maint", "resv", "reserved", "cloud", "npc", "perfctrs", "planned",
                    "power_down", "powering_down", "powered_down", "powering_up", "power_up", "reboot",
                    "reboot_issued", "reboot_requested", "inval", "invalid" -> false;
            default -> null;
        };
    }
}
