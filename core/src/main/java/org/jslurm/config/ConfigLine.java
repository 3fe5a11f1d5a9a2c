package org.jslurm.config;

import java.util.List;

/** A logical line (continuations joined, comments removed) split into its pairs. */
record ConfigLine(SourceLine where, List<Setting> settings) {

    ConfigLine {
        settings = List.copyOf(settings);
    }

    /** The first pair decides what the line describes (a node, a partition, or globals). */
    Setting first() {
        return settings.getFirst();
    }
}
