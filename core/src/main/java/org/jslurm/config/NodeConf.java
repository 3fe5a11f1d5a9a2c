package org.jslurm.config;
import java.util.List;
/** STUB: replaced by the config package (branch h1). */
public record NodeConf(String name, String addr, String hostname, int port, int cpus, int boards, int sockets,
        int coresPerSocket, int threadsPerCore, long realMemoryMb, long tmpDiskMb, int weight, List<String> features,
        String gres, String state, String reason) {}
