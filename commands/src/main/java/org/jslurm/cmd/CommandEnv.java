package org.jslurm.cmd;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything a command may read or write: environment variables, standard streams, working
 * directory, clock and the connection to the cluster. Tests build one with in-memory streams.
 *
 * @param vars    the process environment (SLURM_CONF, USER, SLURM_JOB_ID, ...)
 * @param cluster lazily loads slurm.conf and connects to slurmctld
 */
public record CommandEnv(
        Map<String, String> vars,
        InputStream in,
        PrintStream out,
        PrintStream err,
        Path cwd,
        Clock clock,
        ZoneId zone,
        Cluster cluster) {

    public String var(String name) { return vars.get(name); }
}
