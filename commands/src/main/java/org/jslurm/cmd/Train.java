package org.jslurm.cmd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jslurm.auth.Authenticator;
import org.jslurm.auth.ClusterKey;
import org.jslurm.auth.CredentialClient;
import org.jslurm.auth.CredentialServer;
import org.jslurm.auth.UserDb;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.JobState;
import org.jslurm.model.Node;
import org.jslurm.model.NodeAlloc;
import org.jslurm.model.NodeBase;
import org.jslurm.model.NodeSpec;
import org.jslurm.model.Partition;
import org.jslurm.rpc.Convert;
import org.jslurm.rpc.Frame;
import org.jslurm.rpc.RpcServer;
import org.jslurm.wire.proto.ConfigEntry;
import org.jslurm.wire.proto.ConfigReply;
import org.jslurm.wire.proto.JobList;
import org.jslurm.wire.proto.KillReply;
import org.jslurm.wire.proto.KillResult;
import org.jslurm.wire.proto.NodeList;
import org.jslurm.wire.proto.Ok;
import org.jslurm.wire.proto.PartitionList;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;
import org.jslurm.wire.proto.StatsReply;
import org.jslurm.wire.proto.SubmitReply;

/**
 * The training run for the commands' ahead-of-time class cache, executed once at package time:
 * it starts an in-process stand-in controller (a real RPC server and credential service on a
 * private port and socket) and runs the real commands against it, so every class a command loads
 * on its usual paths is in the cache. Output is discarded.
 */
public final class Train {
    private Train() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("jslurm-train");
        try {
            run(dir);
        } finally {
            try (var w = Files.walk(dir)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void run(Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("slurm.conf");
        Path socket = dir.resolve("auth.sock");
        Files.writeString(conf, "ClusterName=train\nSlurmctldHost=localhost(127.0.0.1)\nSlurmctldPort=" + port
                + "\nAuthInfo=socket=" + socket + "\nNodeName=n[1-2] NodeAddr=127.0.0.1 CPUs=2 RealMemory=1000\n"
                + "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP\n");
        ClusterKey key = ClusterKey.generate(dir.resolve("slurm.key"));
        Clock clock = Clock.systemUTC();
        try (RpcServer server = new RpcServer("train", new Authenticator(key, clock, false), Train::answer,
                Frame.DEFAULT_MAX_REQUEST, 5000).start("127.0.0.1", port);
                CredentialServer creds = new CredentialServer(socket, key, new UserDb(), Duration.ofSeconds(60), clock)) {
            creds.start();
            CredentialClient.fetch(socket, Duration.ofSeconds(5));
            Path script = dir.resolve("job.sh");
            Files.writeString(script, "#!/bin/bash\n#SBATCH -J trained\n#SBATCH -o out-%j.txt\n#SBATCH -t 1:00:00\necho\n");
            String[][] runs = {
                {"sbatch", "--wrap=true"}, {"sbatch", "-H", "-o", "/dev/null", "--wrap=true"},
                {"sbatch", "--parsable", "-N", "1", "-n", "2", "-c", "1", "--mem=100M", script.toString()},
                {"squeue"}, {"squeue", "-l"}, {"squeue", "-h", "-o", "%i %t"}, {"squeue", "-t", "all", "-j", "1"},
                {"squeue", "-O", "JobID,State,Name:20,UserName"}, {"squeue", "--me"}, {"squeue", "--start"},
                {"sinfo"}, {"sinfo", "-N", "-l"}, {"sinfo", "-R"}, {"sinfo", "-o", "%P %a %l %D %T %N"},
                {"scontrol", "show", "job", "1"}, {"scontrol", "-o", "show", "job"}, {"scontrol", "show", "node"},
                {"scontrol", "show", "partition"}, {"scontrol", "show", "config"}, {"scontrol", "ping"},
                {"scontrol", "hold", "2"}, {"scontrol", "release", "2"}, {"scontrol", "update", "JobId=2", "TimeLimit=5"},
                {"scontrol", "show", "hostnames", "n[1-3]"}, {"scancel", "2"}, {"scancel", "-u", "root"},
                {"sdiag"}, {"sacct"},
                {"sbatch", "--version"}, {"squeue", "--help"},
            };
            for (String[] r : runs) command(conf, dir, r);
        }
    }

    private static void command(Path conf, Path dir, String[] r) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink);
        Map<String, String> vars = new HashMap<>(System.getenv());
        vars.put("SLURM_CONF", conf.toString());
        CommandEnv env = new CommandEnv(vars, new ByteArrayInputStream(new byte[0]), ps, ps, dir, Clock.systemUTC(),
                ZoneId.systemDefault(), new Cluster(vars, r[0]));
        try {
            Main.lookup(r[0]).run(java.util.Arrays.copyOfRange(r, 1, r.length), env);
        } catch (RuntimeException e) {
            // the stand-in controller is simple; what matters is the classes each path loaded
        }
    }

    /** Canned answers, enough for every command to walk its normal path. */
    private static Response answer(Request req, org.jslurm.auth.Identity who) {
        long now = System.currentTimeMillis() / 1000;
        NodeSpec ns = new NodeSpec("n1", "127.0.0.1", "n1", 6818, 2, 1, 1, 2, 1, 1000, 0, 1, List.of(), null);
        Node node = Node.configured(ns, NodeBase.UP, false, null, now);
        Partition part = new Partition("debug", List.of("n1"), true, "UP", -1, -1, -1, 0, false, List.of(), "NO", 1,
                1, false, -1, 0, 0);
        JobSpec.Builder sb = JobSpec.builder();
        sb.name = "wrap"; sb.userName = "root"; sb.uid = 0; sb.gid = 0; sb.workDir = "/tmp";
        Job pending = Job.pending(2, sb.build(), "debug", -1, 4294901758L, now);
        Job.Builder rb = Job.pending(1, sb.build(), "debug", 60, 4294901759L, now).toBuilder();
        rb.state = JobState.RUNNING; rb.startTime = now; rb.alloc = List.of(new NodeAlloc("n1", 1, 0)); rb.batchHost = "n1";
        Job running = rb.build();
        Response.Builder b = Response.newBuilder();
        switch (req.getBodyCase()) {
            case SUBMIT_BATCH -> b.setSubmit(SubmitReply.newBuilder().setJobId(3));
            case JOB_INFO -> b.setJobs(JobList.newBuilder().setNow(now).addJobs(Convert.toMsg(running))
                    .addJobs(Convert.toMsg(pending)));
            case NODE_INFO -> b.setNodes(NodeList.newBuilder().setNow(now).addNodes(Convert.toMsg(node, List.of("debug"))));
            case PARTITION_INFO -> b.setPartitions(PartitionList.newBuilder().setNow(now).addPartitions(Convert.toMsg(part)));
            case CONFIG -> b.setConfig(ConfigReply.newBuilder().setNow(now).setCluster("train")
                    .addEntries(ConfigEntry.newBuilder().setKey("MinJobAge").setValue("300 sec")));
            case STATS -> b.setStats(StatsReply.newBuilder().setNow(now).setSince(now));
            case KILL_JOB -> b.setKill(KillReply.newBuilder().addResults(KillResult.newBuilder().setJobId(2)));
            default -> b.setOk(Ok.getDefaultInstance());
        }
        return b.build();
    }

}
