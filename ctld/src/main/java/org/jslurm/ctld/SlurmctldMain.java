package org.jslurm.ctld;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jslurm.auth.AuthException;
import org.jslurm.auth.Authenticator;
import org.jslurm.auth.ClusterKey;
import org.jslurm.auth.Credential;
import org.jslurm.auth.CredentialClient;
import org.jslurm.auth.CredentialServer;
import org.jslurm.auth.UserDb;
import org.jslurm.config.ConfigException;
import org.jslurm.config.SlurmConf;
import org.jslurm.daemon.Logs;
import org.jslurm.journal.EventCodec;
import org.jslurm.journal.Journal;
import org.jslurm.rpc.Convert;
import org.jslurm.rpc.Frame;
import org.jslurm.rpc.RpcServer;
import org.jslurm.sched.FifoScheduler;
import org.jslurm.state.ClusterState;
import org.jslurm.state.Event;

/**
 * slurmctld: {@code slurmctld [-D] [-f FILE] [-c] [-i] [-L LOGFILE] [-v...] [-V]}. Loads slurm.conf,
 * recovers state from the journal, and serves requests until shut down.
 */
public final class SlurmctldMain {
    private static final Logger LOG = Logger.getLogger("org.jslurm.ctld");
    public static final String VERSION = "slurm 25.05.0-jslurm";

    record Options(Path conf, boolean clear, boolean ignoreErrors, Path logFile, int verbosity) {}

    public static void main(String[] args) {
        try {
            Options o = parse(args);
            if (o == null) return;
            new SlurmctldMain().run(o);
            Thread.currentThread().join(); // serve until shutdown calls System.exit
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Fatal e) {
            System.err.println("slurmctld: error: " + e.getMessage());
            System.exit(1);
        }
    }

    static final class Fatal extends RuntimeException {
        Fatal(String m) { super(m); }
    }

