package org.jslurm.slurmd;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import org.jslurm.auth.ClusterKey;
import org.jslurm.config.ConfigException;
import org.jslurm.config.SlurmConf;
import org.jslurm.launch.Accounts;
import org.jslurm.launch.ProcessTools;
import org.jslurm.rpc.RpcClient;
import org.jslurm.slurmd.SlurmdConfig.NodeInfo;

/**
 * {@code slurmd -D -f FILE [-N NODENAME|HOSTLIST] [-L LOGFILE] [-v...] [-c] [-V]}. Always runs in
 * the foreground (daemonising is the launcher script's business); -D also copies the log to
 * stderr. The configuration comes from -f, else SLURM_CONF, else {@code $jslurm.home/etc/slurm.conf},
 * else /etc/slurm/slurm.conf.
 */
public final class SlurmdMain {
    private static final Logger LOG = Logger.getLogger(SlurmdMain.class.getName());

    private SlurmdMain() {}

    public static void main(String[] args) {
        int rc = run(args, System.getenv(), System.out, System.err);
        System.exit(rc);
    }

    /** Runs slurmd; returns only on an early exit (version, help, bad usage, fatal error). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        SlurmdOptions o;
        try {
            o = SlurmdOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(SlurmdOptions.USAGE);
            return 1;
        }
        if (o.version()) {
            out.println("slurm " + Slurmd.VERSION);
            return 0;
        }
        if (o.help()) {
            out.print(SlurmdOptions.USAGE);
            return 0;
        }
        Path confPath = confPath(o, env);
        SlurmConf conf;
        try {
            if (!Files.isReadable(confPath)) {
                err.println("slurmd: fatal: Unable to read configuration file " + confPath + ": "
                        + (Files.exists(confPath) ? "Permission denied" : "No such file or directory"));
                return 1;
            }
            conf = SlurmConf.load(confPath);
        } catch (ConfigException e) {
            err.println("slurmd: fatal: " + e.getMessage());
            return 1;
        }
        SlurmdConfig cfg = SlurmdConfig.from(conf, confPath);
        List<NodeInfo> nodes;
        try {
            nodes = Slurmd.selectNodes(cfg, o.nodes(), Slurmd.hostName());
        } catch (IllegalArgumentException e) {
            err.println("slurmd: fatal: " + e.getMessage());
            return 1;
        }
        if (nodes.isEmpty()) {
            err.println("slurmd: fatal: no node to serve");
            return 1;
        }
        NodeInfo first = nodes.get(0);
        String logFile = o.logFile() != null ? o.logFile() : SlurmdConfig.expand(cfg.logFile(), first.name(),
                first.hostname());
        try {
            LogFormat.install(logFile == null ? null : Path.of(logFile), o.foreground(), o.verbose());
        } catch (IOException e) {
            err.println("slurmd: fatal: cannot open log file " + logFile + ": " + e.getMessage());
            return 1;
        }
        Path pidFile = Path.of(SlurmdConfig.expand(cfg.pidFile(), first.name(), first.hostname()));
        if (!o.clean() && otherSlurmd(pidFile)) {
            err.println("slurmd: fatal: another slurmd is running (pid file " + pidFile + "); use -c to override");
            return 1;
        }

        int uid = Slurmd.currentId(false), gid = Slurmd.currentId(true);
        Accounts accounts = Accounts.system();
        Set<Integer> trusted = new HashSet<>(List.of(0, uid));
        accounts.byName(cfg.slurmUser()).ifPresent(a -> trusted.add(a.uid()));
        Path keyPath = Security.keyPath(cfg);
        ClusterKey key;
        try {
            key = Security.loadKey(keyPath);
        } catch (Exception e) {
            err.println("slurmd: fatal: cannot load the cluster key " + keyPath + ": " + e.getMessage());
            return 1;
        }
        if (cfg.controllers().isEmpty()) {
            err.println("slurmd: fatal: no SlurmctldHost in " + confPath);
            return 1;
        }
        RpcClient client = new RpcClient(cfg.controllers(), Security.credentials(key, uid, gid),
                Math.max(1, cfg.messageTimeoutS()) * 1000);
        Slurmd.Options opt = new Slurmd.Options(uid, trusted, Security.authenticator(key), Duration.ofSeconds(1),
                30_000, accounts, ProcessTools.Tools.find());
        Slurmd d = new Slurmd(cfg, nodes, ControllerLink.of(client), opt, Clock.systemUTC());
        try {
            d.start();
        } catch (IOException | RuntimeException e) {
            LOG.severe("slurmd: fatal: " + e.getMessage());
            err.println("slurmd: fatal: " + e.getMessage());
            d.close();
            return 1;
        }
        writePidFile(pidFile);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("slurmd shutting down; running jobs continue");
            d.close();
            try {
                if (Long.toString(ProcessHandle.current().pid()).equals(Files.readString(pidFile).strip())) {
                    Files.deleteIfExists(pidFile);
                }
            } catch (IOException ignored) {
                // gone already
            }
            stop.countDown();
        }, "slurmd-shutdown"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** -f, else SLURM_CONF, else the installation's etc/slurm.conf, else /etc/slurm/slurm.conf. */
    static Path confPath(SlurmdOptions o, Map<String, String> env) {
        if (o.confFile() != null && !o.confFile().isEmpty()) return Path.of(o.confFile());
        String v = env.get("SLURM_CONF");
        if (v != null && !v.isEmpty()) return Path.of(v);
        String home = System.getProperty("jslurm.home");
        if (home != null && !home.isEmpty()) return Path.of(home, "etc", "slurm.conf");
        return Path.of("/etc/slurm/slurm.conf");
    }

    /** True when the pid file names a live process that looks like a slurmd (not this one). */
    static boolean otherSlurmd(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
            if (pid == ProcessHandle.current().pid()) return false;
            return ProcessTools.alive(pid, -1) && ProcessTools.cmdline(pid).contains("slurmd");
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static void writePidFile(Path pidFile) {
        try {
            if (pidFile.getParent() != null) Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.warning("cannot write pid file " + pidFile + ": " + e.getMessage());
        }
    }
}
