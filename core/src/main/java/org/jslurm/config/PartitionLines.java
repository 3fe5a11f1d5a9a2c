package org.jslurm.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jslurm.time.SlurmTime;

/** Turns one PartitionName line (DEFAULT values merged in) into a {@link PartitionConf}. */
final class PartitionLines {

    private static final Set<String> STATES = Set.of("UP", "DOWN", "DRAIN", "INACTIVE");
    /** Jobs per resource that Slurm assumes for a bare OverSubscribe=YES or FORCE. */
    private static final int DEFAULT_OVERSUBSCRIBE = 4;

    private PartitionLines() {
    }

    /** @param nodes the partition's resolved nodes, in node definition order */
    static PartitionConf build(Attributes a, List<String> nodes) {
        return new PartitionConf(
                a.get("PartitionName"),
                nodes,
                bool(a, "Default"),
                state(a.setting("State")),
                minutes(a, "MaxTime"),
                minutes(a, "DefaultTime"),
                unlimitedInt(a, "MaxNodes"),
                intOr(a, "MinNodes", 0),
                bool(a, "RootOnly"),
                allList(a.setting("AllowGroups")),
                overSubscribe(a.first("OverSubscribe", "Shared")),
                intOr(a, "PriorityTier", 1),
                intOr(a, "PriorityJobFactor", 1),
                bool(a, "Hidden"),
                unlimitedInt(a, "MaxCPUsPerNode"),
                longOr(a.setting("DefMemPerCPU"), 0),
                longOr(a.setting("MaxMemPerNode"), 0),
                allList(a.setting("AllowAccounts")),
                allList(a.setting("AllowQos")));
    }

    private static String state(Setting s) {
        if (s == null) {
            return "UP";
        }
        String state = s.value().strip().toUpperCase(Locale.ROOT);
        if (!STATES.contains(state)) {
            throw Values.bad(s, "UP, DOWN, DRAIN or INACTIVE");
        }
        return state;
    }

    /** NO, EXCLUSIVE, YES[:n] or FORCE[:n]; the count is made explicit as scontrol shows it. */
    private static String overSubscribe(Setting s) {
        if (s == null) {
            return "NO";
        }
        String v = s.value().strip().toUpperCase(Locale.ROOT);
        int colon = v.indexOf(':');
        String mode = colon < 0 ? v : v.substring(0, colon);
        return switch (mode) {
            case "NO", "EXCLUSIVE" -> {
                if (colon >= 0) {
                    throw Values.bad(s, mode + " without a count");
                }
                yield mode;
            }
            case "YES", "FORCE" -> mode + ":"
                    + (colon < 0 ? DEFAULT_OVERSUBSCRIBE : jobCount(s, v.substring(colon + 1)));
            default -> throw Values.bad(s, "NO, YES[:n], FORCE[:n] or EXCLUSIVE");
        };
    }

    private static int jobCount(Setting s, String count) {
        if (!count.matches("[0-9]{1,6}") || Integer.parseInt(count) < 1) {
            throw Values.bad(s, "a positive job count after the colon");
        }
        return Integer.parseInt(count);
    }

    /** A comma list where {@code ALL} (or absence) means no restriction: an empty list. */
    private static List<String> allList(Setting s) {
        if (s == null || s.value().strip().equalsIgnoreCase("ALL")) {
            return List.of();
        }
        return Values.list(s);
    }

    private static boolean bool(Attributes a, String key) {
        Setting s = a.setting(key);
        return s != null && Values.bool(s);
    }

    private static long minutes(Attributes a, String key) {
        Setting s = a.setting(key);
        return s == null ? SlurmTime.INFINITE : Values.minutes(s);
    }

    private static int unlimitedInt(Attributes a, String key) {
        Setting s = a.setting(key);
        return s == null ? -1 : Values.intOrUnlimited(s, -1);
    }

    private static int intOr(Attributes a, String key, int dflt) {
        Setting s = a.setting(key);
        return s == null ? dflt : Values.intValue(s);
    }

    private static long longOr(Setting s, long dflt) {
        return s == null ? dflt : Values.longOrUnlimited(s, 0);
    }
}
