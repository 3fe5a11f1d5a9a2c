package org.jslurm.cmd.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.jslurm.cmd.Cluster;
import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;

/** Runs a command with in-memory streams; the result holds stdout, stderr and the exit code. */
public record Run(String out, String err, int rc) {
    /** 2026-11-22T03:56:43Z, the transcripts' clock. */
    public static final long NOW = 1795319803L;

    public static Run of(Command c, Cluster cluster, String... args) {
        return of(c, cluster, Map.of("USER", "root"), args);
    }

    public static Run of(Command c, Cluster cluster, Map<String, String> vars, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8);
        CommandEnv env = new CommandEnv(new HashMap<>(vars), new ByteArrayInputStream(new byte[0]), out, err,
                Path.of("/tmp"), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), ZoneId.of("UTC"), cluster);
        int rc = c.run(args, env);
        out.flush();
        err.flush();
        return new Run(o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8), rc);
    }
}
