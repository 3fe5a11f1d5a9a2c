package org.jslurm.cmd.sbatch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;
import org.jslurm.cmd.CommandFailed;
import org.jslurm.cmd.Main;
import org.jslurm.cmd.opt.GetoptException;
import org.jslurm.cmd.opt.GetoptLong;
import org.jslurm.cmd.opt.GetoptLong.Opt;
import org.jslurm.cmd.sbatch.SbatchOptions.Source;
import org.jslurm.model.JobSpec;
import org.jslurm.model.JobState;
import org.jslurm.model.SlurmError;
import org.jslurm.model.SlurmException;
import org.jslurm.rpc.Convert;
import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.JobInfoQuery;
import org.jslurm.wire.proto.JobMsg;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;
import org.jslurm.wire.proto.SubmitBatch;
import org.jslurm.wire.proto.SubmitReply;

/**
 * sbatch: submits a batch script and prints {@code Submitted batch job N} (clients parse that
 * line, so on success nothing else is printed, on stdout or stderr).
 *
 * <p>Order of work, as in sbatch 22.05 (it decides which error a user sees first):
 * <ol>
 *   <li>the command line, option by option: getopt errors, value errors, and
 *       {@code --help}/{@code --usage}/{@code --version} as they come;</li>
 *   <li>the script: {@code --wrap}, the file named by the first operand (the remaining operands
 *       are the script's arguments), or standard input;</li>
 *   <li>the options again, from scratch: {@code #SBATCH} directives, then SBATCH_* variables,
 *       then the command line, later ones overriding earlier ones; then cross-checks;</li>
 *   <li>the job description, the submission and, with {@code --wait}, polling until the job
 *       ends.</li>
 * </ol>
 *
 * Script arguments travel in {@code JobSpec.argv}; {@code command} is the script's path.
 */
public final class Sbatch implements Command {

    static final String PROG = "sbatch";

    /** Pauses between {@code --wait} polls; replaced in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private static final long FIRST_POLL_MS = 500;
    private static final long MAX_POLL_MS = 2000;
    private static final Pattern SIMPLE_FEATURES = Pattern.compile("[\\w.\\-]+(&[\\w.\\-]+)*");

    private final LocalProcess process;
    private final Sleeper sleeper;

    public Sbatch() { this(null, Thread::sleep); }

    /** @param process the submitting process's details, or null to read them from /proc */
    Sbatch(LocalProcess process, Sleeper sleeper) {
        this.process = process;
        this.sleeper = sleeper;
    }

    @Override
    public int run(String[] args, CommandEnv env) {
        try {
            return new Submission(env, process != null ? process : LocalProcess.current()).run(Arrays.asList(args));
        } catch (CommandFailed f) {
            String m = f.getMessage();
            env.err().println(m.startsWith("error: ") ? PROG + ": " + m : m);
            return f.exitCode();
        }
    }

    /** One invocation's state. */
    private final class Submission {
        private final CommandEnv env;
        private final LocalProcess proc;
        private final int errorExit;

        Submission(CommandEnv env, LocalProcess proc) {
            this.env = env;
            this.proc = proc;
            this.errorExit = errorExit(env);
        }

        int run(List<String> args) {
            // 1. the command line, in order
            SbatchOptions first = new SbatchOptions(proc);
            List<Opt<SbatchOption>> cli = new ArrayList<>();
            GetoptLong.Parser<SbatchOption> p = SbatchOption.TABLE.parser(PROG, args);
            while (hasNext(p)) {
                Opt<SbatchOption> o = p.next();
                switch (o.key()) {
                    case HELP -> { env.out().print(SbatchHelp.HELP); return 0; }
                    case USAGE -> { env.out().print(SbatchHelp.USAGE); return 0; }
                    case VERSION -> { env.out().println(Main.VERSION); return 0; }
                    default -> {
                        first.apply(o.key(), o.arg(), Source.CLI);
                        cli.add(o);
                    }
                }
            }
            List<String> operands = p.operands();

            // 2. the script
            String file = operands.isEmpty() ? null : operands.get(0);
            BatchScript script;
            if (first.wrap != null) {
                if (!operands.isEmpty()) throw SbatchOptions.error("Script arguments not permitted with --wrap option", errorExit);
                script = BatchScript.wrap(first.wrap);
            } else {
                script = BatchScript.read(file, env.cwd(), env.in(), errorExit);
            }

            // 3. directives, environment, command line
            SbatchOptions opts = new SbatchOptions(proc);
            if (first.wrap == null) applyDirectives(script, opts);
            for (Map.Entry<String, SbatchOption> e : SbatchOption.ENVIRONMENT.entrySet()) {
                String v = env.vars().get(e.getKey());
                if (v != null) opts.applyEnv(e.getValue(), v);
            }
            for (Opt<SbatchOption> o : cli) opts.apply(o.key(), o.arg(), Source.CLI);
            opts.verify();
            if (opts.testOnly) throw SbatchOptions.error("--test-only is not supported by jslurm yet", 1);

            // 4. submit
            String defaultName = first.wrap != null ? "wrap" : file == null ? "sbatch" : BatchScript.baseName(file);
            JobSpec spec = jobSpec(opts, script, defaultName, file, operands);
            SubmitReply reply = submit(spec, opts);
            if (!first.quiet) {
                boolean onCluster = opts.clusters != null && !reply.getCluster().isEmpty();
                PrintStream out = env.out();
                if (opts.parsable) out.println(reply.getJobId() + (onCluster ? ";" + reply.getCluster() : ""));
                else out.println("Submitted batch job " + reply.getJobId() + (onCluster ? " on cluster " + reply.getCluster() : ""));
                out.flush();
            }
            return opts.wait ? waitFor(reply.getJobId()) : 0;
        }

