package org.jslurm.cmd.scontrol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jslurm.cmd.fmt.Cli;
import org.jslurm.model.SlurmException;
import org.jslurm.rpc.Convert;
import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.JobInfoQuery;
import org.jslurm.wire.proto.JobMsg;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.RequeueJob;
import org.jslurm.wire.proto.UpdateJob;

/** {@code scontrol hold | uhold | release | requeue | requeuehold JOBS}. */
final class JobCommands {
    private JobCommands() {}

    /**
     * Holds ({@code hold}: as admin, {@code uhold}: as user) or releases jobs. Jobs are ids (space
     * or comma separated) or names ({@code jobname=NAME} or a bare name), as scontrol takes them.
     */
    static int hold(String keyword, String action, List<String> args, Session s) {
        if (args.isEmpty()) {
            s.err("too few arguments for keyword:" + keyword);
            return 1;
        }
        List<Long> ids = resolve(args, s);
        int rc = 0;
        for (long id : ids) {
            try {
                s.env.cluster().call(Request.newBuilder().setUpdateJob(
                        UpdateJob.newBuilder().setJobId(id).setAction(action)));
            } catch (SlurmException | RpcClient.UnreachableException e) {
                String msg = Cli.message(e);
                s.err(msg + " for job " + id);
                s.err("slurm_suspend error: " + msg);
                rc = 1;
            }
        }
        return rc;
    }

    /** Requeues jobs; {@code hold} puts them on hold (requeuehold). {@code Incomplete} and {@code State=} are accepted. */
    static int requeue(String keyword, boolean hold, List<String> args, Session s) {
        List<String> jobs = new ArrayList<>();
        for (String a : args) {
            String l = a.toLowerCase(Locale.ROOT);
            if (l.equals("incomplete") || l.startsWith("state=")) continue;
            jobs.add(a);
        }
        if (jobs.isEmpty()) {
            s.err("too few arguments for keyword:" + keyword);
            return 1;
        }
        int rc = 0;
        for (long id : resolve(jobs, s)) {
            try {
                s.env.cluster().call(Request.newBuilder().setRequeue(
                        RequeueJob.newBuilder().addJobIds(id).setHold(hold)));
            } catch (SlurmException | RpcClient.UnreachableException e) {
                s.err(Cli.message(e) + " for job " + id);
                rc = 1;
            }
        }
        return rc;
    }

    /** Job ids from words: numbers (comma lists allowed) and names looked up among unfinished jobs. */
    private static List<Long> resolve(List<String> words, Session s) {
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String w : words) {
            for (String part : w.split(",")) {
                if (part.isBlank()) continue;
                Long id = ShowCommand.jobId(part);
                if (id != null) ids.add(id);
                else names.add(part.regionMatches(true, 0, "jobname=", 0, 8) ? part.substring(8) : part);
            }
        }
        if (!names.isEmpty()) {
            var reply = Cli.call(s.env, Request.newBuilder().setJobInfo(JobInfoQuery.newBuilder()),
                    "slurm_load_jobs error").getJobs();
            for (JobMsg m : reply.getJobsList()) {
                var j = Convert.fromMsg(m);
                if (names.contains(j.name()) && !j.isFinished()) ids.add(j.id());
            }
        }
        return ids;
    }
}
