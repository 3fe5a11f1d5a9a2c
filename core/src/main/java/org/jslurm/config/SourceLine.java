package org.jslurm.config;

import java.nio.file.Path;

/**
 * Where a configuration line came from, for messages.
 *
 * @param file the file, or null for text parsed without an origin
 * @param line 1-based line number of the start of the (possibly continued) line
 */
record SourceLine(Path file, int line) {

    String fileName() {
        return file == null ? "slurm.conf" : file.toString();
    }

    /** {@code "<file>:<line>: "}, the start of every located message. */
    String prefix() {
        return fileName() + ":" + line + ": ";
    }
}