        private boolean hasNext(GetoptLong.Parser<SbatchOption> p) {
            try {
                return p.hasNext();
            } catch (GetoptException e) {
                throw new CommandFailed(e.getMessage() + "\nTry \"sbatch --help\" for more information", SbatchOptions.BAD_VALUE);
            }
        }

        private void applyDirectives(BatchScript script, SbatchOptions opts) {
            ScriptDirectives.Result d = ScriptDirectives.parse(script.text(), script.baseName());
            d.warnings().forEach(env.err()::println);
            GetoptLong.Parser<SbatchOption> p = SbatchOption.TABLE.parser(PROG, d.words());
            while (hasNext(p)) {
                Opt<SbatchOption> o = p.next();
                switch (o.key()) {
                    case HELP, USAGE, VERSION -> { /* only honoured on the command line */ }
                    default -> opts.apply(o.key(), o.arg(), Source.SCRIPT);
                }
            }
            List<String> stray = p.operands();
            if (!stray.isEmpty()) {
                throw SbatchOptions.error("Invalid directive found in batch script: " + stray.get(0), SbatchOptions.BAD_VALUE);
            }
        }

        private JobSpec jobSpec(SbatchOptions o, BatchScript script, String defaultName, String file, List<String> operands) {
            Path cwd = env.cwd();
            JobSpec.Builder b = JobSpec.builder();
            b.name = o.jobName != null ? o.jobName : defaultName;
            b.partition = o.partition;
            b.userName = userName();
            b.account = o.account;
            b.comment = o.comment;
            b.minNodes = o.minNodes;
            b.maxNodes = o.maxNodes;
            b.numTasks = o.ntasks;
            b.cpusPerTask = o.cpusPerTask;
            b.ntasksPerNode = o.ntasksPerNode;
            b.memPerNodeMb = o.memMb;
            b.memPerCpuMb = o.memPerCpuMb;
            b.timeLimitMin = o.timeLimitMin;
            b.workDir = o.chdir != null ? cwd.resolve(o.chdir).toString() : cwd.toString();
            b.stdout = o.output;
            b.stderr = o.error;
            b.stdin = o.input;
            b.env = JobEnvironment.build(env.vars(), o.export, o.exportFile, o.getUserEnv, cwd.toString(), proc, errorExit);
            b.script = script.text();
            if (file != null) {
                b.command = file.equals(BatchScript.DEV_STDIN) ? file : cwd.resolve(file).toString();
                b.argv = List.copyOf(operands.subList(1, operands.size()));
            }
            b.hold = o.hold;
            b.reqNodes = o.nodefile != null ? nodeFile(o.nodefile) : nodes(o.nodelist);
            b.excNodes = nodes(o.exclude);
            if (o.exclusive != null) b.exclusive = o.exclusive;
            if (o.requeue != null) b.requeue = o.requeue;
            b.submitHost = proc.hostname();
            b.openMode = o.openMode;
            if (o.nice != null) b.nice = o.nice;
            if (o.constraint != null && !o.constraint.isEmpty()) {
                b.features = SIMPLE_FEATURES.matcher(o.constraint).matches()
                        ? List.of(o.constraint.split("&")) : List.of(o.constraint);
            }
            return b.build();
        }

        private String userName() {
            String u = env.var("USER");
            return u != null && !u.isEmpty() ? u : System.getProperty("user.name", "");
        }

