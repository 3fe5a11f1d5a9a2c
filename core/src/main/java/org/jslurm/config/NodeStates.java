package org.jslurm.config;

import java.util.Locale;
import java.util.Set;

/** The node states a configuration file may set, with their old spellings. */
final class NodeStates {

    private static final Set<String> NODE_LINE = Set.of(
            "UNKNOWN", "FUTURE", "DOWN", "DRAIN", "IDLE", "CLOUD", "FAIL", "FAILING");
    private static final Set<String> DOWN_NODES_LINE = Set.of(
            "DOWN", "DRAIN", "FAIL", "FAILING", "FUTURE", "UNKNOWN");

    private NodeStates() {
    }

    /** State for a NodeName line, upper case; {@code DRAINED}/{@code DRAINING} mean DRAIN. */
    static String forNodeLine(Setting s) {
        return check(s, NODE_LINE);
    }

    static String forDownNodesLine(Setting s) {
        return check(s, DOWN_NODES_LINE);
    }

    private static String check(Setting s, Set<String> allowed) {
        String state = normalise(s.value());
        if (!allowed.contains(state)) {
            throw Values.bad(s, "one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return state;
    }

    private static String normalise(String raw) {
        String state = raw.strip().toUpperCase(Locale.ROOT);
        return switch (state) {
            case "DRAINED", "DRAINING" -> "DRAIN";
            default -> state;
        };
    }
}
