package org.jslurm.cmd.scontrol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jslurm.cmd.CommandFailed;
import org.jslurm.cmd.args.Hosts;
import org.jslurm.cmd.fmt.Cli;
import org.jslurm.model.Job;
import org.jslurm.model.Node;
import org.jslurm.model.NodeBase;
import org.jslurm.model.Partition;
import org.jslurm.rpc.Convert;
import org.jslurm.wire.proto.ConfigEntry;
import org.jslurm.wire.proto.ConfigQuery;
import org.jslurm.wire.proto.ConfigReply;
import org.jslurm.wire.proto.JobInfoQuery;
import org.jslurm.wire.proto.JobList;
import org.jslurm.wire.proto.NodeInfoQuery;
import org.jslurm.wire.proto.NodeList;
import org.jslurm.wire.proto.NodeMsg;
import org.jslurm.wire.proto.PartitionInfoQuery;
import org.jslurm.wire.proto.PartitionList;
import org.jslurm.wire.proto.Request;

/** {@code scontrol show ENTITY [ID]}. */
final class ShowCommand {
    private ShowCommand() {}

    private static final List<String> ENTITIES = List.of("aliases", "assoc_mgr", "bbstat", "burstbuffer", "config",
            "daemons", "dwstat", "federation", "frontend", "hostlist", "hostlistsorted", "hostnames", "job",
            "licenses", "node", "partition", "reservation", "slurmd", "step", "topology");

    /** Plural and alternative spellings of entities. */
    private static String canonical(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return switch (w) {
            case "jobs", "jobid" -> "job";
            case "nodes" -> "node";
            case "partitions" -> "partition";
            case "steps" -> "step";
            case "reservations" -> "reservation";
            default -> w;
        };
    }

    static int run(List<String> args, Session s) {
        if (args.isEmpty()) {
            s.err("too few arguments for keyword:show");
            return 1;
        }
        String word = args.get(0);
        String id = args.size() > 1 ? args.get(1) : null;
        int eq = word.indexOf('=');
        if (eq > 0) { // show job=5
            id = word.substring(eq + 1);
            word = word.substring(0, eq);
        }
        String entity = Session.resolve(canonical(word), ENTITIES, 2);
        if (entity == null) {
            s.err("invalid entity:" + word + " for keyword:show ");
            return 1;
        }
        return switch (entity) {
            case "job" -> job(id, s);
            case "node" -> node(id, s);
            case "partition" -> partition(id, s);
            case "config" -> config(id, s);
            case "hostnames" -> hostnames(id, s);
            case "hostlist" -> hostlist(id, s, false);
            case "hostlistsorted" -> hostlist(id, s, true);
            case "step" -> {
                s.out("No job steps in the system\n");
                yield 0;
            }
            case "reservation" -> {
                s.out("No reservations in the system\n");
                yield 0;
            }
            case "licenses" -> {
                s.out("No licenses configured in Slurm.\n");
                yield 0;
            }
            default -> {
                s.err("scontrol: error: show " + entity + " is not supported");
                yield 1;
            }
        };
    }

    // ------------------------------------------------------------------ jobs

    private static int job(String id, Session s) {
        JobInfoQuery.Builder q = JobInfoQuery.newBuilder();
        if (id != null) {
            Long jobId = jobId(id);
            if (jobId == null) {
                s.err("scontrol_print_job error: Invalid job id specified");
                return 1;
            }
            q.addJobIds(jobId);
        }
        JobList reply = Cli.call(s.env, Request.newBuilder().setJobInfo(q), "slurm_load_jobs error").getJobs();
        long now = reply.getNow() > 0 ? reply.getNow() : s.env.clock().millis() / 1000;
        List<Job> jobs = new ArrayList<>();
        for (var m : reply.getJobsList()) jobs.add(Convert.fromMsg(m));
        if (id != null && jobs.isEmpty()) throw new CommandFailed("slurm_load_jobs error: Invalid job id specified", 1);
        if (s.json) {
            s.out(ScontrolJson.jobs(jobs, now, s));
            return 0;
        }
        if (jobs.isEmpty()) {
            s.out("No jobs in the system\n");
            return 0;
        }
        jobs.sort((a, b) -> Long.compare(a.id(), b.id()));
        StringBuilder sb = new StringBuilder();
        for (Job j : jobs) sb.append(JobText.render(j, now, s.env.zone(), s.details > 0, s.oneLiner));
        s.out(sb.toString());
        return 0;
    }

