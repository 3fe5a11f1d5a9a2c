package org.jslurm.slurmd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jslurm.config.NodeConf;
import org.jslurm.config.SlurmConf;
import org.jslurm.rpc.RpcClient;

/**
 * What slurmd takes from slurm.conf. The only class that reads {@link SlurmConf}, so the rest of
 * the daemon (and its tests) work with plain values.
 *
 * @param confPath            the file read (SLURM_CONF for jobs)
 * @param controllers         SlurmctldHost entries at SlurmctldPort, primary first
 * @param messageTimeoutS     MessageTimeout
 * @param spoolDir            SlurmdSpoolDir, with %n / %h still in it
 * @param pidFile             SlurmdPidFile, with %n
 * @param logFile             SlurmdLogFile with %n, or null
 * @param slurmUser           SlurmUser (requests from it and root are accepted)
 * @param configOverrides     SlurmdParameters contains config_overrides: report configured resources
 * @param tmpFs               TmpFS, whose size is the node's TmpDisk
 * @param prologEpilogTimeoutS PrologEpilogTimeout (0: 300 s)
 * @param slurmdPort          SlurmdPort, used for nodes without a Port of their own
 * @param nodes               every NodeName line, expanded
 */
public record SlurmdConfig(
        Path confPath,
        String clusterName,
        List<RpcClient.Address> controllers,
        int messageTimeoutS,
        String spoolDir,
        String pidFile,
        String logFile,
        String slurmUser,
        boolean configOverrides,
        String tmpFs,
        int prologEpilogTimeoutS,
        int slurmdPort,
        String authInfo,
        List<NodeInfo> nodes) {

    public SlurmdConfig {
        controllers = List.copyOf(controllers);
        nodes = List.copyOf(nodes);
    }

    /** One node this process may serve: name, where to listen, and its configured resources. */
    public record NodeInfo(String name, String addr, String hostname, int port, int cpus, int boards, int sockets,
                           int coresPerSocket, int threadsPerCore, long realMemoryMb, long tmpDiskMb) {}

    public Optional<NodeInfo> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public static SlurmdConfig from(SlurmConf c, Path confPath) {
        int ctldPort = c.getInt("SlurmctldPort", 6817);
        List<RpcClient.Address> ctl = new ArrayList<>();
        for (org.jslurm.config.ControllerHost h : c.controllers()) {
            String host = h.addr() != null && !h.addr().isEmpty() ? h.addr() : h.name();
            ctl.add(new RpcClient.Address(host, ctldPort));
        }
        int slurmdPort = c.getInt("SlurmdPort", 6818);
        List<NodeInfo> nodes = new ArrayList<>();
        for (NodeConf n : c.nodes()) {
            if (n.name().equalsIgnoreCase("DEFAULT")) continue;
            nodes.add(new NodeInfo(n.name(), n.addr() != null && !n.addr().isEmpty() ? n.addr() : n.name(),
                    n.hostname() != null && !n.hostname().isEmpty() ? n.hostname() : n.name(),
                    n.port() > 0 ? n.port() : slurmdPort, n.cpus(), n.boards(), n.sockets(), n.coresPerSocket(),
                    n.threadsPerCore(), n.realMemoryMb(), n.tmpDiskMb()));
        }
        String params = or(c.get("SlurmdParameters"), "");
        boolean overrides = false;
        for (String p : params.split(",")) {
            if (p.trim().toLowerCase(Locale.ROOT).equals("config_overrides")) overrides = true;
        }
        return new SlurmdConfig(confPath, or(c.get("ClusterName"), ""), ctl, c.getInt("MessageTimeout", 10),
                or(c.get("SlurmdSpoolDir"), "/var/spool/slurmd"), or(c.get("SlurmdPidFile"), "/var/run/slurmd.pid"),
                c.get("SlurmdLogFile"), or(c.get("SlurmUser"), "root"), overrides, or(c.get("TmpFS"), "/tmp"),
                c.getInt("PrologEpilogTimeout", 0), slurmdPort, c.get("AuthInfo"), nodes);
    }

    private static String or(String v, String d) { return v == null || v.isEmpty() ? d : v; }

    /** Expands %n (node name) and %h (node host name) in a SlurmdSpoolDir/PidFile/LogFile value. */
    public static String expand(String pattern, String node, String host) {
        if (pattern == null) return null;
        return pattern.replace("%n", node).replace("%h", host);
    }
}