        /** A host list, or the hosts in a file when it names one (contains a slash), as Slurm reads them. */
        private List<String> nodes(String list) {
            if (list == null || list.isEmpty()) return List.of();
            if (list.indexOf('/') >= 0) return nodeFile(list);
            return OptionValues.hostListParts(list);
        }

        private List<String> nodeFile(String name) {
            try {
                String text = Files.readString(env.cwd().resolve(name), StandardCharsets.UTF_8);
                List<String> hosts = new ArrayList<>();
                for (String line : text.split("\n")) {
                    int hash = line.indexOf('#');
                    if (hash >= 0) line = line.substring(0, hash);
                    for (String part : line.trim().split("[\\s]+")) hosts.addAll(OptionValues.hostListParts(part));
                }
                return hosts;
            } catch (IOException | RuntimeException e) {
                throw new CommandFailed("sbatch: error: slurm_allocate_resources error opening file " + name
                        + ", No such file or directory\nsbatch: error: Invalid --nodefile node file", SbatchOptions.BAD_VALUE);
            }
        }

        private SubmitReply submit(JobSpec spec, SbatchOptions opts) {
            try {
                Response r = env.cluster().call(Request.newBuilder()
                        .setSubmitBatch(SubmitBatch.newBuilder().setSpec(Convert.toMsg(spec))));
                return r.getSubmit();
            } catch (SlurmException e) {
                throw new CommandFailed(String.join("\n", submitFailure(e, opts.partition)), errorExit);
            } catch (RpcClient.UnreachableException e) {
                throw SbatchOptions.error("Batch job submission failed: " + UNREACHABLE, errorExit);
            }
        }

        /**
         * Polls the job until it has ended and returns its exit code: 1 when a signal ended it,
         * 0 when the controller no longer knows it.
         */
        private int waitFor(long jobId) {
            long pause = FIRST_POLL_MS;
            while (true) {
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 1;
                }
                pause = Math.min(MAX_POLL_MS, pause * 2);
                try {
                    Response r = env.cluster().call(Request.newBuilder()
                            .setJobInfo(JobInfoQuery.newBuilder().addJobIds(jobId)));
                    List<JobMsg> jobs = r.getJobs().getJobsList();
                    if (jobs.isEmpty()) return gone(jobId);
                    boolean done = true;
                    int code = 0;
                    for (JobMsg j : jobs) {
                        JobState s = JobState.parse(j.getState()).orElse(JobState.PENDING);
                        if (!s.isFinished()) done = false;
                        else code = Math.max(code, j.getTermSignal() != 0 ? 1 : j.getExitCode());
                    }
                    if (done) return code;
                } catch (SlurmException e) {
                    if (e.error() == SlurmError.INVALID_JOB_ID) return gone(jobId);
                    env.err().println("sbatch: error: Currently unable to load job state information, retrying: "
                            + e.getMessage());
                } catch (RpcClient.UnreachableException e) {
                    env.err().println("sbatch: error: Currently unable to load job state information, retrying: "
                            + UNREACHABLE);
                }
            }
        }

        private int gone(long jobId) {
            env.err().println("sbatch: error: Job " + jobId + " no longer found and exit code not found");
            return 0;
        }
    }

    static final String UNREACHABLE = "Unable to contact slurm controller (connect failure)";

    /**
     * The stderr lines for a refused submission: the controller's detail when it says more
     * than the error's standard text (for an unknown partition, sbatch's own line naming it),
     * then the standard line.
     */
    static List<String> submitFailure(SlurmException e, String partition) {
        List<String> lines = new ArrayList<>();
        SlurmError err = e.error();
        String detail = e.getMessage() == null ? "" : e.getMessage();
        boolean plain = detail.isEmpty() || detail.equals(err.message());
        if (err == SlurmError.INVALID_PARTITION_NAME && plain && partition != null) {
            lines.add("sbatch: error: invalid partition specified: " + partition);
        }
        if (!plain) {
            for (String l : detail.split("\n")) lines.add("sbatch: error: " + l);
        }
        lines.add("sbatch: error: Batch job submission failed: " + err.message());
        return lines;
    }

    /** SLURM_EXIT_ERROR, Slurm's way to choose the exit code of its errors (default 1). */
    static int errorExit(CommandEnv env) {
        String v = env.var("SLURM_EXIT_ERROR");
        if (v == null) return 1;
        int i = OptionValues.atoi(v);
        if (i == 0) {
            env.err().println("sbatch: error: SLURM_EXIT_ERROR has zero value");
            return 1;
        }
        return i & 0xff;
    }
}