    /** A job id as typed: {@code 5}, or an array element {@code 5_2} (its job); null if not an id. */
    static Long jobId(String text) {
        String t = text.trim();
        int us = t.indexOf('_');
        if (us > 0) t = t.substring(0, us);
        int dot = t.indexOf('.');
        if (dot > 0) t = t.substring(0, dot);
        try {
            long v = Long.parseLong(t);
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ nodes

    private static int node(String name, Session s) {
        NodeInfoQuery.Builder q = NodeInfoQuery.newBuilder();
        List<String> wanted = null;
        if (name != null) {
            try {
                wanted = Hosts.expand(name);
            } catch (IllegalArgumentException e) {
                wanted = List.of(name);
            }
            q.addAllNames(wanted);
        }
        NodeList reply = Cli.call(s.env, Request.newBuilder().setNodeInfo(q), "slurm_load_node error").getNodes();
        long now = reply.getNow() > 0 ? reply.getNow() : s.env.clock().millis() / 1000;
        List<NodeMsg> shown = new ArrayList<>();
        for (NodeMsg m : reply.getNodesList()) {
            if (wanted != null && !wanted.contains(m.getSpec().getName())) continue;
            if (wanted == null && !s.future && NodeBase.FUTURE.name().equals(m.getBase())) continue;
            shown.add(m);
        }
        if (shown.isEmpty() && name != null) {
            s.out("Node " + name + " not found\n");
            return 1;
        }
        if (s.json) {
            s.out(ScontrolJson.nodes(shown, now, s));
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        for (NodeMsg m : shown) {
            sb.append(NodeText.render(Convert.fromMsg(m), m.getPartitionsList(), now, s.env.zone(), s.oneLiner));
        }
        s.out(sb.toString());
        return 0;
    }

    // ------------------------------------------------------------------ partitions

    private static int partition(String name, Session s) {
        PartitionList pl = Cli.call(s.env, Request.newBuilder().setPartitionInfo(PartitionInfoQuery.newBuilder()),
                "slurm_load_partitions error").getPartitions();
        List<Partition> shown = new ArrayList<>();
        for (var m : pl.getPartitionsList()) {
            Partition p = Convert.fromMsg(m);
            if (name != null ? p.name().equals(name) : (s.all || !p.hidden())) shown.add(p);
        }
        if (shown.isEmpty() && name != null) {
            s.out("Partition " + name + " not found\n");
            return 1;
        }
        if (shown.isEmpty()) {
            s.out("No partitions in the system\n");
            return 0;
        }
        NodeList nl = Cli.call(s.env, Request.newBuilder().setNodeInfo(NodeInfoQuery.newBuilder()),
                "slurm_load_node error").getNodes();
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (NodeMsg m : nl.getNodesList()) nodes.put(m.getSpec().getName(), Convert.fromMsg(m));
        if (s.json) {
            s.out(ScontrolJson.partitions(shown, nodes, s));
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        for (Partition p : shown) sb.append(PartitionText.render(p, nodes, s.oneLiner));
        s.out(sb.toString());
        return 0;
    }

    // ------------------------------------------------------------------ config

    private static int config(String key, Session s) {
        ConfigReply c = Cli.call(s.env, Request.newBuilder().setConfig(ConfigQuery.newBuilder()),
                "slurm_load_ctl_conf error").getConfig();
        long now = c.getNow() > 0 ? c.getNow() : s.env.clock().millis() / 1000;
        StringBuilder sb = new StringBuilder();
        sb.append("Configuration data as of ").append(org.jslurm.cmd.fmt.Times.iso(now, s.env.zone())).append('\n');
        for (ConfigEntry e : c.getEntriesList()) {
            if (key != null && !e.getKey().equalsIgnoreCase(key)) continue;
            sb.append(String.format(Locale.ROOT, "%-23s = %s%n", e.getKey(), e.getValue()));
        }
        if (key == null) {
            sb.append('\n');
            s.out(sb.toString());
            return AdminCommands.pingLines(s, c.getControllersList(), true);
        }
        s.out(sb.toString());
        return 0;
    }

    // ------------------------------------------------------------------ hostlists (local)

    private static int hostnames(String expr, Session s) {
        if (expr == null) expr = s.env.var("SLURM_JOB_NODELIST");
        if (expr == null || expr.isEmpty()) {
            s.err("scontrol: error: host list is empty");
            return 0;
        }
        try {
            StringBuilder sb = new StringBuilder();
            for (String h : Hosts.expand(readIfPath(expr))) sb.append(h).append('\n');
            s.out(sb.toString());
        } catch (IllegalArgumentException | IOException e) {
            s.out("Invalid hostlist: " + expr + "\n");
        }
        return 0;
    }

    private static int hostlist(String list, Session s, boolean sorted) {
        if (list == null) {
            s.err("invalid encode argument");
            return 1;
        }
        try {
            List<String> names = Hosts.expand(readIfPath(list));
            s.out((sorted ? Hosts.compressSorted(names) : Hosts.compressInOrder(names)) + "\n");
        } catch (IllegalArgumentException | IOException e) {
            s.out("Invalid hostlist: " + list + "\n");
        }
        return 0;
    }

    /** An argument starting with '/' names a file of host names (comma or line separated). */
    private static String readIfPath(String arg) throws IOException {
        if (!arg.startsWith("/")) return arg;
        return String.join(",", Files.readString(Path.of(arg)).trim().split("[,\\s]+"));
    }
}
