package org.jslurm.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pairs of one entity line (a node, partition, ...), keyed case-insensitively, after
 * DEFAULT values were merged in. Each value keeps the place it was written.
 */
final class Attributes {

    private final SourceLine where;
    private final Map<String, Setting> byKey = new LinkedHashMap<>();

    /** @param where the line these attributes describe, for errors not tied to one value */
    Attributes(SourceLine where) {
        this.where = where;
    }

    /** A copy of {@code defaults} for the line at {@code where}, ready for its own pairs. */
    static Attributes withDefaults(Attributes defaults, SourceLine where) {
        Attributes a = new Attributes(where);
        a.byKey.putAll(defaults.byKey);
        return a;
    }

    SourceLine where() {
        return where;
    }

    void put(Setting s) {
        byKey.put(s.key().toLowerCase(Locale.ROOT), s);
    }

    /** Takes over every value of {@code other}, replacing values of the same key. */
    void putAll(Attributes other) {
        byKey.putAll(other.byKey);
    }

    /** Takes over every value of {@code other} except its {@code exceptKey}. */
    void putAllExcept(Attributes other, String exceptKey) {
        other.byKey.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(exceptKey)) {
                byKey.put(k, v);
            }
        });
    }

    boolean has(String key) {
        return byKey.containsKey(key.toLowerCase(Locale.ROOT));
    }

    /** The value with its origin, or null. */
    Setting setting(String key) {
        return byKey.get(key.toLowerCase(Locale.ROOT));
    }

    /** The first of {@code keys} that is set (for aliases such as CPUs/Procs), or null. */
    Setting first(String... keys) {
        for (String k : keys) {
            Setting s = setting(k);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    String get(String key) {
        Setting s = setting(key);
        return s == null ? null : s.value();
    }
}
