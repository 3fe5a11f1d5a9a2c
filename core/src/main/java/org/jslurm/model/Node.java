package org.jslurm.model;

/**
 * A node's current state in the controller: configuration, base state, drain flag, the reason an
 * admin or the controller gave, and the CPUs/memory jobs hold. Immutable.
 *
 * @param reasonUid   who set the reason (root for controller-set reasons)
 * @param lastHeard   epoch seconds of the last registration or heartbeat, 0 if never
 * @param notResponding set when the node missed SlurmdTimeout; shown as a trailing '*'
 */
public record Node(
        NodeSpec spec,
        NodeBase base,
        boolean drain,
        boolean notResponding,
        String reason,
        int reasonUid,
        long reasonTime,
        int cpusAlloc,
        long memAllocMb,
        long lastHeard,
        long bootTime,
        long slurmdStartTime,
        String version,
        String os,
        String arch,
        double cpuLoad,
        long freeMemMb,
        int completingJobs) {

    public static Node configured(NodeSpec spec, NodeBase base, boolean drain, String reason, long now) {
        return new Node(spec, base, drain, false, reason, 0, reason == null ? 0 : now, 0, 0, 0, 0, 0,
                null, null, null, 0, 0, 0);
    }

    public String name() { return spec.name(); }

    /** Available for new work: up, not drained, responding. */
    public boolean schedulable() { return base == NodeBase.UP && !drain && !notResponding; }

    public int cpusFree() { return Math.max(0, spec.cpus() - cpusAlloc); }

    public long memFreeMb() { return Math.max(0, spec.realMemoryMb() - memAllocMb); }

    /** Long state as scontrol prints it: IDLE, MIXED, ALLOCATED, DOWN, DRAINED, DRAINING, ... */
    public String stateLong() {
        String s = switch (base) {
            case DOWN -> "DOWN";
            case FUTURE -> "FUTURE";
            case UNKNOWN -> drain ? "DRAINED" : "UNKNOWN";
            case UP -> drain ? (cpusAlloc > 0 || completingJobs > 0 ? "DRAINING" : "DRAINED")
                    : cpusAlloc == 0 ? (completingJobs > 0 ? "COMPLETING" : "IDLE")
                    : cpusAlloc >= spec.cpus() ? "ALLOCATED" : "MIXED";
        };
        if (base == NodeBase.DOWN && drain) s = "DOWN+DRAIN";
        else if (base == NodeBase.UP && !drain && cpusAlloc > 0 && completingJobs > 0) s = s + "+COMPLETING";
        return notResponding ? s + "+NOT_RESPONDING" : s;
    }

    /** Short state as sinfo prints it: idle, mix, alloc, down, drain, drng, comp, unk, futr; '*' if not responding. */
    public String stateShort() {
        String s = switch (base) {
            case DOWN -> "down";
            case FUTURE -> "futr";
            case UNKNOWN -> drain ? "drain" : "unk";
            case UP -> drain ? (cpusAlloc > 0 || completingJobs > 0 ? "drng" : "drain")
                    : cpusAlloc == 0 ? (completingJobs > 0 ? "comp" : "idle")
                    : cpusAlloc >= spec.cpus() ? "alloc" : "mix";
        };
        return notResponding ? s + "*" : s;
    }

    /** sinfo's long state name (%T): idle, mixed, allocated, down, drained, draining, completing, unknown. */
    public String stateSinfoLong() {
        String s = stateShort();
        boolean star = s.endsWith("*");
        String b = star ? s.substring(0, s.length() - 1) : s;
        String l = switch (b) {
            case "mix" -> "mixed";
            case "alloc" -> "allocated";
            case "drain" -> "drained";
            case "drng" -> "draining";
            case "comp" -> "completing";
            case "unk" -> "unknown";
            case "futr" -> "future";
            default -> b;
        };
        return star ? l + "*" : l;
    }

    public Builder toBuilder() { return new Builder(this); }

    public static final class Builder {
        public NodeSpec spec; public NodeBase base; public boolean drain; public boolean notResponding;
        public String reason; public int reasonUid; public long reasonTime; public int cpusAlloc;
        public long memAllocMb; public long lastHeard; public long bootTime; public long slurmdStartTime;
        public String version; public String os; public String arch; public double cpuLoad; public long freeMemMb;
        public int completingJobs;

        Builder(Node n) {
            spec = n.spec; base = n.base; drain = n.drain; notResponding = n.notResponding; reason = n.reason;
            reasonUid = n.reasonUid; reasonTime = n.reasonTime; cpusAlloc = n.cpusAlloc; memAllocMb = n.memAllocMb;
            lastHeard = n.lastHeard; bootTime = n.bootTime; slurmdStartTime = n.slurmdStartTime; version = n.version;
            os = n.os; arch = n.arch; cpuLoad = n.cpuLoad; freeMemMb = n.freeMemMb; completingJobs = n.completingJobs;
        }

        public Node build() {
            return new Node(spec, base, drain, notResponding, reason, reasonUid, reasonTime, cpusAlloc, memAllocMb,
                    lastHeard, bootTime, slurmdStartTime, version, os, arch, cpuLoad, freeMemMb, completingJobs);
        }
    }
}
