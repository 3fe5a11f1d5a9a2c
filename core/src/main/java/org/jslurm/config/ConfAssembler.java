package org.jslurm.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects logical lines into globals and entity lines, then builds the {@link SlurmConf}.
 *
 * <p>Entity lines are only collected while reading (with the DEFAULT values in force at that
 * point merged in) and built at the end, because a node line may come before the SlurmdPort it
 * depends on, and a partition may come before the nodes it names.
 */
final class ConfAssembler implements Consumer<ConfigLine> {

    private static final int DEFAULT_SLURMD_PORT = 6818;

    private final List<String> warnings = new ArrayList<>();
    /** Lower-case canonical key to its latest setting (key in canonical spelling). */
    private final Map<String, Setting> globals = new LinkedHashMap<>();
    private final List<Setting> controllerHosts = new ArrayList<>();
    private final Map<LineKind, Attributes> defaults = new EnumMap<>(LineKind.class);
    private final Map<LineKind, List<Attributes>> entities = new EnumMap<>(LineKind.class);

    List<String> warnings() {
        return warnings;
    }

    @Override
    public void accept(ConfigLine line) {
        LineKind.forFirstKey(line.first().key()).ifPresentOrElse(
                kind -> entity(kind, line), () -> globals(line));
    }

    private void globals(ConfigLine line) {
        for (Setting s : line.settings()) {
            String canonical = KnownKeys.canonicalGlobal(s.key());
            if (canonical == null) {
                warnUnknown(s);
                continue;
            }
            Setting c = s.withKey(canonical);
            GlobalValidator.check(c);
            if (canonical.equals("SlurmctldHost")) {
                controllerHosts.add(c);
                // all() shows every controller, primary first.
                c = new Setting(canonical, String.join(",",
                        controllerHosts.stream().map(Setting::value).toList()), c.where());
            }
            globals.put(canonical.toLowerCase(Locale.ROOT), c);
        }
    }

    private void entity(LineKind kind, ConfigLine line) {
        Attributes own = new Attributes(line.where());
        for (Setting s : line.settings()) {
            String canonical = kind.canonical(s.key());
            if (canonical == null) {
                warnUnknown(s);
            } else {
                own.put(s.withKey(canonical));
            }
        }
        String name = line.first().value().strip();
        if (name.isEmpty()) {
            throw ConfigException.at(line.where(), kind.firstKey() + " is empty");
        }
        Attributes dflt = defaults.computeIfAbsent(kind, k -> new Attributes(line.where()));
        if (name.equalsIgnoreCase("DEFAULT")) {
            dflt.putAllExcept(own, kind.firstKey());
            return;
        }
        Attributes merged = Attributes.withDefaults(dflt, line.where());
        merged.putAll(own);
        entities.computeIfAbsent(kind, k -> new ArrayList<>()).add(merged);
    }

    private void warnUnknown(Setting s) {
        warnings.add(s.where().prefix() + "unknown key " + s.key() + " ignored");
    }

    SlurmConf build(Path origin) {
        String clusterName = clusterName(origin);
        NodeTable table = buildNodes();
        Map<String, BitSet> nodeSets = buildNodeSets(table);
        applyDownNodes(table, nodeSets);
        List<PartitionConf> partitions = buildPartitions(table, nodeSets);
        List<ControllerHost> controllers = Controllers.resolve(controllerHosts, this::global, warnings);
        if (controllers.isEmpty()) {
            warnings.add(where(origin) + "no SlurmctldHost configured");
        }
        return new SlurmConf(origin, clusterName, globals, table.list(), partitions, controllers, warnings);
    }

    /** Slurm stores the cluster name in lower case; a missing one is tolerated for old files. */
    private String clusterName(Path origin) {
        Setting s = global("ClusterName");
        if (s == null || s.value().isBlank()) {
            warnings.add(where(origin) + "ClusterName not set; using \""
                    + SlurmConf.DEFAULT_CLUSTER_NAME + "\"");
            return SlurmConf.DEFAULT_CLUSTER_NAME;
        }
        return s.value().strip().toLowerCase(Locale.ROOT);
    }

    private NodeTable buildNodes() {
        Setting portSetting = global("SlurmdPort");
        int port = portSetting == null ? DEFAULT_SLURMD_PORT : Values.intValue(portSetting);
        NodeTable table = new NodeTable();
        for (Attributes line : lines(LineKind.NODE)) {
            for (NodeConf node : NodeLines.expand(line, port)) {
                table.add(node, line.where());
            }
        }
        return table;
    }

    /** NodeSet lines name a group by Nodes= and/or Feature=; partitions may use the name. */
    private Map<String, BitSet> buildNodeSets(NodeTable table) {
        Map<String, BitSet> sets = new HashMap<>();
        for (Attributes line : lines(LineKind.NODESET)) {
            Setting nodes = line.setting("Nodes");
            String feature = line.get("Feature");
            if (nodes == null && feature == null) {
                throw ConfigException.at(line.where(), "NodeSet needs Nodes= or Feature=");
            }
            BitSet set = nodes == null ? new BitSet()
                    : table.resolve(nodes, sets, "NodeSet=" + line.get("NodeSet"));
            if (feature != null) {
                set.or(table.withFeature(feature));
            }
            sets.put(line.get("NodeSet"), set);
        }
        return sets;
    }

    private void applyDownNodes(NodeTable table, Map<String, BitSet> nodeSets) {
        for (Attributes line : lines(LineKind.DOWN_NODES)) {
            BitSet set = table.resolve(line.setting("DownNodes"), nodeSets, "DownNodes");
            Setting stateSetting = line.setting("State");
            String state = stateSetting == null ? "DOWN" : NodeStates.forDownNodesLine(stateSetting);
            String reason = line.get("Reason");
            for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
                table.set(i, table.get(i).withState(state, reason));
            }
        }
    }

    private List<PartitionConf> buildPartitions(NodeTable table, Map<String, BitSet> nodeSets) {
        List<PartitionConf> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        PartitionConf dflt = null;
        for (Attributes line : lines(LineKind.PARTITION)) {
            String name = line.get("PartitionName");
            if (!names.add(name)) {
                throw ConfigException.at(line.where(), "Duplicated PartitionName " + name);
            }
            Setting nodes = line.setting("Nodes");
            List<String> members = nodes == null ? List.of()
                    : table.names(table.resolve(nodes, nodeSets, "PartitionName=" + name));
            PartitionConf p = PartitionLines.build(line, members);
            if (p.isDefault()) {
                if (dflt != null) {
                    throw ConfigException.at(line.where(), "partition " + name
                            + " has Default=YES but partition " + dflt.name() + " already has");
                }
                dflt = p;
            }
            out.add(p);
        }
        return out;
    }

    private List<Attributes> lines(LineKind kind) {
        return entities.getOrDefault(kind, List.of());
    }

    private Setting global(String key) {
        return globals.get(key.toLowerCase(Locale.ROOT));
    }

    private static String where(Path origin) {
        return (origin == null ? "slurm.conf" : origin.toString()) + ": ";
    }
}
