package org.jslurm.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A real jslurm cluster for one test class: a slurm.conf with ephemeral ports on 127.0.0.1 in a
 * temp dir, a cluster key, slurmctld and slurmd started from the built distribution's launchers,
 * and the real commands to drive it — as root or, through setpriv, as another Unix user.
 */
final class TestCluster implements AutoCloseable {
    static final Path DIST = Path.of(System.getProperty("jslurm.dist", "../dist/target/jslurm")).toAbsolutePath();

    /** What a command printed and returned. */
    record Result(String out, String err, int rc) {
        @Override
        public String toString() { return "rc=" + rc + "\n--- stdout\n" + out + "--- stderr\n" + err; }
    }

    final Path dir;
    final Path conf;
    final Path work;
    final int ctldPort;
    final int nodes;
    final String extraConf;
    private Process ctld;
    private Process slurmd;

    TestCluster(int nodes, String extraConf) throws IOException {
        this.nodes = nodes;
        this.extraConf = extraConf;
        this.dir = Files.createTempDirectory("jslurm-it-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        this.work = dir.resolve("work");
        Files.createDirectories(work);
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        this.conf = dir.resolve("etc/slurm.conf");
        Files.createDirectories(conf.getParent());
        int[] ports = freePorts(nodes + 1);
        this.ctldPort = ports[0];
        StringBuilder c = new StringBuilder();
        c.append("ClusterName=it\nSlurmctldHost=localhost(127.0.0.1)\nSlurmctldPort=").append(ctldPort).append('\n')
                .append("SlurmUser=root\nStateSaveLocation=").append(dir.resolve("state")).append('\n')
                .append("SlurmdSpoolDir=").append(dir.resolve("spool/%n")).append('\n')
                .append("SlurmctldPidFile=").append(dir.resolve("run/slurmctld.pid")).append('\n')
                .append("SlurmdPidFile=").append(dir.resolve("run/slurmd.pid")).append('\n')
                .append("SlurmctldLogFile=").append(dir.resolve("log/slurmctld.log")).append('\n')
                .append("SlurmdLogFile=").append(dir.resolve("log/slurmd.log")).append('\n')
                .append("AuthType=auth/slurm\nAuthInfo=socket=").append(dir.resolve("run/auth.sock")).append('\n')
                .append("SlurmdParameters=config_overrides\nReturnToService=2\nKillWait=2\nMinJobAge=300\n")
                .append(extraConf).append('\n')
                .append("NodeName=n[1-").append(nodes).append("] NodeAddr=127.0.0.1 Port=[").append(ports[1])
                .append('-').append(ports[nodes]).append("] CPUs=2 RealMemory=1000\n")
                .append("PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP\n");
        Files.writeString(conf, c);
        Path key = dir.resolve("etc/slurm.key");
        Files.write(key, new java.security.SecureRandom().generateSeed(32));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(conf.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static int[] freePorts(int n) throws IOException {
        int[] out = new int[n];
        List<ServerSocket> held = new ArrayList<>();
        try {
            // consecutive ports are needed for the node range: probe from a random base
            int base = 20000 + new java.util.Random().nextInt(30000);
            outer:
            for (int start = base; start < 65000 - n; start += n) {
                for (ServerSocket s : held) s.close();
                held.clear();
                for (int i = 0; i < n; i++) {
                    try {
                        held.add(new ServerSocket(start + i, 1, java.net.InetAddress.getByName("127.0.0.1")));
                    } catch (IOException busy) {
                        continue outer;
                    }
                }
                for (int i = 0; i < n; i++) out[i] = start + i;
                return out;
            }
            throw new IOException("no free port range");
        } finally {
            for (ServerSocket s : held) s.close();
        }
    }

    TestCluster start() throws Exception {
        startCtld();
        startSlurmd();
        waitFor("all nodes idle", Duration.ofSeconds(60), () -> idleNodes() == nodes);
        return this;
    }

    void startCtld(String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/slurmctld").toString(), "-D", "-f", conf.toString()));
        cmd.addAll(List.of(extra));
        ctld = spawn(cmd, "slurmctld.out");
        waitFor("slurmctld answers ping", Duration.ofSeconds(60), () -> run("scontrol", "ping").rc() == 0);
    }

    void startSlurmd() throws Exception {
        slurmd = spawn(List.of(DIST.resolve("bin/slurmd").toString(), "-D", "-f", conf.toString(), "-N",
                "n[1-" + nodes + "]"), "slurmd.out");
    }

    Process ctldProcess() { return ctld; }
    Process slurmdProcess() { return slurmd; }

    void killCtld() throws InterruptedException { kill9(ctld); }
    void killSlurmd() throws InterruptedException { kill9(slurmd); }

    private static void kill9(Process p) throws InterruptedException {
        if (p == null) return;
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    private Process spawn(List<String> cmd, String outName) throws IOException {
        Files.createDirectories(dir.resolve("log"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SLURM_CONF", conf.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("log").resolve(outName).toFile()));
        return pb.start();
    }

    int idleNodes() {
        Result r = run("sinfo", "-h", "-N", "-o", "%t");
        if (r.rc() != 0) return -1;
        return (int) r.out().lines().filter(l -> l.trim().equals("idle")).count();
    }

    /** Runs a command from the distribution as the current user (root in CI). */
    Result run(String cmd, String... args) {
        return runIn(work, null, null, cmd, args);
    }

    /** Runs a command as another Unix user (setpriv), in the shared work directory. */
    Result runAs(String user, String cmd, String... args) {
        return runIn(work, user, null, cmd, args);
    }

    Result runWithInput(String input, String cmd, String... args) {
        return runIn(work, null, input, cmd, args);
    }

    Result runIn(Path cwd, String user, String input, String cmd, String... args) {
        List<String> argv = new ArrayList<>();
        if (user != null) argv.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--"));
        argv.add(DIST.resolve("bin").resolve(cmd).toString());
        argv.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
            Map<String, String> env = pb.environment();
            env.put("SLURM_CONF", conf.toString());
            if (user != null) {
                env.put("USER", user);
                env.put("HOME", "/tmp");
            }
            Process p = pb.start();
            if (input != null) p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            var out = Thread.ofVirtual().start(() -> {});
            byte[][] bufs = new byte[2][];
            Thread t1 = Thread.ofVirtual().start(() -> bufs[0] = readAll(p.getInputStream()));
            Thread t2 = Thread.ofVirtual().start(() -> bufs[1] = readAll(p.getErrorStream()));
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("command timed out: " + argv);
            }
            t1.join();
            t2.join();
            out.join();
            return new Result(new String(bufs[0], StandardCharsets.UTF_8), new String(bufs[1], StandardCharsets.UTF_8),
                    p.exitValue());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + argv + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Submits a job and returns its id. */
    long submit(String... sbatchArgs) {
        Result r = run("sbatch", sbatchArgs);
        if (r.rc() != 0 || !r.out().startsWith("Submitted batch job ")) throw new AssertionError("sbatch failed: " + r);
        return Long.parseLong(r.out().trim().substring("Submitted batch job ".length()));
    }

    /** The job's state as squeue -t all prints it (%T), or "" if the controller no longer knows it. */
    String state(long jobId) {
        Result r = run("squeue", "-h", "-t", "all", "-j", String.valueOf(jobId), "-o", "%T");
        return r.rc() == 0 ? r.out().trim() : "";
    }

    /** A field of scontrol show job, e.g. field(5, "ExitCode"). */
    String field(long jobId, String key) {
        Result r = run("scontrol", "-o", "show", "job", String.valueOf(jobId));
        for (String tok : r.out().trim().split(" ")) {
            if (tok.startsWith(key + "=")) return tok.substring(key.length() + 1);
        }
        return null;
    }

    String waitForState(long jobId, Duration timeout, String... states) {
        List<String> want = List.of(states);
        String[] last = {""};
        waitFor("job " + jobId + " in " + want, timeout, () -> want.contains(last[0] = state(jobId)));
        return last[0];
    }

    static void waitFor(String what, Duration timeout, BooleanSupplier cond) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long sleep = 20;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep = Math.min(250, sleep * 2);
        }
    }

    static <T> T eventually(String what, Duration timeout, Supplier<T> get, java.util.function.Predicate<T> ok) {
        Object[] box = new Object[1];
        waitFor(what, timeout, () -> ok.test((T) (box[0] = get.get())));
        @SuppressWarnings("unchecked") T t = (T) box[0];
        return t;
    }

    String log(String name) {
        try {
            return Files.readString(dir.resolve("log").resolve(name));
        } catch (IOException e) {
            return "";
        }
    }

    static Map<String, String> kv(String line) {
        Map<String, String> m = new HashMap<>();
        for (String tok : line.trim().split(" ")) {
            int i = tok.indexOf('=');
            if (i > 0) m.put(tok.substring(0, i), tok.substring(i + 1));
        }
        return m;
    }

    @Override
    public void close() throws Exception {
        for (Process p : new Process[] {slurmd, ctld}) {
            if (p != null && p.isAlive()) {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            }
        }
        // jobs left running by a failed test: kill their process groups via the spool pid files
        try (var s = Files.walk(dir.resolve("spool"))) {
            s.filter(p -> p.getFileName().toString().equals("pid")).forEach(p -> {
                try {
                    String pid = Files.readString(p).trim();
                    new ProcessBuilder("kill", "-9", "-" + pid).start().waitFor();
                } catch (Exception ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // no spool
        }
        if (!Boolean.getBoolean("jslurm.keep")) deleteTree(dir);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
        }
    }
}
