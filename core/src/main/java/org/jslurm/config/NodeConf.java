package org.jslurm.config;

import java.util.List;
import java.util.Objects;

/**
 * One node as configured, after hostlist expansion and DEFAULT merging.
 *
 * @param name           the Slurm node name
 * @param addr           address to reach its slurmd (NodeAddr; defaults to the hostname)
 * @param hostname       the machine's hostname (NodeHostname; defaults to the name)
 * @param port           slurmd port (Port; defaults to the global SlurmdPort)
 * @param cpus           CPUs (alias Procs); defaults to sockets * cores * threads
 * @param boards         baseboards (Boards), default 1
 * @param sockets        total sockets (Sockets, or SocketsPerBoard * Boards), default 1
 * @param coresPerSocket CoresPerSocket, default 1
 * @param threadsPerCore ThreadsPerCore, default 1
 * @param realMemoryMb   RealMemory in megabytes, default 1
 * @param tmpDiskMb      TmpDisk in megabytes, default 0
 * @param weight         scheduling Weight, default 1 (values beyond an int are clamped)
 * @param features       Features (alias Feature), possibly empty
 * @param gres           Gres as written, or null
 * @param state          upper case: UNKNOWN (default), FUTURE, DOWN, DRAIN, IDLE, CLOUD, FAIL,
 *                       FAILING
 * @param reason         Reason, or null
 */
public record NodeConf(String name, String addr, String hostname, int port, int cpus, int boards,
                       int sockets, int coresPerSocket, int threadsPerCore, long realMemoryMb,
                       long tmpDiskMb, int weight, List<String> features, String gres,
                       String state, String reason) {

    public NodeConf {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(addr, "addr");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(state, "state");
        features = List.copyOf(features);
    }

    /** This node with another state and reason, as DownNodes lines set them. */
    public NodeConf withState(String newState, String newReason) {
        return new NodeConf(name, addr, hostname, port, cpus, boards, sockets, coresPerSocket,
                threadsPerCore, realMemoryMb, tmpDiskMb, weight, features, gres, newState, newReason);
    }
}
