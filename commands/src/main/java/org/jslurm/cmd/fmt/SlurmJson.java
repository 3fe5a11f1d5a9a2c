package org.jslurm.cmd.fmt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jslurm.cmd.args.Hosts;
import org.jslurm.model.Job;

/**
 * The {@code --json} output of the query commands, in the shape of Slurm's data_parser
 * (v0.0.42): a top-level object with the records, {@code meta}, {@code errors} and
 * {@code warnings}; optional numbers as {@code {"set":..,"infinite":..,"number":..}}; job states as
 * lists. Only loaded when {@code --json} is asked for (it pulls in Jackson).
 */
public final class SlurmJson {
    private final ObjectMapper mapper = new ObjectMapper();

    public ObjectNode object() { return mapper.createObjectNode(); }

    public ArrayNode array() { return mapper.createArrayNode(); }

    /** A root object: {@code {<records>: [], meta, errors: [], warnings: []}} filled by the caller. */
    public ObjectNode root(String command, List<String> argv, String cluster, String user) {
        ObjectNode root = object();
        ObjectNode meta = root.putObject("meta");
        ObjectNode plugin = meta.putObject("plugin");
        plugin.put("type", "").put("name", "").put("data_parser", "data_parser/v0.0.42").put("accounting_storage", "");
        ObjectNode client = meta.putObject("client");
        client.put("source", "").put("user", user == null ? "" : user).put("group", "");
        ArrayNode cmd = meta.putArray("command");
        cmd.add(command);
        argv.forEach(cmd::add);
        ObjectNode slurm = meta.putObject("slurm");
        slurm.putObject("version").put("major", "25").put("micro", "0").put("minor", "05");
        slurm.put("release", "25.05.0").put("cluster", cluster == null ? "" : cluster);
        root.putArray("errors");
        root.putArray("warnings");
        return root;
    }

    /** {@code {"set":true,"infinite":false,"number":n}}. */
    public ObjectNode num(long n) {
        return object().put("set", true).put("infinite", false).put("number", n);
    }

    public ObjectNode unset() {
        return object().put("set", false).put("infinite", false).put("number", 0);
    }

    public ObjectNode infinite() {
        return object().put("set", true).put("infinite", true).put("number", 0);
    }

    /** An epoch time, unset when 0. */
    public ObjectNode time(long epoch) { return epoch > 0 ? num(epoch) : num(0); }

    /** A job as Slurm's job-info parser prints it (the commonly read fields). */
    public ObjectNode job(Job j, long now, String cluster) {
        ObjectNode o = object();
        o.put("account", str(j.spec().account()));
        o.set("accrue_time", time(j.eligibleTime()));
        o.put("admin_comment", "");
        o.put("allocating_node", str(j.spec().submitHost()));
        o.set("array_job_id", num(0));
        o.set("array_task_id", unset());
        o.set("array_max_tasks", num(0));
        o.put("array_task_string", "");
        o.put("batch_flag", true);
        o.put("batch_host", str(j.batchHost()));
        o.put("cluster", str(cluster));
        o.put("command", str(j.spec().command()));
        o.put("comment", str(j.spec().comment()));
        o.put("contiguous", false);
        o.set("cpus", num(j.cpus()));
        o.set("cpus_per_task", num(j.spec().effectiveCpusPerTask()));
        o.put("current_working_directory", str(j.spec().workDir()));
        o.put("dependency", "");
        o.set("derived_exit_code", exitCode(0, 0, false));
        o.set("eligible_time", time(j.eligibleTime()));
        o.set("end_time", time(JobView.expectedEnd(j)));
        o.put("excluded_nodes", Hosts.compress(j.spec().excNodes()));
        o.set("exit_code", exitCode(j.exitCode(), j.termSignal(), j.isFinished()));
        o.put("features", String.join("&", j.spec().features()));
        o.putArray("flags");
        o.put("group_id", j.spec().gid());
        o.put("group_name", JobView.groupName(j));
        o.put("hold", j.hold() != org.jslurm.model.Hold.NONE);
        o.put("job_id", j.id());
        o.putArray("job_state").add(j.state().name());
        o.set("last_sched_evaluation", time(j.startTime() > 0 ? j.startTime() : j.submitTime()));
        o.set("max_nodes", num(Math.max(0, j.spec().maxNodes())));
        o.set("memory_per_cpu", JobView.memPerCpu(j) ? num(JobView.minMemMb(j)) : unset());
        o.set("memory_per_node", !JobView.memPerCpu(j) && JobView.minMemMb(j) > 0 ? num(JobView.minMemMb(j)) : unset());
        o.set("minimum_cpus_per_node", num(JobView.minCpusPerNode(j)));
        o.put("name", j.name());
        o.set("nice", num(j.spec().nice()));
        o.set("node_count", num(j.nodeCount()));
        o.put("nodes", JobView.nodeList(j));
        o.put("partition", str(j.partition()));
        o.set("priority", num(j.priority()));
        o.put("qos", "");
        o.put("requeue", j.spec().requeue());
        o.put("required_nodes", Hosts.compress(j.spec().reqNodes()));
        o.put("reservation", "");
        o.set("restart_cnt", num(j.restarts()));
        o.put("scheduled_nodes", "");
        o.put("standard_error", JobPaths.stderr(j));
        o.put("standard_input", JobPaths.stdin(j));
        o.put("standard_output", JobPaths.stdout(j));
        o.set("start_time", time(j.startTime()));
        o.put("state_description", "");
        o.put("state_reason", JobView.reason(j));
        o.set("submit_time", time(j.submitTime()));
        o.set("tasks", num(j.spec().effectiveTasks()));
        o.set("time_limit", j.timeLimitMin() == Times.INFINITE ? infinite()
                : j.timeLimitMin() < 0 ? unset() : num(j.timeLimitMin()));
        o.put("tres_alloc_str", j.alloc().isEmpty() ? "" : JobView.tres(j));
        o.put("tres_req_str", JobView.tres(j));
        o.put("user_id", j.uid());
        o.put("user_name", j.userName());
        o.set("run_time", num(j.runSeconds(now)));
        return o;
    }

    private ObjectNode exitCode(int code, int signal, boolean finished) {
        ObjectNode o = object();
        ArrayNode status = o.putArray("status");
        if (!finished) status.add("PENDING");
        else if (signal != 0) status.add("SIGNALED");
        else status.add(code == 0 ? "SUCCESS" : "ERROR");
        o.set("return_code", num(code));
        ObjectNode sig = o.putObject("signal");
        sig.set("id", signal != 0 ? num(signal) : unset());
        sig.put("name", "");
        return o;
    }

    private static String str(String s) { return s == null ? "" : s; }

    /** Pretty-printed with two-space indentation and a final newline. */
    public String write(ObjectNode root) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        pp.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        try {
            return mapper.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
