package org.jslurm.cmd.scontrol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jslurm.cmd.args.Hosts;
import org.jslurm.cmd.fmt.NodeStates;
import org.jslurm.cmd.fmt.SlurmJson;
import org.jslurm.model.Job;
import org.jslurm.model.Node;
import org.jslurm.model.Partition;
import org.jslurm.rpc.Convert;
import org.jslurm.wire.proto.NodeMsg;

/** {@code scontrol --json show jobs|nodes|partitions}, in Slurm's data_parser shape. */
final class ScontrolJson {
    private ScontrolJson() {}

    private static ObjectNode root(SlurmJson json, Session s, String key, ArrayNode records) {
        String cluster;
        try {
            cluster = s.env.cluster().clusterName();
        } catch (RuntimeException e) {
            cluster = "";
        }
        ObjectNode out = json.object();
        out.set(key, records);
        out.setAll(json.root("scontrol", s.argv, cluster, s.env.var("USER")));
        return out;
    }

    static String jobs(List<Job> jobs, long now, Session s) {
        SlurmJson json = new SlurmJson();
        ArrayNode arr = json.array();
        String cluster;
        try {
            cluster = s.env.cluster().clusterName();
        } catch (RuntimeException e) {
            cluster = "";
        }
        for (Job j : jobs) arr.add(json.job(j, now, cluster));
        ObjectNode out = root(json, s, "jobs", arr);
        out.set("last_backfill", json.num(0));
        out.set("last_update", json.num(now));
        return json.write(out);
    }

    static String nodes(List<NodeMsg> nodes, long now, Session s) {
        SlurmJson json = new SlurmJson();
        ArrayNode arr = json.array();
        for (NodeMsg m : nodes) {
            Node n = Convert.fromMsg(m);
            ObjectNode o = json.object();
            o.put("name", n.name());
            o.put("hostname", NodeStates.hostname(n));
            o.put("address", NodeStates.address(n));
            o.put("architecture", n.arch() == null ? "" : n.arch());
            o.put("operating_system", n.os() == null ? "" : n.os());
            o.put("version", n.version() == null ? "" : n.version());
            o.put("port", n.spec().port());
            ArrayNode state = o.putArray("state");
            for (String st : NodeStates.scontrol(n).split("\\+")) state.add(st);
            o.put("cpus", n.spec().cpus());
            o.put("alloc_cpus", n.cpusAlloc());
            o.put("alloc_idle_cpus", n.cpusFree());
            o.put("sockets", n.spec().sockets());
            o.put("cores", n.spec().coresPerSocket());
            o.put("threads", n.spec().threadsPerCore());
            o.put("boards", n.spec().boards());
            o.put("real_memory", n.spec().realMemoryMb());
            o.put("alloc_memory", n.memAllocMb());
            o.set("free_mem", json.num(n.freeMemMb()));
            o.set("cpu_load", json.num(Math.round(n.cpuLoad() * 100)));
            o.put("tmp_disk", n.spec().tmpDiskMb());
            o.put("weight", n.spec().weight());
            ArrayNode f = o.putArray("features");
            n.spec().features().forEach(f::add);
            ArrayNode af = o.putArray("active_features");
            n.spec().features().forEach(af::add);
            o.put("gres", n.spec().gres() == null ? "" : n.spec().gres());
            ArrayNode parts = o.putArray("partitions");
            m.getPartitionsList().forEach(parts::add);
            o.put("reason", n.reason() == null ? "" : n.reason());
            o.set("reason_changed_at", json.time(n.reasonTime()));
            o.set("boot_time", json.time(n.bootTime()));
            o.set("slurmd_start_time", json.time(n.slurmdStartTime()));
            o.set("last_busy", json.time(n.cpusAlloc() > 0 ? now : n.slurmdStartTime()));
            arr.add(o);
        }
        ObjectNode out = root(json, s, "nodes", arr);
        out.set("last_update", json.num(now));
        return json.write(out);
    }

    static String partitions(List<Partition> parts, Map<String, Node> nodes, Session s) {
        SlurmJson json = new SlurmJson();
        ArrayNode arr = json.array();
        for (Partition p : parts) {
            long cpus = 0;
            for (String n : p.nodes()) if (nodes.containsKey(n)) cpus += nodes.get(n).spec().cpus();
            ObjectNode o = json.object();
            o.put("name", p.name());
            ObjectNode pn = o.putObject("nodes");
            pn.put("configured", Hosts.compress(p.nodes())).put("total", p.nodes().size());
            o.putObject("cpus").put("total", cpus);
            o.putObject("partition").putArray("state").add(p.state());
            ObjectNode max = o.putObject("maximums");
            max.set("time", p.maxTimeMin() < 0 ? json.infinite() : json.num(p.maxTimeMin()));
            max.set("nodes", p.maxNodes() < 0 ? json.infinite() : json.num(p.maxNodes()));
            max.set("cpus_per_node", p.maxCpusPerNode() < 0 ? json.infinite() : json.num(p.maxCpusPerNode()));
            o.putObject("minimums").put("nodes", Math.max(0, p.minNodes()));
            o.putObject("defaults").set("time", p.defaultTimeMin() < 0 ? json.unset() : json.num(p.defaultTimeMin()));
            ObjectNode prio = o.putObject("priority");
            prio.put("job_factor", p.priorityJobFactor()).put("tier", p.priorityTier());
            ArrayNode flags = o.putObject("partition_flags").putArray("flags");
            if (p.isDefault()) flags.add("DEFAULT");
            if (p.hidden()) flags.add("HIDDEN");
            if (p.rootOnly()) flags.add("ROOT_ONLY");
            ObjectNode groups = o.putObject("groups");
            groups.put("allowed", p.allowGroups().isEmpty() ? "" : String.join(",", p.allowGroups()));
            arr.add(o);
        }
        return json.write(root(json, s, "partitions", arr));
    }
}
