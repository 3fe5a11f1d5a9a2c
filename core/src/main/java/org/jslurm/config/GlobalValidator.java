package org.jslurm.config;

import java.util.Locale;
import java.util.Set;

/**
 * Checks global values that {@link SlurmConf} reads as numbers or enumerations, when the line is
 * read, so that a bad value is reported with its file and line rather than at first use.
 */
final class GlobalValidator {

    private static final Set<String> NUMBERS = lower(Set.of("KillWait", "MinJobAge",
            "MaxJobCount", "FirstJobId", "MaxJobId", "ReturnToService", "SlurmdTimeout",
            "SlurmctldTimeout", "TreeWidth", "MaxArraySize", "InactiveLimit", "MessageTimeout"));
    private static final Set<String> NUMBERS_OR_UNLIMITED = lower(Set.of("DefMemPerCPU",
            "MaxMemPerNode"));

    private GlobalValidator() {
    }

    /** @param s a global setting whose key has its canonical spelling */
    static void check(Setting s) {
        String key = s.key().toLowerCase(Locale.ROOT);
        if (NUMBERS.contains(key)) {
            Values.intValue(s);
        } else if (NUMBERS_OR_UNLIMITED.contains(key)) {
            Values.longOrUnlimited(s, 0);
        } else if (key.equals("slurmdport")) {
            port(s, s.value());
        } else if (key.equals("slurmctldport")) {
            firstPort(s);
        } else if (key.equals("enforcepartlimits")) {
            enforcePartLimits(s);
        }
    }

    /** SlurmctldPort is a port or a range {@code 6817-6818}; the first port is the main one. */
    static int firstPort(Setting s) {
        String v = s.value().strip();
        int dash = v.indexOf('-');
        if (dash < 0) {
            return port(s, v);
        }
        int first = port(s, v.substring(0, dash));
        int last = port(s, v.substring(dash + 1));
        if (last < first) {
            throw Values.bad(s, "a port or an ascending port range");
        }
        return first;
    }

    /** Number of ports in a SlurmctldPort range (1 for a single port). */
    static int portCount(Setting s) {
        String v = s.value().strip();
        int dash = v.indexOf('-');
        return dash < 0 ? 1 : port(s, v.substring(dash + 1)) - firstPort(s) + 1;
    }

    static EnforcePartLimits enforcePartLimits(Setting s) {
        return switch (s.value().strip().toUpperCase(Locale.ROOT)) {
            case "NO" -> EnforcePartLimits.NO;
            case "ALL" -> EnforcePartLimits.ALL;
            case "ANY", "YES" -> EnforcePartLimits.ANY;
            default -> throw Values.bad(s, "NO, ALL, ANY or YES");
        };
    }

    private static int port(Setting s, String text) {
        int port = Values.intValue(new Setting(s.key(), text.strip(), s.where()));
        if (port < 1 || port > 65535) {
            throw Values.bad(s, "a port between 1 and 65535");
        }
        return port;
    }

    private static Set<String> lower(Set<String> keys) {
        return Set.copyOf(keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList());
    }
}
