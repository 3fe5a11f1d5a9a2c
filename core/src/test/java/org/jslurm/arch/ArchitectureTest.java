package org.jslurm.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core stays pure: no network, database, process launching or wire types inside it. */
class ArchitectureTest {
    private static final List<String> FORBIDDEN = List.of(
            "java.net.", "java.sql.", "javax.sql.", "java.nio.channels.", "java.lang.ProcessBuilder",
            "com.google.protobuf.", "org.jslurm.wire.", "org.jslurm.rpc.", "org.jslurm.auth.", "org.jslurm.ctld.",
            "org.jslurm.slurmd.", "org.jslurm.launch.", "org.jslurm.journal.", "org.jslurm.cmd.");

    @Test
    void coreImportsNothingFromTheEdges() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.trim();
                    for (String bad : FORBIDDEN) {
                        if ((l.startsWith("import ") && l.contains(bad)) || l.contains("new ProcessBuilder")
                                || l.contains("Runtime.getRuntime().exec")) {
                            violations.add(f + ": " + l);
                            break;
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
