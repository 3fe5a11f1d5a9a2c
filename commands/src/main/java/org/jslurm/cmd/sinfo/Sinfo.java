package org.jslurm.cmd.sinfo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;
import org.jslurm.cmd.CommandFailed;
import org.jslurm.cmd.args.ArgsException;
import org.jslurm.cmd.fmt.Cli;
import org.jslurm.cmd.fmt.Layout;
import org.jslurm.cmd.fmt.Times;
import org.jslurm.model.Node;
import org.jslurm.model.Partition;
import org.jslurm.rpc.Convert;
import org.jslurm.wire.proto.NodeInfoQuery;
import org.jslurm.wire.proto.NodeList;
import org.jslurm.wire.proto.PartitionInfoQuery;
import org.jslurm.wire.proto.PartitionList;
import org.jslurm.wire.proto.Request;

/** sinfo: partitions and nodes. */
public final class Sinfo implements Command {
    static final String USAGE = """
            Usage: sinfo [-abdelNRrsTv] [-i seconds] [-t states] [-p partition] [-n nodes]
                         [-S fields] [-o format] [-O Format] [--json]""";

    static final String HELP = """
            Usage: sinfo [OPTIONS]
              -a, --all                  all partitions, hidden ones included
              -d, --dead                 only nodes that do not respond
              -e, --exact                group only nodes with identical values
              -h, --noheader             no header line
                  --help                 this text
              -i, --iterate=seconds      repeat every so many seconds
                  --json                 print the information as JSON
              -l, --long                 more columns
              -M, --clusters=names       clusters to ask
              -n, --nodes=hostlist       these nodes only
              -N, --Node                 one line per node and partition
              -o, --format=format        fields to print, e.g. "%P %a %l %D %t %N"
              -O, --Format=fields        long field names, e.g. "NodeHost:20,StateLong"
              -p, --partition=names      these partitions only
              -r, --responding           only nodes that respond
              -R, --list-reasons         why nodes are down or drained
              -s, --summarize            partition summary (A/I/O/T node counts)
              -S, --sort=fields          sort order, e.g. "#P,-t"
              -t, --states=states        nodes in these states (idle,alloc,mix,drain,down,...)
              -T, --reservation          reservations
                  --usage                short usage
              -v, --verbose              more messages
              -V, --version              print the version""";

    @Override
    public int run(String[] args, CommandEnv env) {
        SinfoOptions o;
        try {
            o = SinfoOptions.parse(args, env.vars());
        } catch (ArgsException e) {
            return Cli.badArgs(env, "sinfo", e);
        } catch (CommandFailed f) {
            env.err().println(f.getMessage());
            return f.exitCode();
        }
        if (o.help()) {
            env.out().println(HELP);
            return 0;
        }
        if (o.usage()) {
            env.out().println(USAGE);
            return 0;
        }
        if (o.version()) return Cli.version(env);
        return Cli.guard(env, () -> {
            if (o.iterate() <= 0) return once(o, args, env, false);
            while (true) {
                once(o, args, env, true);
                env.out().println();
                env.out().flush();
                try {
                    Thread.sleep(o.iterate() * 1000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
        });
    }

    private int once(SinfoOptions o, String[] args, CommandEnv env, boolean stamp) {
        PartitionList pl = Cli.call(env, Request.newBuilder().setPartitionInfo(PartitionInfoQuery.newBuilder()),
                "slurm_load_partitions").getPartitions();
        NodeList nl = Cli.call(env, Request.newBuilder().setNodeInfo(NodeInfoQuery.newBuilder()),
                "slurm_load_node").getNodes();
        long now = nl.getNow() > 0 ? nl.getNow() : env.clock().millis() / 1000;
        List<Partition> partitions = new ArrayList<>();
        for (var m : pl.getPartitionsList()) {
            Partition p = Convert.fromMsg(m);
            if (!o.partitions().isEmpty() && !o.partitions().contains(p.name())) continue;
            if (p.hidden() && !o.all() && o.partitions().isEmpty()) continue;
            partitions.add(p);
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (var m : nl.getNodesList()) {
            Node n = Convert.fromMsg(m);
            nodes.put(n.name(), n);
        }
        PrintStream out = env.out();
        if (o.json()) {
            out.print(SinfoJson.render(partitions, nodes, now, args, env));
            return 0;
        }
        if (!o.noHeader() && (stamp || o.longFormat() || o.verbose() > 0)) out.println(Times.ctime(now, env.zone()));
        if (!o.clusters().isEmpty()) out.println("CLUSTER: " + clusterLabel(o, env));
        if (o.reservations()) {
            if (!o.noHeader()) out.println("RESV_NAME     STATE           START_TIME             END_TIME     DURATION  NODELIST");
            return 0;
        }
        Predicate<Node> keep = n -> (o.nodes().isEmpty() || o.nodes().contains(n.name())) && o.stateMatches(n);
        SinfoRecords.Mode mode = o.reasons() ? SinfoRecords.Mode.REASON
                : o.nodeOriented() ? SinfoRecords.Mode.NODE : SinfoRecords.Mode.PARTITION;
        SinfoFields fields = new SinfoFields(env.zone());
        String percent = SinfoFormat.percentFormat(o);
        List<String> errors = new ArrayList<>();
        Layout<SinfoRecord> grouping = SinfoFormat.layout(o, percent, fields, 9, 9, errors::add);
        List<SinfoRecord> records = SinfoRecords.build(partitions, nodes, grouping, fields, mode, keep);
        records.sort(SinfoRecords.order(o.sort(), mode, partitions));
        Layout<SinfoRecord> layout = SinfoFormat.layout(o, percent, fields, SinfoFormat.partitionWidth(records),
                SinfoFormat.nodeWidth(records, fields), e -> { });
        errors.forEach(env.err()::println);
        for (String line : SinfoFormat.render(records, layout, o.noHeader())) out.println(line);
        return 0;
    }

    private static String clusterLabel(SinfoOptions o, CommandEnv env) {
        String first = o.clusters().get(0);
        if (!first.equalsIgnoreCase("all")) return first;
        try {
            return env.cluster().clusterName();
        } catch (RuntimeException e) {
            return first;
        }
    }
}
