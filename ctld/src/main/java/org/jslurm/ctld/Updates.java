package org.jslurm.ctld;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jslurm.auth.Identity;
import org.jslurm.model.Hold;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.JobState;
import org.jslurm.model.Node;
import org.jslurm.model.NodeBase;
import org.jslurm.model.Partition;
import org.jslurm.model.Reasons;
import org.jslurm.model.SlurmError;
import org.jslurm.model.SlurmException;
import org.jslurm.state.Event;
import org.jslurm.time.SlurmTime;

/**
 * The changes scontrol asks for (update job/node/partition, hold, release, requeue), each run
 * under the controller's lock through {@link Controller#mutate}. Permission rules as Slurm's:
 * users may change only their own jobs, may only lower a time limit, and may release only their
 * own holds; nodes and partitions are for root and SlurmUser.
 */
final class Updates {
    private Updates() {}

    static void updateJob(Controller c, long jobId, Map<String, String> fields, Identity who) {
        c.mutate(ctx -> {
            Job j = ownJob(c, ctx, jobId, who);
            boolean admin = c.privileged(who);
            Job.Builder b = j.toBuilder();
            JobSpec.Builder s = j.spec().toBuilder();
            boolean basicPriority = false;
            for (var e : fields.entrySet()) {
                String key = e.getKey().toLowerCase(Locale.ROOT);
                String v = e.getValue();
                switch (key) {
                    case "timelimit" -> {
                        long min = parseTime(v, j.timeLimitMin());
                        boolean raise = min == SlurmTime.INFINITE ? j.timeLimitMin() != SlurmTime.INFINITE
                                : j.timeLimitMin() != SlurmTime.INFINITE && min > j.timeLimitMin();
                        if (raise && !admin) throw new SlurmException(SlurmError.ACCESS_DENIED);
                        b.timeLimitMin = min;
                    }
                    case "partition" -> {
                        requirePending(j);
                        Partition p = ctx.state().partition(v).orElseThrow(
                                () -> new SlurmException(SlurmError.INVALID_PARTITION_NAME));
                        b.partition = p.name();
                        s.partition = p.name();
                    }
                    case "priority" -> {
                        if (!admin) throw new SlurmException(SlurmError.ACCESS_DENIED);
                        long prio = parseLong(v);
                        b.priority = prio;
                        if (prio == 0) { b.hold = Hold.ADMIN; b.reason = Reasons.HELD_ADMIN; }
                    }
                    case "name", "jobname" -> s.name = v;
                    case "comment" -> s.comment = v;
                    case "account" -> s.account = v;
                    case "nice" -> s.nice = (int) parseLong(v);
                    case "numnodes", "minnodes" -> { requirePending(j); s.minNodes = (int) parseLong(v.split("-")[0]); }
                    case "numtasks" -> { requirePending(j); s.numTasks = (int) parseLong(v); }
                    case "numcpus", "mincpusnode" -> { requirePending(j); }
                    case "cpuspertask" -> { requirePending(j); s.cpusPerTask = (int) parseLong(v); }
                    case "reqnodelist", "nodelist" -> { requirePending(j); s.reqNodes = hostList(v); }
                    case "excnodelist" -> { requirePending(j); s.excNodes = hostList(v); }
                    case "features" -> { requirePending(j); s.features = List.of(v.split(",")); }
                    case "workdir" -> { requirePending(j); s.workDir = v; }
                    case "stdout" -> { requirePending(j); s.stdout = v; }
                    case "stderr" -> { requirePending(j); s.stderr = v; }
                    case "requeue" -> s.requeue = !v.equals("0");
                    case "jobid", "job" -> { /* the key itself */ }
                    default -> throw new SlurmException(SlurmError.NOT_SUPPORTED, "Update of " + e.getKey()
                            + " is not supported");
                }
            }
            b.spec = s.build();
            ctx.commit(new Event.JobModified(b.build(), basicPriority));
            return null;
        });
    }

