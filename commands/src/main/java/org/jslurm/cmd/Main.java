package org.jslurm.cmd;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;

/**
 * The single entry point of every command's launcher: {@code Main <command> args...}. Kept tiny so
 * that a command's JVM loads only the classes it uses.
 */
public final class Main {
    private Main() {}

    public static final String VERSION = "slurm 25.05.0-jslurm";

    /** Plain constructors, no lambdas: bootstrapping a lambda costs milliseconds in a fresh JVM. */
    static Command lookup(String name) {
        return switch (name) {
            case "sbatch" -> new org.jslurm.cmd.sbatch.Sbatch();
            case "squeue" -> new org.jslurm.cmd.squeue.Squeue();
            case "sinfo" -> new org.jslurm.cmd.sinfo.Sinfo();
            case "scancel" -> new org.jslurm.cmd.scancel.Scancel();
            case "scontrol" -> new org.jslurm.cmd.scontrol.Scontrol();
            case "sdiag" -> new org.jslurm.cmd.sdiag.Sdiag();
            case "sacct" -> new org.jslurm.cmd.sacct.Sacct();
            default -> null;
        };
    }

    /** The system time zone, looked up on first use (a class, not a lambda: no bootstrap cost). */
    private static final class SystemZone implements java.util.function.Supplier<ZoneId> {
        @Override
        public ZoneId get() { return ZoneId.systemDefault(); }
    }

    public static void main(String[] argv) {
        if (argv.length == 0) {
            System.err.println("usage: Main <command> [args...]");
            System.exit(2);
        }
        Command cmd = lookup(argv[0]);
        if (cmd == null) {
            System.err.println("jslurm: unknown command " + argv[0]);
            System.exit(2);
        }
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Map<String, String> vars = System.getenv();
        Path cwd = Path.of(System.getProperty("user.dir"));
        CommandEnv env = new CommandEnv(vars, System.in, out, err, cwd, Clock.systemUTC(), new SystemZone(),
                new Cluster(vars, argv[0]));
        int rc;
        try {
            rc = cmd.run(Arrays.copyOfRange(argv, 1, argv.length), env);
        } finally {
            out.flush();
        }
        System.exit(rc);
    }
}
