package org.jslurm.cmd.squeue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jslurm.cmd.CommandFailed;
import org.jslurm.cmd.args.Args;
import org.jslurm.cmd.args.Args.Arg;
import org.jslurm.cmd.args.ArgsException;
import org.jslurm.cmd.args.Hosts;
import org.jslurm.model.JobState;

/**
 * squeue's options after parsing. {@code states} null means the default set (unfinished jobs);
 * {@code jobIds} null means all jobs. Environment variables (SQUEUE_FORMAT, ...) supply
 * defaults that the command line overrides.
 */
public record SqueueOptions(
        boolean help, boolean usage, boolean version,
        boolean noHeader, boolean longFormat, boolean all, boolean array, boolean start, boolean json,
        boolean noconvert, boolean steps, int verbose,
        String format, String formatLong, String sort,
        List<String> users, List<String> partitions, List<String> names, List<String> accounts,
        List<String> nodes, List<String> clusters, Set<JobState> states, List<Long> jobIds,
        int iterate) {

    static final Args ARGS = Args.of("squeue")
            .req('A', "account")
            .flag('a', "all")
            .flag('r', "array")
            .flag((char) 0, "array-unique")
            .req('M', "clusters", "cluster")
            .flag((char) 0, "federation")
            .req('o', "format")
            .req('O', "Format")
            .flag((char) 0, "help")
            .flag((char) 0, "hide")
            .req('i', "iterate")
            .opt('j', Arg.OPTIONAL, "jobs")
            .flag((char) 0, "json")
            .req('L', "licenses")
            .flag((char) 0, "local")
            .flag('l', "long")
            .flag((char) 0, "me")
            .req('n', "name")
            .flag((char) 0, "noconvert")
            .req('w', "nodelist", "node", "nodes")
            .flag('h', "noheader")
            .flag((char) 0, "only-job-state")
            .req('p', "partition")
            .flag('P', "priority")
            .req('q', "qos")
            .req('R', "reservation")
            .flag((char) 0, "sibling")
            .req('S', "sort")
            .flag((char) 0, "start")
            .req('t', "states", "state")
            .opt('s', Arg.OPTIONAL, "steps")
            .flag((char) 0, "usage")
            .req('u', "user")
            .flag('v', "verbose")
            .flag('V', "version");

    /** All states {@code -t} accepts, in the order squeue lists them when one is wrong. */
    static final String VALID_STATES = "PENDING,RUNNING,SUSPENDED,COMPLETED,CANCELLED,FAILED,TIMEOUT,"
            + "NODE_FAIL,PREEMPTED,BOOT_FAIL,DEADLINE,OUT_OF_MEMORY,COMPLETING,CONFIGURING,RESIZING,"
            + "RESV_DEL_HOLD,REQUEUED,REQUEUE_FED,REQUEUE_HOLD,REVOKED,SIGNALING,SPECIAL_EXIT,STAGE_OUT,STOPPED";

    /**
     * Parses the command line. Getopt problems throw {@link ArgsException}; bad values (a wrong
     * state, a job id that is not a number, leftover words) throw {@link CommandFailed} with
     * squeue's message.
     */
    public static SqueueOptions parse(String[] argv, Map<String, String> env, String me) throws ArgsException {
        Args.Result r = ARGS.parse(argv);
        Builder b = new Builder();
        b.fromEnv(env);
        List<String> operands = new ArrayList<>(r.operands());
        boolean jobsWithoutValue = false;
        for (Args.Item it : r.items()) {
            String v = it.value();
            switch (it.key()) {
                case "help" -> b.help = true;
                case "usage" -> b.usage = true;
                case "version" -> b.version = true;
                case "noheader" -> b.noHeader = true;
                case "long" -> b.longFormat = true;
                case "all" -> b.all = true;
                case "array" -> b.array = true;
                case "start" -> b.start = true;
                case "json" -> b.json = true;
                case "noconvert" -> b.noconvert = true;
                case "steps" -> b.steps = true;
                case "verbose" -> b.verbose++;
                case "format" -> b.format = v;
                case "Format" -> b.formatLong = v;
                case "sort" -> b.sort = v;
                case "user" -> b.users = list(v);
                case "me" -> b.users = List.of(me);
                case "partition" -> b.partitions = list(v);
                case "name" -> b.names = list(v);
                case "account" -> b.accounts = list(v);
                case "clusters" -> b.clusters = list(v);
                case "nodelist" -> b.nodes = expandNodes(v);
                case "states" -> b.states = states(v);
                case "iterate" -> b.iterate = seconds(v);
                case "jobs" -> {
                    if (v == null) jobsWithoutValue = true;
                    else b.jobIds = jobIds(v);
                }
                default -> { /* accepted for compatibility, no effect here */ }
            }
        }
        if (r.has("format") && r.has("Format")) {
            throw new CommandFailed("squeue: error: -O (--Format) is incompatible with -o (--format)", 1);
        }
        if (r.has("format")) b.formatLong = null;
        if (r.has("Format")) b.format = null;
        if (jobsWithoutValue && !operands.isEmpty()) b.jobIds = jobIds(operands.remove(0));
        if (!operands.isEmpty() && !(b.help || b.usage || b.version)) {
            throw new CommandFailed("squeue: error: Unrecognized option: " + operands.get(0) + "\n" + Squeue.USAGE, 1);
        }
        return b.build();
    }

    static List<String> list(String v) {
        if (v == null || v.isEmpty()) return List.of();
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> expandNodes(String v) {
        try {
            return Hosts.expand(v);
        } catch (IllegalArgumentException e) {
            throw new CommandFailed("squeue: error: Invalid node name " + v, 1);
        }
    }

    /** {@code all}, or a comma list of long or compact names in any case. */
    static Set<JobState> states(String v) {
        if (v.trim().equalsIgnoreCase("all")) return EnumSet.allOf(JobState.class);
        Set<JobState> s = EnumSet.noneOf(JobState.class);
        for (String name : v.split(",")) {
            if (name.isBlank()) continue;
            s.add(JobState.parse(name).orElseThrow(() -> new CommandFailed(
                    "squeue: error: Invalid job state specified: " + name
                            + "\nsqueue: error: Valid job states include: " + VALID_STATES + "\n", 1)));
        }
        return s;
    }

    /** A comma list of ids; an array element {@code 5_2} selects job 5. */
    static List<Long> jobIds(String v) {
        List<Long> ids = new ArrayList<>();
        for (String s : v.split(",")) {
            String t = s.trim();
            if (t.isEmpty()) continue;
            int us = t.indexOf('_');
            String num = us < 0 ? t : t.substring(0, us);
            try {
                long id = Long.parseLong(num);
                if (id <= 0) throw new NumberFormatException();
                ids.add(id);
            } catch (NumberFormatException e) {
                throw new CommandFailed("squeue: error: Invalid job id: " + t, 1);
            }
        }
        return ids;
    }

    private static int seconds(String v) {
        try {
            int s = Integer.parseInt(v.trim());
            if (s <= 0) throw new NumberFormatException();
            return s;
        } catch (NumberFormatException e) {
            throw new CommandFailed("squeue: error: --iterate=" + v + " is invalid", 1);
        }
    }

    /** The names given in states, for messages and JSON. */
    String statesText() {
        return states == null ? "" : states.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static final class Builder {
        boolean help, usage, version, noHeader, longFormat, all, array, start, json, noconvert, steps;
        int verbose, iterate;
        String format, formatLong, sort;
        List<String> users = List.of(), partitions = List.of(), names = List.of(), accounts = List.of();
        List<String> nodes = List.of(), clusters = List.of();
        Set<JobState> states;
        List<Long> jobIds;

        void fromEnv(Map<String, String> env) {
            format = nonEmpty(env.get("SQUEUE_FORMAT"));
            formatLong = nonEmpty(env.get("SQUEUE_FORMAT2"));
            if (formatLong != null) format = null;
            sort = nonEmpty(env.get("SQUEUE_SORT"));
            all = env.containsKey("SQUEUE_ALL");
            array = env.containsKey("SQUEUE_ARRAY");
            users = list(env.get("SQUEUE_USERS"));
            partitions = list(env.get("SQUEUE_PARTITION"));
            names = list(env.get("SQUEUE_NAMES"));
            accounts = list(env.get("SQUEUE_ACCOUNT"));
            clusters = list(env.get("SLURM_CLUSTERS"));
            String st = nonEmpty(env.get("SQUEUE_STATES"));
            if (st != null) states = states(st);
        }

        private static String nonEmpty(String s) {
            return s == null || s.isEmpty() ? null : s;
        }

        SqueueOptions build() {
            return new SqueueOptions(help, usage, version, noHeader, longFormat, all, array, start, json, noconvert,
                    steps, verbose, format, formatLong, sort, users, partitions, names, accounts, nodes, clusters,
                    states == null ? null : Set.copyOf(states), jobIds == null ? null : List.copyOf(jobIds), iterate);
        }
    }
}
