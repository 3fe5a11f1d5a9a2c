package org.jslurm.cmd.squeue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.jslurm.cmd.CommandEnv;
import org.jslurm.cmd.fmt.SlurmJson;
import org.jslurm.model.Job;

/** {@code squeue --json}: {@code {"jobs":[...],"last_backfill":..,"last_update":..,"meta":..,"errors":[],"warnings":[]}}. */
final class SqueueJson {
    private SqueueJson() {}

    static String render(List<Job> jobs, long now, String[] argv, CommandEnv env) {
        SlurmJson json = new SlurmJson();
        String cluster = clusterName(env);
        ObjectNode root = json.root("squeue", Arrays.asList(argv), cluster, Squeue.currentUser(env));
        ArrayNode arr = json.array();
        for (Job j : jobs) arr.add(json.job(j, now, cluster));
        ObjectNode out = json.object();
        out.set("jobs", arr);
        out.set("last_backfill", json.num(0));
        out.set("last_update", json.num(now));
        out.setAll(root);
        return json.write(out);
    }

    private static String clusterName(CommandEnv env) {
        try {
            return env.cluster().clusterName();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
