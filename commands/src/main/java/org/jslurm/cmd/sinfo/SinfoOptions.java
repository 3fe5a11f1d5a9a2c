package org.jslurm.cmd.sinfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jslurm.cmd.CommandFailed;
import org.jslurm.cmd.args.Args;
import org.jslurm.cmd.args.ArgsException;
import org.jslurm.cmd.args.Hosts;
import org.jslurm.cmd.fmt.NodeStates;
import org.jslurm.model.Node;

/**
 * sinfo's options after parsing. {@code states} holds the {@code -t} alternatives, each a list of
 * names that must all match ({@code idle&drain}); empty means any state.
 */
public record SinfoOptions(
        boolean help, boolean usage, boolean version,
        boolean all, boolean dead, boolean responding, boolean exact, boolean noHeader, boolean longFormat,
        boolean nodeOriented, boolean reasons, boolean summarize, boolean reservations, boolean json,
        int verbose, int iterate,
        String format, String formatLong, String sort,
        List<String> partitions, List<String> nodes, List<List<String>> states, List<String> clusters) {

    static final Args ARGS = Args.of("sinfo")
            .flag('a', "all")
            .req('M', "clusters", "cluster")
            .flag('d', "dead")
            .flag('e', "exact")
            .flag((char) 0, "federation")
            .req('o', "format")
            .req('O', "Format")
            .flag((char) 0, "help")
            .flag((char) 0, "hide")
            .req('i', "iterate")
            .flag((char) 0, "json")
            .flag('R', "list-reasons")
            .flag((char) 0, "local")
            .flag('l', "long")
            .flag('N', "Node")
            .req('n', "nodes")
            .flag((char) 0, "noconvert")
            .flag('h', "noheader")
            .req('p', "partition")
            .flag('T', "reservation")
            .flag('r', "responding")
            .req('S', "sort")
            .req('t', "states", "state")
            .flag('s', "summarize")
            .flag((char) 0, "usage")
            .flag('v', "verbose")
            .flag('V', "version");

    static final String VALID_STATES = "unknown,down,idle,allocated,?,mixed,future,drain,drained,draining,"
            + "no_respond,reserved,perfctrs,cloud,completing,powering_down,powered_down,power_down,powering_up,"
            + "fail,maint,reboot,reboot^,unknown";

    public static SinfoOptions parse(String[] argv, Map<String, String> env) throws ArgsException {
        Args.Result r = ARGS.parse(argv);
        boolean all = env.containsKey("SINFO_ALL");
        String format = blank(env.get("SINFO_FORMAT"));
        String formatLong = null;
        String sort = blank(env.get("SINFO_SORT"));
        List<String> partitions = list(env.get("SINFO_PARTITION"));
        List<String> clusters = list(env.get("SLURM_CLUSTERS"));
        List<String> nodes = List.of();
        List<List<String>> states = List.of();
        int iterate = 0;
        for (Args.Item it : r.items()) {
            String v = it.value();
            switch (it.key()) {
                case "all" -> all = true;
                case "format" -> { format = v; formatLong = null; }
                case "Format" -> { formatLong = v; format = null; }
                case "sort" -> sort = v;
                case "partition" -> partitions = list(v);
                case "clusters" -> clusters = list(v);
                case "nodes" -> nodes = expand(v);
                case "states" -> states = states(v);
                case "iterate" -> iterate = seconds(v);
                default -> { }
            }
        }
        if (!r.operands().isEmpty() && !r.has("help") && !r.has("usage") && !r.has("version")) {
            throw new CommandFailed("sinfo: error: Unrecognized option: " + r.operands().get(0) + "\n" + Sinfo.USAGE, 1);
        }
        return new SinfoOptions(r.has("help"), r.has("usage"), r.has("version"), all, r.has("dead"), r.has("responding"),
                r.has("exact"), r.has("noheader"), r.has("long"), r.has("Node"), r.has("list-reasons"),
                r.has("summarize"), r.has("reservation"), r.has("json"), r.count("verbose"), iterate, format,
                formatLong, sort, partitions, nodes, states, clusters);
    }

    private static String blank(String s) { return s == null || s.isEmpty() ? null : s; }

    static List<String> list(String v) {
        if (v == null || v.isEmpty()) return List.of();
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> expand(String v) {
        try {
            return Hosts.expand(v);
        } catch (IllegalArgumentException e) {
            throw new CommandFailed("sinfo: error: Invalid node name list: " + v, 1);
        }
    }

    /** {@code a,b} means a or b; {@code a&b} means both. Names are checked here. */
    static List<List<String>> states(String v) {
        List<List<String>> alts = new ArrayList<>();
        for (String alt : v.split(",")) {
            List<String> all = new ArrayList<>();
            for (String s : alt.split("&")) {
                String name = s.trim();
                if (name.isEmpty()) continue;
                if (NodeStates.matches(PROBE, name) == null && !name.equalsIgnoreCase("all")) {
                    throw new CommandFailed("sinfo: error: Bad state string: \"" + name + "\"\n"
                            + "sinfo: error: valid states: " + VALID_STATES, 1);
                }
                all.add(name);
            }
            if (!all.isEmpty()) alts.add(List.copyOf(all));
        }
        return List.copyOf(alts);
    }

    /** Whether a node passes -t, -d and -r. */
    boolean stateMatches(Node n) {
        if (dead && !n.notResponding()) return false;
        if (responding && n.notResponding()) return false;
        if (states.isEmpty()) return true;
        for (List<String> alt : states) {
            boolean ok = true;
            for (String s : alt) {
                if (s.equalsIgnoreCase("all")) continue;
                if (!Boolean.TRUE.equals(NodeStates.matches(n, s))) ok = false;
            }
            if (ok) return true;
        }
        return false;
    }

    private static int seconds(String v) {
        try {
            int s = Integer.parseInt(v.trim());
            if (s <= 0) throw new NumberFormatException();
            return s;
        } catch (NumberFormatException e) {
            throw new CommandFailed("sinfo: error: --iterate=" + v + " is invalid", 1);
        }
    }

    /** A node used only to check that a state name is known. */
    private static final Node PROBE = Node.configured(new org.jslurm.model.NodeSpec("probe", null, null, 0, 1, 1, 1,
            1, 1, 0, 0, 1, List.of(), null), org.jslurm.model.NodeBase.UP, false, null, 0);
}