    static Options parse(String[] args) {
        Path conf = null, log = null;
        boolean clear = false, ignore = false;
        int v = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-D", "-R", "-s" -> { }
                case "-c" -> clear = true;
                case "-i" -> ignore = true;
                case "-f" -> conf = Path.of(need(args, ++i, a));
                case "-L" -> log = Path.of(need(args, ++i, a));
                case "-n" -> need(args, ++i, a);
                case "-V", "--version" -> {
                    System.out.println(VERSION);
                    return null;
                }
                case "-h", "--help", "--usage" -> {
                    System.out.println("Usage: slurmctld [-D] [-f file] [-c] [-i] [-L logfile] [-v...] [-V]");
                    return null;
                }
                default -> {
                    if (a.matches("-v+")) v += a.length() - 1;
                    else if (a.startsWith("-f") && a.length() > 2) conf = Path.of(a.substring(2));
                    else if (a.startsWith("-L") && a.length() > 2) log = Path.of(a.substring(2));
                    else throw new Fatal("invalid option " + a + "\nUsage: slurmctld [-D] [-f file] [-c] [-i] [-L logfile] [-v...] [-V]");
                }
            }
        }
        if (conf == null) conf = defaultConf();
        return new Options(conf, clear, ignore, log, v);
    }

    static Path defaultConf() {
        String env = System.getenv("SLURM_CONF");
        if (env != null && !env.isEmpty()) return Path.of(env);
        String home = System.getProperty("jslurm.home");
        return home != null ? Path.of(home, "etc", "slurm.conf") : Path.of("/etc/slurm/slurm.conf");
    }

    private static String need(String[] args, int i, String opt) {
        if (i >= args.length) throw new Fatal("option requires an argument -- '" + opt.substring(1) + "'");
        return args[i];
    }

    private FileLock stateLock;
    private volatile boolean stopping;

    void run(Options o) {
        SlurmConf conf;
        try {
            conf = SlurmConf.load(o.conf());
        } catch (ConfigException e) {
            throw new Fatal(e.getMessage());
        }
        Path logFile = o.logFile() != null ? o.logFile() : pathOrNull(conf.get("SlurmctldLogFile"));
        try {
            Logs.setup(logFile, o.verbosity());
        } catch (IOException e) {
            throw new Fatal("unable to open log file " + logFile + ": " + e.getMessage());
        }
        conf.warnings().forEach(LOG::warning);

        String authInfo = conf.get("AuthInfo");
        Path keyPath = ClusterKey.keyFromAuthInfo(authInfo).orElse(ClusterKey.defaultPath(o.conf()));
        ClusterKey key;
        try {
            key = ClusterKey.load(keyPath);
        } catch (AuthException e) {
            throw new Fatal(e.getMessage());
        }
        UserDb userDb = new UserDb();
        int slurmUid = userDb.uidOf(conf.get("SlurmUser", "root")).orElse(0);
        Settings settings = CtldConfig.settings(conf, slurmUid);
        Clock clock = Clock.systemUTC();
        long now = clock.millis() / 1000;

        Path stateDir = Path.of(conf.get("StateSaveLocation", "/var/spool/slurmctld"));
        lockStateDir(stateDir);
        Path journalDir = stateDir.resolve("journal");
        if (o.clear()) clearState(journalDir);

        ClusterState state = new ClusterState(CtldConfig.nodes(conf, now), CtldConfig.partitions(conf),
                settings.firstJobId());
        Journal opened;
        try {
            opened = Journal.open(journalDir, this::fatal, r -> recover(state, r));
        } catch (IOException | RuntimeException e) {
            if (!o.ignoreErrors()) throw new Fatal("unable to recover state from " + journalDir + ": " + e.getMessage()
                    + " (start with -i to ignore what cannot be read, or -c to clear all state)");
            LOG.severe("state recovery failed, starting with what could be read: " + e.getMessage());
            clearState(journalDir);
            try {
                opened = Journal.open(journalDir, this::fatal, r -> { });
            } catch (IOException e2) {
                throw new Fatal(e2.getMessage());
            }
        }

        Journal journal = opened;
        Users users = new OsUsers(userDb);
        Stats stats = new Stats(now);
        int timeoutMs = conf.getInt("MessageTimeout", 10) * 1000;
        Clock credClock = clock;
        RpcNodeAgent agent = new RpcNodeAgent(() -> Credential.issue(key, (int) UserDb.currentUid(),
                UserDb.currentGid(), Duration.ofSeconds(300), credClock).encode(), settings, timeoutMs);
        Controller ctl = new Controller(state, journal, settings, agent, users, clock, stats);
        SchedulerLoop sched = new SchedulerLoop(ctl, new FifoScheduler(conf.getInt("JslurmMaxStartsPerPass", 1000)));
        ctl.onWork(sched::wake);

        Dispatcher dispatcher = new Dispatcher(ctl, () -> CtldConfig.showConfig(conf, o.conf()), users,
                () -> shutdown(ctl, journal, sched, 0), () -> LOG.info("reconfigure requested: "
                        + "reloading slurm.conf takes effect at the next restart"));
        RpcServer server = new RpcServer("slurmctld", new Authenticator(key, clock, false), dispatcher,
                Frame.DEFAULT_MAX_REQUEST, timeoutMs * 3);
        int port = conf.getInt("SlurmctldPort", 6817);
        String bind = bindAddress(conf);
        try {
            server.start(bind, port);
        } catch (IOException e) {
            throw new Fatal("unable to bind " + (bind == null ? "*" : bind) + ":" + port + ": " + e.getMessage());
        }
        startCredentialService(authInfo, key, userDb, clock);
        String pidErr = Logs.writePidFile(pathOrNull(conf.get("SlurmctldPidFile", "/var/run/slurmctld.pid")));
        if (pidErr != null) LOG.warning(pidErr);

        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "timers");
            t.setDaemon(true);
            return t;
        });
        timers.scheduleWithFixedDelay(guard("time limits", ctl::enforceTimeLimits), 1, 1, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(guard("node timeouts", ctl::checkNodeTimeouts), 2, 2, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(guard("purge", ctl::purgeOldJobs), 1, Math.max(1, Math.min(30,
                settings.minJobAgeS() / 2 + 1)), TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(guard("snapshot", () -> {
            try {
                ctl.maybeSnapshot(false);
            } catch (IOException e) {
                LOG.severe("snapshot failed: " + e.getMessage());
            }
        }), 10, 10, TimeUnit.SECONDS);
        sched.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(ctl, journal, sched, -1)));
        LOG.info("slurmctld version 25.05.0-jslurm started on cluster " + settings.clusterName() + ", port "
                + server.port() + ", " + state.jobCount() + " jobs recovered");
        sched.wake();
    }

    private void recover(ClusterState state, Journal.Recovered r) {
        if (r.snapshot() != null) {
            var s = r.snapshot();
            for (var p : s.getPartitionsList()) state.apply(new Event.PartitionModified(Convert.fromMsg(p)));
            for (var n : s.getNodesList()) state.apply(EventCodec.nodeState(n));
            for (var j : s.getJobsList()) state.restoreJob(Convert.fromMsg(j));
            state.restoreCounters(s.getNextJobId(), s.getLastPriority());
        }
        for (Event e : r.events()) state.apply(e);
        LOG.info("recovered " + state.jobCount() + " jobs (snapshot " + (r.snapshot() == null ? "none"
                : "at " + r.snapshot().getSeq()) + ", " + r.events().size() + " journal records)");
    }

    private void fatal(Throwable t) {
        LOG.severe("cannot write state any more (" + t + "): stopping so that nothing is acknowledged unsaved");
        Runtime.getRuntime().halt(1);
    }

    private synchronized void shutdown(Controller ctl, Journal journal, SchedulerLoop sched, int exit) {
        if (stopping) return;
        stopping = true;
        sched.stop();
        try {
            ctl.maybeSnapshot(true);
        } catch (IOException | RuntimeException e) {
            LOG.warning("final snapshot failed: " + e.getMessage());
        }
        journal.close();
        LOG.info("slurmctld stopped");
        if (exit >= 0) System.exit(exit);
    }

    private void lockStateDir(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve("slurmctld.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            stateLock = ch.tryLock();
            if (stateLock == null) throw new Fatal("another slurmctld is running with StateSaveLocation " + dir);
        } catch (IOException e) {
            throw new Fatal("unable to use StateSaveLocation " + dir + ": " + e.getMessage());
        }
    }

    private static void clearState(Path journalDir) {
        if (!Files.isDirectory(journalDir)) return;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(journalDir)) {
            for (Path p : ds) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new Fatal("unable to clear state in " + journalDir + ": " + e.getMessage());
        }
        LOG.info("cleared saved state (-c)");
    }

    private static String bindAddress(SlurmConf conf) {
        for (var h : conf.controllers()) {
            String addr = h.addr() != null ? h.addr() : h.name();
            try {
                InetAddress a = InetAddress.getByName(addr);
                if (a.isLoopbackAddress() || java.net.NetworkInterface.getByInetAddress(a) != null) {
                    return a.getHostAddress();
                }
            } catch (IOException e) {
                // not resolvable here: try the next controller entry
            }
        }
        return null;
    }

    private static void startCredentialService(String authInfo, ClusterKey key, UserDb users, Clock clock) {
        Path socket = ClusterKey.socketFromAuthInfo(authInfo).orElse(CredentialClient.DEFAULT_SOCKET);
        try {
            CredentialServer s = new CredentialServer(socket, key, users, ClusterKey.ttlFromAuthInfo(authInfo), clock);
            s.start();
            LOG.info("credential service listening on " + socket);
        } catch (IOException | RuntimeException e) {
            LOG.fine("credential service not started here (" + e.getMessage() + ")");
        }
    }

    private static Runnable guard(String what, Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, what + " failed", e);
            }
        };
    }

    private static Path pathOrNull(String s) { return s == null || s.isBlank() ? null : Path.of(s); }

    /** The OS user database as the controller's {@link Users}. */
    record OsUsers(UserDb db) implements Users {
        @Override
        public String nameOf(int uid) { return db.nameOf(uid).orElse(String.valueOf(uid)); }

        @Override
        public Set<Integer> groupsOf(int uid) {
            return db.nameOf(uid).map(n -> (Set<Integer>) new HashSet<>(db.groupsOf(n))).orElse(Set.of());
        }

        @Override
        public int gidOf(String group) { return db.gidOf(group).orElse(-1); }
    }
}
