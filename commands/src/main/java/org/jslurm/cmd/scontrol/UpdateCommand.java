package org.jslurm.cmd.scontrol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jslurm.cmd.args.Hosts;
import org.jslurm.cmd.fmt.Cli;
import org.jslurm.model.SlurmException;
import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.UpdateJob;
import org.jslurm.wire.proto.UpdateNode;
import org.jslurm.wire.proto.UpdatePartition;

/**
 * {@code scontrol update SPEC}: {@code JobId=N Key=Value...} (also {@code job N ...}),
 * {@code NodeName=LIST State=... Reason=...}, {@code PartitionName=P Key=Value...}. Job keys
 * are sent as typed; the controller decides what they mean.
 */
final class UpdateCommand {
    private UpdateCommand() {}

    private static final Set<String> NODE_STATES = Set.of("DOWN", "DRAIN", "FAIL", "FAILING", "FUTURE", "IDLE",
            "RESUME", "UNDRAIN", "NORESP", "POWER_DOWN", "POWER_DOWN_ASAP", "POWER_DOWN_FORCE", "POWER_UP",
            "CANCEL_REBOOT");
    private static final Set<String> PARTITION_STATES = Set.of("UP", "DOWN", "DRAIN", "INACTIVE");

    static int run(List<String> args, Session s) {
        if (args.isEmpty()) {
            s.err("too few arguments for update keyword");
            return 1;
        }
        List<String> words = new ArrayList<>(args);
        String first = words.get(0).toLowerCase(Locale.ROOT);
        if ((first.equals("job") || first.equals("jobid")) && words.size() > 1 && !words.get(1).contains("=")) {
            words.set(1, "JobId=" + words.get(1));
            words.remove(0);
        }
        for (String w : words) {
            String key = key(w);
            if (key == null) continue;
            switch (key.toLowerCase(Locale.ROOT)) {
                case "jobid" -> { return job(words, s); }
                case "nodename" -> { return node(words, s); }
                case "partitionname" -> { return partition(words, s); }
                default -> { }
            }
        }
        s.err("No valid entity in update command");
        s.err("Input line must include \"NodeName\", \"PartitionName\", \"Reservation\", \"JobId\", or \"SlurmctldDebug\"");
        return 1;
    }

    private static String key(String word) {
        int eq = word.indexOf('=');
        return eq > 0 ? word.substring(0, eq) : null;
    }

    private static String value(String word) { return word.substring(word.indexOf('=') + 1); }

    /** Reports a word that is not {@code Key=Value}; null when all are. */
    private static String invalid(List<String> words) {
        for (String w : words) if (key(w) == null) return w;
        return null;
    }

    private static int job(List<String> words, Session s) {
        String bad = invalid(words);
        if (bad != null) {
            s.err("Invalid input: " + bad);
            s.err("Request aborted");
            return 1;
        }
        List<Long> ids = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String w : words) {
            if (key(w).equalsIgnoreCase("jobid")) {
                for (String id : value(w).split(",")) {
                    Long v = ShowCommand.jobId(id);
                    if (v == null) {
                        s.err("Invalid JobId value: " + id);
                        return 1;
                    }
                    ids.add(v);
                }
            } else {
                fields.put(key(w), value(w));
            }
        }
        int rc = 0;
        for (long id : ids) {
            try {
                s.env.cluster().call(Request.newBuilder().setUpdateJob(
                        UpdateJob.newBuilder().setJobId(id).putAllFields(fields)));
            } catch (SlurmException | RpcClient.UnreachableException e) {
                s.err(Cli.message(e) + " for job " + id);
                rc = 1;
            }
        }
        return rc;
    }

    private static int node(List<String> words, Session s) {
        String bad = invalid(words);
        if (bad != null) {
            s.err("Invalid input: " + bad);
            s.err("Request aborted");
            return 1;
        }
        UpdateNode.Builder u = UpdateNode.newBuilder();
        String state = null;
        boolean reason = false;
        for (String w : words) {
            String k = key(w), v = value(w);
            switch (k.toLowerCase(Locale.ROOT)) {
                case "nodename" -> {
                    try {
                        u.addAllNames(Hosts.expand(v));
                    } catch (IllegalArgumentException e) {
                        s.err("slurm_update error: Invalid node name specified");
                        return 1;
                    }
                }
                case "state" -> {
                    state = v.toUpperCase(Locale.ROOT);
                    if (!NODE_STATES.contains(state)) {
                        s.err("Invalid input: " + w);
                        s.err("Request aborted");
                        s.err("Valid states are: NoResp DRAIN FAIL FUTURE RESUME POWER_DOWN POWER_UP UNDRAIN");
                        s.err("Not all states are valid given a node's prior state");
                        return 1;
                    }
                    u.setState(state);
                }
                case "reason" -> {
                    reason = true;
                    u.setReason(v);
                }
                default -> u.putFields(k, v);
            }
        }
        if (state != null && !reason && (state.equals("DOWN") || state.equals("DRAIN") || state.equals("FAIL"))) {
            s.err("You must specify a reason when DOWNING or DRAINING a node. Request denied");
            return 1;
        }
        return send(s, Request.newBuilder().setUpdateNode(u));
    }

    private static int partition(List<String> words, Session s) {
        String bad = invalid(words);
        if (bad != null) {
            s.err("Invalid input: " + bad);
            s.err("Request aborted");
            return 1;
        }
        UpdatePartition.Builder u = UpdatePartition.newBuilder();
        for (String w : words) {
            String k = key(w), v = value(w);
            if (k.equalsIgnoreCase("partitionname")) {
                u.setName(v);
                continue;
            }
            if (k.equalsIgnoreCase("state") && !PARTITION_STATES.contains(v.toUpperCase(Locale.ROOT))) {
                s.err("scontrol: error: Invalid input: " + w);
                s.err("scontrol: error: Acceptable State values are UP, DOWN, DRAIN and INACTIVE");
                return 1;
            }
            u.putFields(k, v);
        }
        return send(s, Request.newBuilder().setUpdatePartition(u));
    }

    private static int send(Session s, Request.Builder r) {
        try {
            s.env.cluster().call(r);
            return 0;
        } catch (SlurmException | RpcClient.UnreachableException e) {
            s.err("slurm_update error: " + Cli.message(e));
            return 1;
        }
    }
}
