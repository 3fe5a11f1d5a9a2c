package org.jslurm.config;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jslurm.hostlist.HostList;

/**
 * All configured nodes in definition order, with a name index. Node sets (partition Nodes=,
 * NodeSet, DownNodes) are resolved to bit sets over that order, which both removes duplicates and
 * gives Slurm's node-table order in linear time.
 */
final class NodeTable {

    private final List<NodeConf> nodes = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    void add(NodeConf node, SourceLine where) {
        if (index.putIfAbsent(node.name(), nodes.size()) != null) {
            throw ConfigException.at(where, "Duplicated NodeName " + node.name());
        }
        nodes.add(node);
    }

    List<NodeConf> list() {
        return nodes;
    }

    NodeConf get(int i) {
        return nodes.get(i);
    }

    void set(int i, NodeConf node) {
        nodes.set(i, node);
    }

    /**
     * Resolves a node expression: {@code ALL}, node set names, and hostlist elements, all of
     * which must name configured nodes.
     *
     * @param owner the line's entity, e.g. {@code PartitionName=debug}, for messages
     */
    BitSet resolve(Setting expr, Map<String, BitSet> nodeSets, String owner) {
        BitSet result = new BitSet(nodes.size());
        List<String> elements;
        try {
            elements = HostList.elements(expr.value());
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(expr.where(),
                    "bad hostlist in " + expr.text() + ": " + e.getMessage(), e);
        }
        for (String element : elements) {
            if (element.equalsIgnoreCase("ALL")) {
                result.set(0, nodes.size());
            } else if (nodeSets.containsKey(element)) {
                result.or(nodeSets.get(element));
            } else {
                Setting one = new Setting(expr.key(), element, expr.where());
                addNames(Values.hostlist(one), expr, owner, result);
            }
        }
        return result;
    }

    /** Nodes whose Features include {@code feature}. */
    BitSet withFeature(String feature) {
        BitSet result = new BitSet(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).features().contains(feature)) {
                result.set(i);
            }
        }
        return result;
    }

    List<String> names(BitSet set) {
        List<String> out = new ArrayList<>(set.cardinality());
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            out.add(nodes.get(i).name());
        }
        return List.copyOf(out);
    }

    private void addNames(List<String> names, Setting expr, String owner, BitSet result) {
        for (String name : names) {
            Integer i = index.get(name);
            if (i == null) {
                throw ConfigException.at(expr.where(), owner + ": " + expr.text()
                        + " names undefined node " + name);
            }
            result.set(i);
        }
    }
}
