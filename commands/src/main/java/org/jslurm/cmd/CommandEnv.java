package org.jslurm.cmd;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything a command may read or write: environment variables, standard streams, working
 * directory, clock, time zone and the connection to the cluster. Tests build one with in-memory
 * streams. The time zone is resolved only when first asked for: loading the zone rules costs a
 * short-lived JVM tens of milliseconds, and most commands print no local times.
 */
public final class CommandEnv {
    private final Map<String, String> vars;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Path cwd;
    private final Clock clock;
    private final Supplier<ZoneId> zoneSource;
    private final Cluster cluster;
    private ZoneId zone;

    public CommandEnv(Map<String, String> vars, InputStream in, PrintStream out, PrintStream err, Path cwd, Clock clock,
            ZoneId zone, Cluster cluster) {
        this(vars, in, out, err, cwd, clock, () -> zone, cluster);
    }

    public CommandEnv(Map<String, String> vars, InputStream in, PrintStream out, PrintStream err, Path cwd, Clock clock,
            Supplier<ZoneId> zoneSource, Cluster cluster) {
        this.vars = vars;
        this.in = in;
        this.out = out;
        this.err = err;
        this.cwd = cwd;
        this.clock = clock;
        this.zoneSource = zoneSource;
        this.cluster = cluster;
    }

    /** the process environment (SLURM_CONF, USER, SLURM_JOB_ID, ...) */
    public Map<String, String> vars() { return vars; }
    public InputStream in() { return in; }
    public PrintStream out() { return out; }
    public PrintStream err() { return err; }
    public Path cwd() { return cwd; }
    public Clock clock() { return clock; }
    /** lazily loads slurm.conf and connects to slurmctld */
    public Cluster cluster() { return cluster; }

    public synchronized ZoneId zone() {
        if (zone == null) zone = zoneSource.get();
        return zone;
    }

    public String var(String name) { return vars.get(name); }
}