    /** action: hold (admin hold when privileged), uhold (user hold), release. */
    static void holdOrRelease(Controller c, long jobId, String action, Identity who) {
        c.mutate(ctx -> {
            Job j = ownJob(c, ctx, jobId, who);
            if (!j.isPending()) throw new SlurmException(SlurmError.JOB_NOT_PENDING);
            boolean admin = c.privileged(who);
            Job.Builder b = j.toBuilder();
            boolean basic = false;
            switch (action) {
                case "hold", "uhold" -> {
                    b.hold = action.equals("hold") && admin ? Hold.ADMIN : Hold.USER;
                    b.priority = 0;
                    b.reason = b.hold.reason();
                }
                case "release" -> {
                    if (j.hold() == Hold.NONE) return null;
                    if (j.hold() == Hold.ADMIN && !admin) throw new SlurmException(SlurmError.ACCESS_DENIED);
                    b.hold = Hold.NONE;
                    b.priority = ctx.nextPriority();
                    b.reason = Reasons.NONE;
                    b.eligibleTime = ctx.now();
                    basic = true;
                }
                default -> throw new SlurmException(SlurmError.BAD_REQUEST, "unknown action " + action);
            }
            ctx.commit(new Event.JobModified(b.build(), basic));
            return null;
        });
    }

    static void requeue(Controller c, long jobId, boolean hold, Identity who) {
        c.mutate(ctx -> {
            Job j = ownJob(c, ctx, jobId, who);
            if (j.isPending()) throw new SlurmException(SlurmError.JOB_PENDING);
            if (j.holdsResources()) ctx.terminateAfter(j);
            ctx.commit(new Event.JobRequeued(jobId, ctx.now(), hold, null));
            return null;
        });
    }

    static void updateNodes(Controller c, List<String> names, String stateArg, String reason, Identity who) {
        if (!c.privileged(who)) throw new SlurmException(SlurmError.ACCESS_DENIED);
        c.mutate(ctx -> {
            List<Node> nodes = new ArrayList<>();
            for (String n : names) {
                nodes.add(ctx.state().node(n).orElseThrow(() -> new SlurmException(SlurmError.INVALID_NODE_NAME,
                        "Invalid node name specified: " + n)));
            }
            String st = stateArg == null ? "" : stateArg.toUpperCase(Locale.ROOT);
            for (Node n : nodes) {
                Event.NodeStateSet e = switch (st) {
                    case "DRAIN", "DRAINING", "DRAINED" ->
                            new Event.NodeStateSet(n.name(), n.base(), true, reason, who.uid(), ctx.now());
                    case "DOWN" -> new Event.NodeStateSet(n.name(), NodeBase.DOWN, n.drain(), reason, who.uid(), ctx.now());
                    case "RESUME", "IDLE" -> new Event.NodeStateSet(n.name(),
                            n.base() == NodeBase.DOWN || n.base() == NodeBase.UNKNOWN ? NodeBase.UP : n.base(),
                            false, null, who.uid(), ctx.now());
                    case "UNDRAIN" -> new Event.NodeStateSet(n.name(), n.base(), false,
                            n.base() == NodeBase.DOWN ? n.reason() : null, who.uid(), ctx.now());
                    case "FUTURE" -> new Event.NodeStateSet(n.name(), NodeBase.FUTURE, n.drain(), reason, who.uid(),
                            ctx.now());
                    case "" -> reason == null ? null
                            : new Event.NodeStateSet(n.name(), n.base(), n.drain(), reason, who.uid(), ctx.now());
                    default -> throw new SlurmException(SlurmError.INVALID_NODE_STATE,
                            "Invalid node state specified");
                };
                if (e == null) continue;
                ctx.commit(e);
                if (e.base() == NodeBase.DOWN && n.base() != NodeBase.DOWN) ctx.failJobsOnNode(n.name());
            }
            return null;
        });
    }

