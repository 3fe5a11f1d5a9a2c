package org.jslurm.ctld;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters for sdiag: jobs, scheduler cycles and RPCs by type and by user. */
public final class Stats {
    public final AtomicLong since = new AtomicLong();
    public final LongAdder submitted = new LongAdder();
    public final LongAdder started = new LongAdder();
    public final LongAdder completed = new LongAdder();
    public final LongAdder canceled = new LongAdder();
    public final LongAdder failed = new LongAdder();
    public final AtomicLong schedCycles = new AtomicLong();
    public final AtomicLong schedLastUs = new AtomicLong();
    public final AtomicLong schedMaxUs = new AtomicLong();
    public final AtomicLong schedTotalUs = new AtomicLong();
    public final AtomicLong schedLastDepth = new AtomicLong();
    public final AtomicLong schedTotalDepth = new AtomicLong();
    public final AtomicLong schedLastQueue = new AtomicLong();

    /** count and total microseconds */
    public record Rpc(LongAdder count, LongAdder totalUs) {
        Rpc() { this(new LongAdder(), new LongAdder()); }
    }

    public final Map<String, Rpc> byType = new ConcurrentHashMap<>();
    public final Map<Integer, Rpc> byUser = new ConcurrentHashMap<>();

    public Stats(long now) { since.set(now); }

    public void rpc(String type, int uid, long micros) {
        Rpc t = byType.computeIfAbsent(type, k -> new Rpc());
        t.count().increment();
        t.totalUs().add(micros);
        Rpc u = byUser.computeIfAbsent(uid, k -> new Rpc());
        u.count().increment();
        u.totalUs().add(micros);
    }

    public void schedCycle(long micros, int depth, int queue) {
        schedCycles.incrementAndGet();
        schedLastUs.set(micros);
        schedMaxUs.accumulateAndGet(micros, Math::max);
        schedTotalUs.addAndGet(micros);
        schedLastDepth.set(depth);
        schedTotalDepth.addAndGet(depth);
        schedLastQueue.set(queue);
    }

    public void reset(long now) {
        since.set(now);
        for (LongAdder a : new LongAdder[] {submitted, started, completed, canceled, failed}) a.reset();
        for (AtomicLong a : new AtomicLong[] {schedCycles, schedLastUs, schedMaxUs, schedTotalUs, schedLastDepth,
                schedTotalDepth, schedLastQueue}) a.set(0);
        byType.clear();
        byUser.clear();
    }
}
