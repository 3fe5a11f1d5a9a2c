package org.jslurm.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jslurm.hostlist.HostList;
import org.jslurm.time.SlurmTime;

/** Typed reading of configuration values; every failure names the file, line, key and value. */
final class Values {

    private Values() {
    }

    static long longValue(Setting s) {
        String v = s.value().strip();
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(s, "a non-negative number");
        }
        return Long.parseLong(v);
    }

    static int intValue(Setting s) {
        long v = longValue(s);
        if (v > Integer.MAX_VALUE) {
            throw bad(s, "a number up to " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    static int positiveInt(Setting s) {
        int v = intValue(s);
        if (v < 1) {
            throw bad(s, "a positive number");
        }
        return v;
    }

    /** A number, or {@code UNLIMITED}/{@code INFINITE} which gives {@code unlimited}. */
    static long longOrUnlimited(Setting s, long unlimited) {
        return isUnlimited(s.value()) ? unlimited : longValue(s);
    }

    static int intOrUnlimited(Setting s, int unlimited) {
        return isUnlimited(s.value()) ? unlimited : intValue(s);
    }

    static boolean bool(Setting s) {
        return switch (s.value().strip().toUpperCase(Locale.ROOT)) {
            case "YES", "TRUE", "1" -> true;
            case "NO", "FALSE", "0" -> false;
            default -> throw bad(s, "YES or NO");
        };
    }

    /** A time limit in minutes; negative limits are refused here, unlike on the command line. */
    static long minutes(Setting s) {
        long m;
        try {
            m = SlurmTime.parseMinutes(s.value());
        } catch (IllegalArgumentException e) {
            throw bad(s, "a time limit like 30, 1:00:00, 2-00:00:00 or UNLIMITED");
        }
        if (m == SlurmTime.INVALID) {
            throw bad(s, "a non-negative time limit");
        }
        return m;
    }

    /** A comma-separated list, blanks trimmed and empty items dropped. */
    static List<String> list(Setting s) {
        List<String> out = new ArrayList<>();
        for (String item : s.value().split(",")) {
            String t = item.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    static List<String> hostlist(Setting s) {
        try {
            return HostList.expand(s.value());
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(s.where(), "bad hostlist in " + s.text() + ": " + e.getMessage(), e);
        }
    }

    static boolean isUnlimited(String v) {
        String t = v.strip();
        return t.equalsIgnoreCase("UNLIMITED") || t.equalsIgnoreCase("INFINITE");
    }

    static ConfigException bad(Setting s, String expected) {
        return ConfigException.at(s.where(), "bad value for " + s.key() + ": '" + s.value()
                + "' (expected " + expected + ")");
    }
}
