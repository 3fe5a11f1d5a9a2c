package org.jslurm.cmd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Runs a command in memory and captures what it prints. */
public record CommandRun(int code, String out, String err) {

    public static CommandRun run(Command c, List<String> args, Map<String, String> vars, String stdin, Path cwd,
                                 Cluster cluster) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            CommandEnv env = new CommandEnv(vars, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e,
                    cwd, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), ZoneId.of("UTC"), cluster);
            int code = c.run(args.toArray(String[]::new), env);
            return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
