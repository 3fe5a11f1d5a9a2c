package org.jslurm.ctld;

/** The names and numbers sdiag shows for each request type, as Slurm's message types. */
final class RpcNames {
    private RpcNames() {}

    record Name(String name, int code) {}

    static Name of(String bodyCase) {
        return switch (bodyCase) {
            case "PING" -> new Name("REQUEST_PING", 1008);
            case "SUBMIT_BATCH" -> new Name("REQUEST_SUBMIT_BATCH_JOB", 4003);
            case "JOB_INFO" -> new Name("REQUEST_JOB_INFO", 2003);
            case "NODE_INFO" -> new Name("REQUEST_NODE_INFO", 2007);
            case "PARTITION_INFO" -> new Name("REQUEST_PARTITION_INFO", 2009);
            case "KILL_JOB" -> new Name("REQUEST_KILL_JOB", 5032);
            case "UPDATE_JOB" -> new Name("REQUEST_UPDATE_JOB", 3001);
            case "UPDATE_NODE" -> new Name("REQUEST_UPDATE_NODE", 3002);
            case "UPDATE_PARTITION" -> new Name("REQUEST_UPDATE_PARTITION", 3005);
            case "CONFIG" -> new Name("REQUEST_BUILD_INFO", 2001);
            case "STATS" -> new Name("REQUEST_STATS_INFO", 2035);
            case "RECONFIGURE" -> new Name("REQUEST_RECONFIGURE", 1003);
            case "SHUTDOWN" -> new Name("REQUEST_SHUTDOWN", 1005);
            case "REQUEUE" -> new Name("REQUEST_JOB_REQUEUE", 5023);
            case "NODE_REGISTER" -> new Name("MESSAGE_NODE_REGISTRATION_STATUS", 1002);
            case "JOB_COMPLETE" -> new Name("REQUEST_COMPLETE_BATCH_SCRIPT", 5018);
            case "PROLOG_FAILED" -> new Name("REQUEST_COMPLETE_PROLOG", 6018);
            default -> new Name(bodyCase, 0);
        };
    }
}