    static void updatePartition(Controller c, String name, Map<String, String> fields, Identity who) {
        if (!c.privileged(who)) throw new SlurmException(SlurmError.ACCESS_DENIED);
        c.mutate(ctx -> {
            Partition p = ctx.state().partition(name).orElseThrow(
                    () -> new SlurmException(SlurmError.INVALID_PARTITION_NAME));
            Partition.Builder b = p.toBuilder();
            for (var e : fields.entrySet()) {
                String v = e.getValue();
                switch (e.getKey().toLowerCase(Locale.ROOT)) {
                    case "state" -> {
                        String st = v.toUpperCase(Locale.ROOT);
                        if (!List.of("UP", "DOWN", "DRAIN", "INACTIVE").contains(st)) {
                            throw new SlurmException(SlurmError.BAD_REQUEST, "Invalid input: State=" + v);
                        }
                        b.state = st;
                    }
                    case "maxtime" -> b.maxTimeMin = parseTime(v, p.maxTimeMin());
                    case "defaulttime" -> b.defaultTimeMin = v.equalsIgnoreCase("NONE") ? SlurmTime.INFINITE
                            : parseTime(v, p.defaultTimeMin());
                    case "maxnodes" -> b.maxNodes = v.equalsIgnoreCase("UNLIMITED") ? -1 : (int) parseLong(v);
                    case "minnodes" -> b.minNodes = (int) parseLong(v);
                    case "default" -> b.isDefault = yes(v);
                    case "rootonly" -> b.rootOnly = yes(v);
                    case "hidden" -> b.hidden = yes(v);
                    case "allowgroups" -> b.allowGroups = v.equalsIgnoreCase("ALL") ? List.of() : List.of(v.split(","));
                    case "oversubscribe", "shared" -> b.overSubscribe = v.toUpperCase(Locale.ROOT);
                    case "prioritytier" -> b.priorityTier = (int) parseLong(v);
                    case "priorityjobfactor" -> b.priorityJobFactor = (int) parseLong(v);
                    case "partitionname" -> { }
                    default -> throw new SlurmException(SlurmError.NOT_SUPPORTED, "Update of " + e.getKey()
                            + " is not supported");
                }
            }
            ctx.commit(new Event.PartitionModified(b.build()));
            if (b.isDefault && !p.isDefault()) {
                for (Partition other : ctx.state().partitions()) {
                    if (other.isDefault() && !other.name().equals(name)) {
                        var ob = other.toBuilder();
                        ob.isDefault = false;
                        ctx.commit(new Event.PartitionModified(ob.build()));
                    }
                }
            }
            return null;
        });
    }

    private static Job ownJob(Controller c, Controller.MutationContext ctx, long jobId, Identity who) {
        Job j = ctx.state().job(jobId).orElseThrow(() -> new SlurmException(SlurmError.INVALID_JOB_ID));
        if (j.uid() != who.uid() && !c.privileged(who)) throw new SlurmException(SlurmError.ACCESS_DENIED);
        if (j.isFinished() && j.state() != JobState.COMPLETED && false) throw new SlurmException(SlurmError.ALREADY_DONE);
        return j;
    }

    private static void requirePending(Job j) {
        if (!j.isPending()) throw new SlurmException(SlurmError.JOB_NOT_PENDING);
    }

    private static long parseTime(String v, long current) {
        try {
            long min = org.jslurm.time.SlurmTime.parseMinutes(v);
            return min == 0 ? SlurmTime.INFINITE : min;
        } catch (IllegalArgumentException e) {
            throw new SlurmException(SlurmError.INVALID_TIME_LIMIT);
        }
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new SlurmException(SlurmError.BAD_REQUEST, "Invalid input: " + v);
        }
    }

    private static boolean yes(String v) { return v.equalsIgnoreCase("YES") || v.equals("1"); }

    private static List<String> hostList(String v) {
        return org.jslurm.hostlist.HostList.expand(v);
    }
}
