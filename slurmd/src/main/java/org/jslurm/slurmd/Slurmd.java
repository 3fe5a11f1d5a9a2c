package org.jslurm.slurmd;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import org.jslurm.auth.Authenticator;
import org.jslurm.hostlist.HostList;
import org.jslurm.launch.Accounts;
import org.jslurm.launch.JobSupervisor;
import org.jslurm.launch.ProcessTools;
import org.jslurm.rpc.Frame;
import org.jslurm.rpc.RpcServer;
import org.jslurm.slurmd.SlurmdConfig.NodeInfo;
import org.jslurm.wire.proto.NodeRegister;

/**
 * The node daemon for one or more nodes in one process: per node a job supervisor (its own spool
 * directory) and an RPC server on the node's port; shared registration/heartbeats, completion
 * reporting and one scheduler thread.
 */
public final class Slurmd implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Slurmd.class.getName());

    public static final String VERSION = "25.05.0-jslurm";

    /**
     * How to run.
     *
     * @param daemonUid    the uid this process runs as
     * @param trustedUids  callers accepted on the node ports (root, SlurmUser, the daemon's uid)
     * @param auth         verifies request credentials; null: no RPC servers (tests drive the handlers)
     * @param pollInterval how often adopted jobs are checked
     * @param maxBackoffMs longest retry delay towards slurmctld
     */
    public record Options(int daemonUid, Set<Integer> trustedUids, Authenticator auth, Duration pollInterval,
                          long maxBackoffMs, Accounts accounts, ProcessTools.Tools tools) {}

    private final SlurmdConfig cfg;
    private final List<NodeInfo> nodes;
    private final ControllerLink ctl;
    private final Options opt;
    private final Clock clock;
    private final ScheduledExecutorService sched;
    private final Map<String, JobSupervisor> supervisors = new LinkedHashMap<>();
    private final Map<String, RpcServer> servers = new ConcurrentHashMap<>();
    private final Map<String, NodeHandler> handlers = new LinkedHashMap<>();
    private final CompletionReporter reporter;
    private final Heartbeats heartbeats;
    private final long startTime;
    private NodeResources real;
    private volatile long loadReadAt;
    private volatile double load;
    private volatile long freeMem;

    public Slurmd(SlurmdConfig cfg, List<NodeInfo> nodes, ControllerLink ctl, Options opt, Clock clock) {
        this.cfg = cfg;
        this.nodes = List.copyOf(nodes);
        this.ctl = ctl;
        this.opt = opt;
        this.clock = clock;
        this.sched = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slurmd-timer");
            t.setDaemon(true);
            return t;
        });
        this.reporter = new CompletionReporter(ctl, sched, o -> {
            JobSupervisor s = supervisors.get(o.node());
            if (s != null) s.acknowledged(o);
        }, opt.maxBackoffMs());
        this.heartbeats = new Heartbeats(ctl, sched, 32, opt.maxBackoffMs());
        this.startTime = clock.millis() / 1000;
    }

    /** Creates the spool directories, recovers jobs, opens the ports and starts registering. */
    public Slurmd start() throws IOException {
        real = NodeResources.probe(cfg.tmpFs());
        ProcessTools proc = new ProcessTools(opt.tools());
        Duration hookTimeout = Duration.ofSeconds(cfg.prologEpilogTimeoutS() > 0 ? cfg.prologEpilogTimeoutS() : 300);
        for (NodeInfo n : nodes) {
            Path spool = Path.of(SlurmdConfig.expand(cfg.spoolDir(), n.name(), n.hostname()));
            JobSupervisor.Settings s = new JobSupervisor.Settings(n.name(), spool, opt.daemonUid(),
                    cfg.confPath() == null ? null : cfg.confPath().toString(), cfg.clusterName(), hookTimeout,
                    opt.pollInterval(), Duration.ofSeconds(60), HostList::compress);
            supervisors.put(n.name(), new JobSupervisor(s, opt.accounts(), proc, sched, reporter::submit, clock));
        }
        for (JobSupervisor s : supervisors.values()) s.recover();
        for (NodeInfo n : nodes) handlers.put(n.name(), new NodeHandler(n.name(), supervisors::get, opt.trustedUids()));
        if (opt.auth() != null) {
            Map<String, String> binds = new ConcurrentHashMap<>();
            for (NodeInfo n : nodes) {
                String bind = binds.computeIfAbsent(n.addr(), Slurmd::bindAddress);
                RpcServer srv = new RpcServer("slurmd " + n.name(), opt.auth(), handlers.get(n.name()),
                        Frame.DEFAULT_MAX_REQUEST, 60_000);
                try {
                    srv.start(bind, n.port());
                } catch (IOException e) {
                    throw new IOException("node " + n.name() + ": cannot listen on "
                            + (bind == null ? "*" : bind) + ":" + n.port() + ": " + e.getMessage(), e);
                }
                servers.put(n.name(), srv);
            }
        }
        long spread = Math.min(5000, 5L * nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            NodeInfo n = nodes.get(i);
            heartbeats.add(n.name(), hb -> register(n, hb), nodes.size() <= 1 ? 0 : spread * i / nodes.size());
        }
        LOG.info("slurmd version " + VERSION + " started for " + HostList.compress(nodes.stream().map(NodeInfo::name)
                .toList()) + (servers.isEmpty() ? "" : " on port" + (nodes.size() > 1 ? "s " : " ")
                + portsText()));
        return this;
    }

    private String portsText() {
        List<Integer> ports = new ArrayList<>();
        for (NodeInfo n : nodes) ports.add(port(n.name()));
        if (ports.size() <= 3) return ports.toString();
        return ports.get(0) + ".." + ports.get(ports.size() - 1);
    }

    /** The handler of a node's port (tests call it directly). */
    public NodeHandler handler(String node) { return handlers.get(node); }

    public JobSupervisor supervisor(String node) { return supervisors.get(node); }

    public Heartbeats heartbeats() { return heartbeats; }

    /** The port a node listens on (the configured one, or the ephemeral one picked for port 0). */
    public int port(String node) {
        RpcServer s = servers.get(node);
        return s == null ? -1 : s.port();
    }

    /** The NodeRegister for a node: configured or real resources, load, running jobs. */
    NodeRegister register(NodeInfo n, boolean heartbeat) {
        refreshLoad();
        boolean conf = cfg.configOverrides();
        long mem = conf && n.realMemoryMb() > 0 ? n.realMemoryMb() : real.realMemoryMb();
        NodeRegister.Builder b = NodeRegister.newBuilder().setNode(n.name())
                .setCpus(conf && n.cpus() > 0 ? n.cpus() : real.cpus())
                .setBoards(conf && n.boards() > 0 ? n.boards() : real.boards())
                .setSockets(conf && n.sockets() > 0 ? n.sockets() : real.sockets())
                .setCoresPerSocket(conf && n.coresPerSocket() > 0 ? n.coresPerSocket() : real.coresPerSocket())
                .setThreadsPerCore(conf && n.threadsPerCore() > 0 ? n.threadsPerCore() : real.threadsPerCore())
                .setRealMemoryMb(mem)
                .setTmpDiskMb(conf ? n.tmpDiskMb() : real.tmpDiskMb())
                .setBootTime(real.bootTime()).setSlurmdStartTime(startTime).setVersion(VERSION)
                .setOs(real.os()).setArch(real.arch()).setCpuLoad(load).setFreeMemMb(Math.min(freeMem, mem))
                .setHeartbeat(heartbeat);
        JobSupervisor s = supervisors.get(n.name());
        if (s != null) b.addAllRunningJobs(s.activeJobs());
        return b.build();
    }

    private void refreshLoad() {
        long now = System.nanoTime();
        if (loadReadAt != 0 && now - loadReadAt < 1_000_000_000L) return;
        load = NodeResources.loadAverage();
        freeMem = NodeResources.freeMemMb();
        loadReadAt = now;
    }

    /**
     * Where to listen for a NodeAddr: the address itself when it is one of this machine's
     * (loopback included), else every interface (null).
     */
    static String bindAddress(String addr) {
        if (addr == null || addr.isEmpty()) return null;
        try {
            InetAddress a = InetAddress.getByName(addr);
            if (a.isLoopbackAddress() || a.isAnyLocalAddress() || NetworkInterface.getByInetAddress(a) != null) {
                return a.getHostAddress();
            }
        } catch (UnknownHostException | SocketException e) {
            // not resolvable here: listen everywhere
        }
        return null;
    }

    /**
     * The nodes this process serves: the -N value (a name or hostlist), else the node whose
     * NodeName or NodeHostname is this host's short name.
     */
    public static List<NodeInfo> selectNodes(SlurmdConfig cfg, String option, String host) {
        List<NodeInfo> out = new ArrayList<>();
        if (option != null && !option.isEmpty()) {
            for (String name : HostList.expand(option)) {
                NodeInfo n = cfg.node(name).orElseThrow(() -> new IllegalArgumentException(
                        "Unable to determine this slurmd's NodeName: node " + name + " is not in slurm.conf"));
                out.add(n);
            }
            return out;
        }
        String shortHost = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        cfg.node(shortHost).ifPresent(out::add);
        if (!out.isEmpty()) return out;
        List<NodeInfo> byHost = cfg.nodes().stream().filter(n -> n.hostname().equals(shortHost)
                || n.hostname().equals(host)).toList();
        if (byHost.size() == 1) return byHost;
        if (byHost.isEmpty()) {
            throw new IllegalArgumentException("Unable to determine this slurmd's NodeName: no node in slurm.conf"
                    + " has NodeName or NodeHostname " + shortHost + " (use -N)");
        }
        throw new IllegalArgumentException("Unable to determine this slurmd's NodeName: " + byHost.size()
                + " nodes have NodeHostname " + shortHost + "; name them with -N");
    }

    /** This host's name as the kernel knows it. */
    public static String hostName() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!h.isEmpty()) return h;
        } catch (IOException e) {
            // fall through
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The uid (or with {@code gid} the gid) of this process. */
    public static int currentId(boolean gid) {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), gid ? "unix:gid" : "unix:uid");
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
    }

    /** Waits for TerminateJob work in progress on every node (tests, orderly shutdown). */
    public boolean awaitTerminations(Duration max) throws InterruptedException {
        boolean all = true;
        for (JobSupervisor s : supervisors.values()) all &= s.awaitTerminations(max);
        return all;
    }

    /** Stops serving and registering; jobs keep running and the next slurmd adopts them. */
    @Override
    public void close() {
        heartbeats.close();
        reporter.close();
        for (RpcServer s : servers.values()) s.close();
        for (JobSupervisor s : supervisors.values()) s.close();
        sched.shutdownNow();
    }
}
