package org.jslurm.ctld;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jslurm.config.NodeConf;
import org.jslurm.config.PartitionConf;
import org.jslurm.config.SlurmConf;
import org.jslurm.model.Node;
import org.jslurm.model.NodeBase;
import org.jslurm.model.NodeSpec;
import org.jslurm.model.Partition;
import org.jslurm.sched.Admission;

/** Builds the controller's settings and initial nodes and partitions from slurm.conf. */
final class CtldConfig {
    private CtldConfig() {}

    static Settings settings(SlurmConf c, int slurmUserUid) {
        return new Settings(
                c.get("ClusterName", "cluster"),
                c.getInt("KillWait", 30),
                c.getInt("MinJobAge", 300),
                c.getInt("SlurmdTimeout", 300),
                c.getInt("ReturnToService", 0),
                c.getInt("MaxJobCount", 10000),
                c.getInt("FirstJobId", 1),
                slurmUserUid,
                Admission.parseEnforce(c.get("EnforcePartLimits")),
                blankToNull(c.get("Prolog")),
                blankToNull(c.get("Epilog")),
                c.getInt("JobRequeue", 1) != 0,
                c.getInt("JslurmSnapshotRecords", 20000));
    }

    static List<Node> nodes(SlurmConf c, long now) {
        List<Node> out = new ArrayList<>();
        for (NodeConf n : c.nodes()) {
            NodeSpec spec = new NodeSpec(n.name(), n.addr(), n.hostname(), n.port(), n.cpus(), n.boards(), n.sockets(),
                    n.coresPerSocket(), n.threadsPerCore(), n.realMemoryMb(), n.tmpDiskMb(), n.weight(), n.features(),
                    n.gres());
            String st = n.state().toUpperCase(Locale.ROOT);
            NodeBase base = switch (st) {
                case "FUTURE" -> NodeBase.FUTURE;
                case "DOWN", "FAIL" -> NodeBase.DOWN;
                default -> NodeBase.UNKNOWN;
            };
            boolean drain = st.startsWith("DRAIN") || st.equals("FAIL") || st.equals("FAILING");
            String reason = n.reason();
            if (reason == null && (base == NodeBase.DOWN || drain)) reason = "set in slurm.conf";
            out.add(Node.configured(spec, base, drain, reason, now));
        }
        return out;
    }

    static List<Partition> partitions(SlurmConf c) {
        long globalDefMem = c.getInt("DefMemPerCPU", 0);
        long globalMaxMem = c.getInt("MaxMemPerNode", 0);
        List<Partition> out = new ArrayList<>();
        for (PartitionConf p : c.partitions()) {
            out.add(new Partition(p.name(), p.nodes(), p.isDefault(), p.state(), p.maxTimeMin(), p.defaultTimeMin(),
                    p.maxNodes(), p.minNodes(), p.rootOnly(), p.allowGroups(), p.overSubscribe(), p.priorityTier(),
                    p.priorityJobFactor(), p.hidden(), p.maxCpusPerNode(),
                    p.defMemPerCpu() > 0 ? p.defMemPerCpu() : globalDefMem,
                    p.maxMemPerNode() > 0 ? p.maxMemPerNode() : globalMaxMem));
        }
        return out;
    }

    /** `scontrol show config` lines: Slurm's defaults overlaid with the file's values, with units. */
    static List<Map.Entry<String, String>> showConfig(SlurmConf c, java.nio.file.Path confPath) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String[][] defaults = {
            {"AccountingStorageType", "accounting_storage/none"}, {"AuthType", "auth/slurm"},
            {"ClusterName", "cluster"}, {"EnforcePartLimits", "NO"}, {"Epilog", "(null)"},
            {"FirstJobId", "1"}, {"InactiveLimit", "0"}, {"JobRequeue", "1"}, {"KillWait", "30"},
            {"MaxArraySize", "1001"}, {"MaxJobCount", "10000"}, {"MaxJobId", "67043328"},
            {"MessageTimeout", "10"}, {"MinJobAge", "300"}, {"PriorityType", "priority/basic"},
            {"ProctrackType", "proctrack/pgid"}, {"Prolog", "(null)"}, {"ReturnToService", "0"},
            {"SchedulerType", "sched/builtin"}, {"SelectType", "select/cons_tres"},
            {"SlurmUser", "root(0)"}, {"SlurmctldPidFile", "/var/run/slurmctld.pid"},
            {"SlurmctldPort", "6817"}, {"SlurmctldTimeout", "120"}, {"SlurmdPidFile", "/var/run/slurmd.pid"},
            {"SlurmdPort", "6818"}, {"SlurmdSpoolDir", "/var/spool/slurmd"}, {"SlurmdTimeout", "300"},
            {"StateSaveLocation", "/var/spool/slurmctld"}, {"TreeWidth", "50"},
        };
        for (String[] d : defaults) m.put(d[0], d[1]);
        m.putAll(c.all());
        m.put("SLURM_CONF", confPath.toString());
        m.put("SLURM_VERSION", "25.05.0-jslurm");
        for (String k : List.of("KillWait", "MinJobAge", "MessageTimeout", "SlurmdTimeout", "SlurmctldTimeout",
                "InactiveLimit")) {
            m.computeIfPresent(k, (key, v) -> v.matches("\\d+") ? v + " sec" : v);
        }
        return new ArrayList<>(m.entrySet());
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
