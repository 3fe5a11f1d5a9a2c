package org.jslurm.cmd.sinfo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jslurm.cmd.CommandEnv;
import org.jslurm.cmd.fmt.NodeStates;
import org.jslurm.cmd.fmt.SlurmJson;
import org.jslurm.model.Node;
import org.jslurm.model.Partition;

/**
 * {@code sinfo --json}: one entry per partition and node state, like the default view, with
 * node and CPU counts: {@code {"sinfo":[...],"meta":..,"errors":[],"warnings":[]}}.
 */
final class SinfoJson {
    private SinfoJson() {}

    static String render(List<Partition> partitions, Map<String, Node> nodes, long now, String[] argv, CommandEnv env) {
        SlurmJson json = new SlurmJson();
        String cluster;
        try {
            cluster = env.cluster().clusterName();
        } catch (RuntimeException e) {
            cluster = "";
        }
        String user = env.var("USER");
        ObjectNode root = json.root("sinfo", Arrays.asList(argv), cluster, user);
        SinfoFields fields = new SinfoFields(env.zone());
        var layout = org.jslurm.cmd.fmt.Layout.percent("%P %t", fields::letter, c -> { });
        List<SinfoRecord> records = SinfoRecords.build(partitions, nodes, layout, fields,
                SinfoRecords.Mode.PARTITION, n -> true);
        records.sort(SinfoRecords.order(null, SinfoRecords.Mode.PARTITION, partitions));
        ArrayNode arr = json.array();
        for (SinfoRecord r : records) arr.add(record(json, r, cluster));
        ObjectNode out = json.object();
        out.set("sinfo", arr);
        out.setAll(root);
        return json.write(out);
    }

    private static ObjectNode record(SlurmJson json, SinfoRecord r, String cluster) {
        ObjectNode o = json.object();
        Node first = r.first();
        o.put("port", first == null ? 0 : first.spec().port());
        ArrayNode state = o.putObject("node").putArray("state");
        if (first != null) for (String s : NodeStates.scontrol(first).split("\\+")) state.add(s);
        String[] a = SinfoFields.counts(r, true).split("/");
        ObjectNode n = o.putObject("nodes");
        n.put("allocated", Integer.parseInt(a[0])).put("idle", Integer.parseInt(a[1]))
                .put("other", Integer.parseInt(a[2])).put("total", Integer.parseInt(a[3]));
        ArrayNode names = n.putArray("nodes");
        ArrayNode hosts = n.putArray("hostnames");
        ArrayNode addrs = n.putArray("addresses");
        for (Node node : r.nodes()) {
            names.add(node.name());
            hosts.add(NodeStates.hostname(node));
            addrs.add(NodeStates.address(node));
        }
        String[] c = SinfoFields.cpuCounts(r).split("/");
        ObjectNode cpus = o.putObject("cpus");
        cpus.put("allocated", Long.parseLong(c[0])).put("idle", Long.parseLong(c[1]))
                .put("other", Long.parseLong(c[2])).put("total", Long.parseLong(c[3]));
        long minCpu = r.nodes().stream().mapToLong(x -> x.spec().cpus()).min().orElse(0);
        long maxCpu = r.nodes().stream().mapToLong(x -> x.spec().cpus()).max().orElse(0);
        cpus.put("minimum", minCpu).put("maximum", maxCpu);
        ObjectNode mem = o.putObject("memory");
        mem.put("minimum", r.nodes().stream().mapToLong(x -> x.spec().realMemoryMb()).min().orElse(0));
        mem.put("maximum", r.nodes().stream().mapToLong(x -> x.spec().realMemoryMb()).max().orElse(0));
        mem.put("allocated", r.nodes().stream().mapToLong(Node::memAllocMb).sum());
        o.putObject("features").put("total", first == null ? "" : String.join(",", first.spec().features()))
                .put("active", first == null ? "" : String.join(",", first.spec().features()));
        o.putObject("gres").put("total", first == null || first.spec().gres() == null ? "" : first.spec().gres())
                .put("used", "");
        o.put("cluster", cluster);
        ObjectNode reason = o.putObject("reason");
        reason.put("description", first == null || first.reason() == null ? "" : first.reason());
        reason.set("time", json.time(first == null ? 0 : first.reasonTime()));
        Partition p = r.partition();
        ObjectNode part = o.putObject("partition");
        if (p != null) {
            part.put("name", p.name());
            part.putObject("partition").putArray("state").add(p.state());
            part.putObject("nodes").put("configured", String.join(",", p.nodes())).put("total", p.nodes().size());
            ObjectNode max = part.putObject("maximums");
            max.set("time", p.maxTimeMin() < 0 ? json.infinite() : json.num(p.maxTimeMin()));
            max.set("nodes", p.maxNodes() < 0 ? json.infinite() : json.num(p.maxNodes()));
            part.putObject("defaults").set("time", p.defaultTimeMin() < 0 ? json.unset() : json.num(p.defaultTimeMin()));
            part.put("default", p.isDefault());
            part.put("hidden", p.hidden());
        }
        return o;
    }
}
