package org.jslurm.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Job states with the long and compact names Slurm prints ({@code squeue %T} / {@code %t}).
 * Some states are never produced by jslurm yet but must be accepted by filters such as
 * {@code squeue -t}, because client software passes them.
 */
public enum JobState {
    PENDING("PD", false),
    RUNNING("R", false),
    SUSPENDED("S", false),
    COMPLETING("CG", false),
    CONFIGURING("CF", false),
    COMPLETED("CD", true),
    CANCELLED("CA", true),
    FAILED("F", true),
    TIMEOUT("TO", true),
    NODE_FAIL("NF", true),
    PREEMPTED("PR", true),
    BOOT_FAIL("BF", true),
    DEADLINE("DL", true),
    OUT_OF_MEMORY("OOM", true),
    REQUEUED("RQ", false),
    REQUEUE_HOLD("RH", false),
    REQUEUE_FED("RF", false),
    SPECIAL_EXIT("SE", false),
    RESIZING("RS", false),
    SIGNALING("SI", false),
    STAGE_OUT("SO", false),
    STOPPED("ST", false),
    REVOKED("RV", true),
    RESV_DEL_HOLD("RD", false);

    private final String compact;
    private final boolean finished;

    JobState(String compact, boolean finished) {
        this.compact = compact;
        this.finished = finished;
    }

    public String compact() { return compact; }

    /** True for terminal states: the job holds no resources and will not run again unless requeued. */
    public boolean isFinished() { return finished; }

    /** Parses a long or compact name, case-insensitively ({@code pd}, {@code Running}, {@code OOM}). */
    public static Optional<JobState> parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (JobState s : values()) {
            if (s.name().equals(n) || s.compact.equals(n)) return Optional.of(s);
        }
        if (n.equals("CANCELED")) return Optional.of(CANCELLED);
        return Optional.empty();
    }
}
