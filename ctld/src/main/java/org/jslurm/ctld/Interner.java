package org.jslurm.ctld;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares identical environment strings between jobs. Successive submissions from one shell carry
 * nearly the same environment, so 10,000 queued jobs hold one copy of each line, not 10,000.
 */
final class Interner {
    private Interner() {}

    private static final int MAX = 200_000;
    private static final ConcurrentHashMap<String, String> POOL = new ConcurrentHashMap<>();

    static List<String> env(List<String> env) {
        List<String> out = new ArrayList<>(env.size());
        for (String s : env) out.add(intern(s));
        return out;
    }

    static String intern(String s) {
        if (POOL.size() > MAX) POOL.clear(); // bounded: a pathological stream of unique lines must not grow it forever
        String prev = POOL.putIfAbsent(s, s);
        return prev == null ? s : prev;
    }
}
