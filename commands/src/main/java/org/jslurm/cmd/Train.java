package org.jslurm.cmd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * The training run for the commands' ahead-of-time class cache (built at package time): runs each
 * command's offline paths so that their classes are in the cache. Needs no cluster.
 */
public final class Train {
    private Train() {}

    public static void main(String[] args) {
        String[][] runs = {
            {"sbatch", "--version"}, {"sbatch", "--help"}, {"squeue", "--version"}, {"squeue", "--help"},
            {"sinfo", "--version"}, {"scancel", "--version"}, {"scontrol", "--version"},
            {"scontrol", "show", "hostnames", "n[1-3]"}, {"sdiag", "--version"}, {"sacct", "--version"},
        };
        for (String[] r : runs) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(sink);
            CommandEnv env = new CommandEnv(Map.of(), new ByteArrayInputStream(new byte[0]), ps, ps, Path.of("/"),
                    Clock.systemUTC(), ZoneId.systemDefault(), new Cluster(Map.of(), r[0]));
            try {
                Main.lookup(r[0]).run(java.util.Arrays.copyOfRange(r, 1, r.length), env);
            } catch (RuntimeException e) {
                // a path that needs a cluster: its classes are loaded anyway
            }
        }
        // the wire types every command uses
        var req = org.jslurm.wire.proto.Request.newBuilder()
                .setJobInfo(org.jslurm.wire.proto.JobInfoQuery.newBuilder()).build();
        try {
            org.jslurm.wire.proto.Response.parseFrom(org.jslurm.wire.proto.Response.newBuilder()
                    .setJobs(org.jslurm.wire.proto.JobList.newBuilder()).build().toByteArray());
            org.jslurm.wire.proto.Request.parseFrom(req.toByteArray());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
