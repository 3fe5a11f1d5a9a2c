package org.jslurm.config;

import java.util.ArrayList;
import java.util.List;

import org.jslurm.hostlist.HostList;

/**
 * Turns one NodeName line (DEFAULT values merged in) into its nodes. Every value is parsed once
 * per line, not once per node, so a line naming thousands of nodes stays cheap.
 */
final class NodeLines {

    private NodeLines() {
    }

    static List<NodeConf> expand(Attributes a, int defaultPort) {
        Setting nameSetting = a.setting("NodeName");
        List<String> names = Values.hostlist(nameSetting);
        if (names.isEmpty()) {
            throw ConfigException.at(a.where(), "NodeName names no nodes");
        }
        List<String> hostnames = perNode(a.setting("NodeHostname"), names.size());
        List<String> addrs = perNode(a.setting("NodeAddr"), names.size());
        List<Integer> ports = ports(a.setting("Port"), names.size());
        Topology topo = Topology.of(a);
        Shared shared = Shared.of(a);
        List<NodeConf> nodes = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String hostname = pick(hostnames, i, name);
            String addr = pick(addrs, i, hostname);
            int port = ports == null ? defaultPort : ports.get(ports.size() == 1 ? 0 : i);
            nodes.add(new NodeConf(name, addr, hostname, port, topo.cpus, topo.boards, topo.sockets,
                    topo.cores, topo.threads, shared.realMemory, shared.tmpDisk, shared.weight,
                    shared.features, shared.gres, shared.state, shared.reason));
        }
        return nodes;
    }

    /**
     * Expands a per-node hostlist value (NodeAddr, NodeHostname): one entry per node, or a
     * single entry that all nodes share. Null when the key is absent.
     */
    private static List<String> perNode(Setting s, int nodeCount) {
        if (s == null) {
            return null;
        }
        List<String> values = Values.hostlist(s);
        checkCount(s, values.size(), nodeCount);
        return values;
    }

    /** Port is a number, a range {@code 16819-16882}, or a bracket form {@code [16819-16882]}. */
    private static List<Integer> ports(Setting s, int nodeCount) {
        if (s == null) {
            return null;
        }
        String v = s.value().strip();
        List<String> items;
        try {
            items = HostList.expand(v.startsWith("[") ? v : "[" + v + "]");
        } catch (IllegalArgumentException e) {
            throw Values.bad(s, "a port number or range like 16819-16882");
        }
        checkCount(s, items.size(), nodeCount);
        List<Integer> ports = new ArrayList<>(items.size());
        for (String item : items) {
            int port = Values.intValue(new Setting(s.key(), item, s.where()));
            if (port < 1 || port > 65535) {
                throw Values.bad(s, "ports between 1 and 65535");
            }
            ports.add(port);
        }
        return ports;
    }

    private static void checkCount(Setting s, int count, int nodeCount) {
        if (count != 1 && count != nodeCount) {
            throw ConfigException.at(s.where(), s.key() + " gives " + count + " values for "
                    + nodeCount + " nodes in NodeName (need one, or one per node): " + s.value());
        }
    }

    private static String pick(List<String> values, int i, String fallback) {
        if (values == null) {
            return fallback;
        }
        return values.get(values.size() == 1 ? 0 : i);
    }

    /** CPU layout of every node on the line. */
    private record Topology(int cpus, int boards, int sockets, int cores, int threads) {

        static Topology of(Attributes a) {
            Setting cpusSetting = a.first("CPUs", "Procs");
            int boards = positive(a, "Boards", 1);
            int cores = positive(a, "CoresPerSocket", 1);
            int threads = positive(a, "ThreadsPerCore", 1);
            int sockets;
            if (a.has("Sockets")) {
                sockets = positive(a, "Sockets", 1);
            } else if (a.has("SocketsPerBoard")) {
                sockets = Math.multiplyExact(positive(a, "SocketsPerBoard", 1), boards);
            } else {
                sockets = 1;
            }
            boolean layoutGiven = a.has("Sockets") || a.has("SocketsPerBoard")
                    || a.has("CoresPerSocket") || a.has("ThreadsPerCore");
            if (cpusSetting == null) {
                return new Topology(sockets * cores * threads, boards, sockets, cores, threads);
            }
            int cpus = Values.positiveInt(cpusSetting);
            // CPUs alone: like Slurm, describe each CPU as a single-core, single-thread socket.
            return layoutGiven ? new Topology(cpus, boards, sockets, cores, threads)
                    : new Topology(cpus, boards, cpus, 1, 1);
        }

        private static int positive(Attributes a, String key, int dflt) {
            Setting s = a.setting(key);
            return s == null ? dflt : Values.positiveInt(s);
        }
    }

    /** Values that are the same for every node on the line. */
    private record Shared(long realMemory, long tmpDisk, int weight, List<String> features,
                          String gres, String state, String reason) {

        static Shared of(Attributes a) {
            Setting features = a.first("Features", "Feature");
            Setting state = a.setting("State");
            return new Shared(
                    longOr(a, "RealMemory", 1),
                    longOr(a, "TmpDisk", 0),
                    (int) Math.min(Integer.MAX_VALUE, longOr(a, "Weight", 1)),
                    features == null ? List.of() : Values.list(features),
                    a.get("Gres"),
                    state == null ? "UNKNOWN" : NodeStates.forNodeLine(state),
                    a.get("Reason"));
        }

        private static long longOr(Attributes a, String key, long dflt) {
            Setting s = a.setting(key);
            return s == null ? dflt : Values.longValue(s);
        }
    }
}
