package org.jslurm.cmd.squeue;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;
import org.jslurm.cmd.CommandFailed;
import org.jslurm.cmd.args.ArgsException;
import org.jslurm.cmd.fmt.Cli;
import org.jslurm.cmd.fmt.Layout;
import org.jslurm.cmd.fmt.Times;
import org.jslurm.model.Job;
import org.jslurm.rpc.Convert;
import org.jslurm.wire.proto.JobInfoQuery;
import org.jslurm.wire.proto.JobList;
import org.jslurm.wire.proto.Request;

/** squeue: the jobs in the controller's queue. */
public final class Squeue implements Command {
    static final String USAGE = """
            Usage: squeue [-A account] [--clusters names] [-i seconds] [--job jobid]
                          [-n name] [-o format] [-O Format] [-p partitions] [--qos qos]
                          [--reservation reservation] [--sort fields] [--start]
                          [--step step_id] [-t states] [-u user_name] [--usage]
                          [-L licenses] [-w nodes] [--me] [--json] [-ahjlrsv]""";

    static final String HELP = """
            Usage: squeue [OPTIONS]
              -A, --account=accounts     jobs of these accounts (comma list)
              -a, --all                  jobs in all partitions, hidden ones included
              -r, --array                one line per array element
              -h, --noheader             no header line
                  --help                 this text
              -i, --iterate=seconds      repeat every so many seconds
              -j, --jobs[=job_ids]       these jobs only (comma list)
                  --json                 print the jobs as JSON
              -l, --long                 more columns
              -M, --clusters=names       clusters to ask
                  --me                   my jobs only (same as --user=$USER)
              -n, --name=names           jobs with these names
                  --noconvert            memory sizes in MB, not converted
              -o, --format=format        fields to print, e.g. "%.18i %.9P %.8j %R"
              -O, --Format=fields        long field names, e.g. "JobID,Name:30,State"
              -p, --partition=names      jobs in these partitions
              -S, --sort=fields          sort order, e.g. "P,t,-p"
                  --start                expected start times of pending jobs
              -s, --steps                job steps instead of jobs
              -t, --states=states        jobs in these states (PD,R,... or all)
              -u, --user=users           jobs of these users (names or uids)
                  --usage                short usage
              -v, --verbose              print the settings used
              -V, --version              print the version
              -w, --nodelist=hostlist    jobs on these nodes""";

    @Override
    public int run(String[] args, CommandEnv env) {
        SqueueOptions o;
        try {
            o = SqueueOptions.parse(args, env.vars(), currentUser(env));
        } catch (ArgsException e) {
            return Cli.badArgs(env, "squeue", e);
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
            if (o.verbose() > 0) printSettings(o, env.out());
            if (o.iterate() > 0) return iterate(o, args, env);
            return once(o, args, env, false);
        });
    }

    private int iterate(SqueueOptions o, String[] args, CommandEnv env) {
        while (true) {
            int rc = once(o, args, env, true);
            if (rc != 0) return rc;
            env.out().println();
            env.out().flush();
            try {
                Thread.sleep(o.iterate() * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
    }

    private int once(SqueueOptions o, String[] args, CommandEnv env, boolean stamp) {
        JobInfoQuery.Builder q = JobInfoQuery.newBuilder();
        if (o.jobIds() != null) q.addAllJobIds(o.jobIds());
        JobList reply = Cli.call(env, Request.newBuilder().setJobInfo(q), "slurm_load_jobs error").getJobs();
        if (o.jobIds() != null && !o.jobIds().isEmpty() && reply.getJobsCount() == 0) {
            throw new CommandFailed("slurm_load_jobs error: Invalid job id specified", 1);
        }
        long now = reply.getNow() > 0 ? reply.getNow() : env.clock().millis() / 1000;
        List<Job> jobs = new ArrayList<>();
        JobFilter filter = new JobFilter(o);
        for (var m : reply.getJobsList()) {
            Job j = Convert.fromMsg(m);
            if (filter.test(j)) jobs.add(j);
        }
        String sort = o.sort() != null ? o.sort() : o.start() ? JobSort.START : JobSort.DEFAULT;
        jobs.sort(JobSort.parse(sort, now));

        PrintStream out = env.out();
        if (o.json()) {
            out.print(SqueueJson.render(jobs, now, args, env));
            return 0;
        }
        if (!o.noHeader() && (stamp || o.longFormat() || o.verbose() > 0)) out.println(Times.ctime(now, env.zone()));
        if (!o.clusters().isEmpty()) out.println("CLUSTER: " + clusterLabel(o, env));
        List<String> lines;
        if (o.steps()) {
            lines = SqueueSteps.render(jobs, now, env.zone(), o.format(), o.noHeader(), env.err()::println);
        } else {
            JobFields fields = new JobFields(now, env.zone(), o.noconvert());
            Layout<Job> layout = SqueueFormat.layout(o, fields, env.err()::println);
            lines = SqueueFormat.render(jobs, layout, o.noHeader());
        }
        for (String l : lines) out.println(l);
        return 0;
    }

    /** The cluster named by -M, or this cluster for {@code all}. */
    private static String clusterLabel(SqueueOptions o, CommandEnv env) {
        String first = o.clusters().get(0);
        if (!first.equalsIgnoreCase("all")) return first;
        try {
            return env.cluster().clusterName();
        } catch (RuntimeException e) {
            return first;
        }
    }

    static String currentUser(CommandEnv env) {
        String u = env.var("USER");
        return u != null && !u.isEmpty() ? u : System.getProperty("user.name", "");
    }

    private static void printSettings(SqueueOptions o, PrintStream out) {
        out.println("-----------------------------");
        out.printf("all         = %s%n", o.all());
        out.printf("array       = %s%n", o.array());
        out.printf("format      = %s%n", o.format() != null ? o.format() : o.formatLong() != null ? o.formatLong() : "(null)");
        out.printf("iterate     = %d%n", o.iterate());
        out.printf("jobs        = %s%n", o.jobIds() == null ? "(null)" : o.jobIds().toString());
        out.printf("names       = %s%n", o.names().isEmpty() ? "(null)" : String.join(",", o.names()));
        out.printf("nodes       = %s%n", String.join(",", o.nodes()));
        out.printf("partitions  = %s%n", o.partitions().isEmpty() ? "(null)" : String.join(",", o.partitions()));
        out.printf("sort        = %s%n", o.sort() == null ? "(null)" : o.sort());
        out.printf("start_flag  = %d%n", o.start() ? 1 : 0);
        out.printf("states      = %s%n", o.states() == null ? "(null)" : o.statesText());
        out.printf("step_flag   = %d%n", o.steps() ? 1 : 0);
        out.printf("users       = %s%n", o.users().isEmpty() ? "(null)" : String.join(",", o.users()));
        out.printf("verbose     = %d%n", o.verbose());
        out.println("-----------------------------");
        out.println();
        out.println();
    }
}
