package org.jslurm.cmd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jslurm.auth.AuthException;
import org.jslurm.auth.ClusterKey;
import org.jslurm.auth.CredentialClient;
import org.jslurm.config.ConfigException;
import org.jslurm.config.SlurmConf;
import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;

/**
 * The cluster as a command sees it: slurm.conf (from {@code SLURM_CONF}, else the installation's
 * {@code etc/slurm.conf}) and a client for slurmctld that signs each request with a credential
 * from the cluster key or the local credential service. Loaded lazily: {@code sbatch --help}
 * must not need a cluster.
 */
public class Cluster {
    private final Map<String, String> vars;
    private final String command;
    private SlurmConf conf;
    private RpcClient client;

    public Cluster(Map<String, String> vars, String command) {
        this.vars = vars;
        this.command = command;
    }

    /** Path of slurm.conf: SLURM_CONF, else {@code $JSLURM_HOME/etc/slurm.conf}, else /etc/slurm/slurm.conf. */
    public Path confPath() {
        String p = vars.get("SLURM_CONF");
        if (p != null && !p.isEmpty()) return Path.of(p);
        String home = System.getProperty("jslurm.home");
        if (home != null) return Path.of(home, "etc", "slurm.conf");
        return Path.of("/etc/slurm/slurm.conf");
    }

    /** The parsed configuration; a broken file ends the command with a clear error (CommandFailed). */
    public synchronized SlurmConf conf() {
        if (conf == null) {
            Path p = confPath();
            if (!Files.isReadable(p)) {
                throw new CommandFailed("error: s_p_parse_file: unable to read \"" + p + "\": "
                        + (Files.exists(p) ? "Permission denied" : "No such file or directory"), 1);
            }
            try {
                conf = SlurmConf.load(p);
            } catch (ConfigException e) {
                throw new CommandFailed("error: " + e.getMessage(), 1);
            }
        }
        return conf;
    }

    /** Sends a request to slurmctld (primary, then backups). Error replies throw SlurmException. */
    public Response call(Request.Builder request) {
        return client().call(request);
    }

    public synchronized RpcClient client() {
        if (client == null) {
            SlurmConf c = conf();
            int port = c.getInt("SlurmctldPort", 6817);
            List<RpcClient.Address> addrs = new ArrayList<>();
            for (var h : c.controllers()) addrs.add(new RpcClient.Address(h.addr() != null ? h.addr() : h.name(), port));
            int timeoutMs = c.getInt("MessageTimeout", 10) * 1000;
            client = new RpcClient(addrs, this::credential, timeoutMs);
        }
        return client;
    }

    /** The cluster's name (ClusterName in slurm.conf), or "cluster" when not set. */
    public String clusterName() {
        String n = conf().get("ClusterName");
        return n == null || n.isEmpty() ? "cluster" : n;
    }

    /** The configured controllers' host names, primary first (for scontrol ping). */
    public List<String> controllerNames() {
        List<String> names = new ArrayList<>();
        for (var h : conf().controllers()) names.add(h.name());
        return names;
    }

    /**
     * Sends a request to one controller only ({@code index} into {@link #controllerNames()}),
     * without falling back to the others. Throws like {@link #call}.
     */
    public Response callController(int index, Request.Builder request) {
        SlurmConf c = conf();
        var h = c.controllers().get(index);
        int port = c.getInt("SlurmctldPort", 6817);
        RpcClient one = new RpcClient(List.of(new RpcClient.Address(h.addr() != null ? h.addr() : h.name(), port)),
                this::credential, c.getInt("MessageTimeout", 10) * 1000);
        return one.call(request);
    }

    private byte[] credential() {
        SlurmConf c = conf();
        String authInfo = c.get("AuthInfo");
        Path key = ClusterKey.keyFromAuthInfo(authInfo).orElse(ClusterKey.defaultPath(confPath()));
        Path socket = ClusterKey.socketFromAuthInfo(authInfo).orElse(CredentialClient.DEFAULT_SOCKET);
        try {
            return CredentialClient.credentialFor(key, socket, ClusterKey.ttlFromAuthInfo(authInfo));
        } catch (AuthException e) {
            throw new CommandFailed(command + ": error: " + e.getMessage(), 1);
        }
    }

}
