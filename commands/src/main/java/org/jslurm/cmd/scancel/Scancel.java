package org.jslurm.cmd.scancel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;
import org.jslurm.cmd.CommandFailed;
import org.jslurm.cmd.Main;
import org.jslurm.cmd.opt.GetoptException;
import org.jslurm.cmd.opt.GetoptLong;
import org.jslurm.cmd.opt.GetoptLong.Opt;
import org.jslurm.cmd.opt.GetoptLong.Ordering;
import org.jslurm.cmd.opt.Signals;
import org.jslurm.model.JobState;
import org.jslurm.model.SlurmError;
import org.jslurm.model.SlurmException;
import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.JobInfoQuery;
import org.jslurm.wire.proto.JobMsg;
import org.jslurm.wire.proto.KillJob;
import org.jslurm.wire.proto.KillResult;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;

/**
 * scancel: cancels or signals jobs by id ({@code N}, {@code N_i}, {@code N.s}, {@code N+k}) or by
 * filters (user, partition, name, state), in one KillJob request.
 *
 * <p>As scancel 22.05 does: a job that is unknown or already finished is not an error when
 * cancelling (nothing printed, exit 0; with {@code -v} the error is shown); when sending a signal
 * it is silent but sets the exit status. Other failures print
 * {@code scancel: error: Kill job error on job id N: <reason>}. The exit status is the largest
 * Slurm error number, truncated to 8 bits as exit(3) does (an unreachable controller, error
 * 1800, gives 8).
 *
 * <p>Not yet: array elements and steps ({@code N_i} and {@code N.s} cancel the whole job N),
 * the --account, --qos, --reservation, --nodelist, --wckey and --sibling filters (refused rather
 * than ignored, since ignoring a filter would cancel more jobs than asked), --clusters, --hurry
 * and --ctld (accepted, no effect).
 */
public final class Scancel implements Command {

    static final String PROG = "scancel";
    private static final String UNREACHABLE = "Unable to contact slurm controller (connect failure)";
    private static final int UNREACHABLE_ERRNO = 1800;

    /** What scancel accepts as a job id: the job, an array element or range, a het component, a step. */
    private static final Pattern JOB_ID = Pattern.compile(
            "\\s*\\+?(\\d+)(?:_(?:\\d+|\\*|\\[[0-9,\\-%]+\\])?|\\+\\d*)?(?:\\.\\d*)?");

    @Override
    public int run(String[] args, CommandEnv env) {
        try {
            return new Cancel(env).run(List.of(args));
        } catch (CommandFailed f) {
            String m = f.getMessage();
            env.err().println(m.startsWith("error: ") ? PROG + ": " + m : m);
            return f.exitCode();
        }
    }

    private static final class Cancel {
        private final CommandEnv env;
        private String account;
        private String name;
        private String nodelist;
        private String partition;
        private String qos;
        private String reservation;
        private String sibling;
        private String wckey;
        private String user;
        private String state;
        private int signal;
        private boolean signalGiven;
        private boolean batch;
        private boolean full;
        private boolean interactive;
        private int verbose;

        Cancel(CommandEnv env) { this.env = env; }

        int run(List<String> args) {
            applyEnvironment();
            Ordering order = env.var("POSIXLY_CORRECT") != null ? Ordering.REQUIRE_ORDER : Ordering.PERMUTE;
            GetoptLong.Parser<ScancelOption> p = ScancelOption.TABLE.parser(PROG, args, order);
            while (hasNext(p)) {
                Opt<ScancelOption> o = p.next();
                switch (o.key()) {
                    case HELP -> { env.out().print(HELP); return 0; }
                    case USAGE -> { env.out().print(USAGE); return 0; }
                    case VERSION -> { env.out().println(Main.VERSION); return 0; }
                    default -> apply(o.key(), o.arg());
                }
            }
            List<String> ids = p.operands();
            Map<String, Long> jobIds = new LinkedHashMap<>();
            for (String id : ids) jobIds.put(id, parseJobId(id));
            boolean filtered = account != null || name != null || nodelist != null || partition != null || qos != null
                    || reservation != null || state != null || user != null || wckey != null;
            if (jobIds.isEmpty() && !filtered) throw new CommandFailed("scancel: error: No job identification provided", 1);
            refuseUnsupported();

            Set<Long> targets = new LinkedHashSet<>(jobIds.values());
            if (interactive) {
                targets = confirm(targets, jobIds.isEmpty());
                if (targets.isEmpty()) return 0;
            }
            boolean steps = ids.stream().anyMatch(id -> id.indexOf('.') >= 0);
            boolean loadFirst = signalGiven || batch || interactive || filtered || steps;
            return kill(jobIds, targets, filtered && !interactive, loadFirst);
        }

        private boolean hasNext(GetoptLong.Parser<ScancelOption> p) {
            try {
                return p.hasNext();
            } catch (GetoptException e) {
                throw new CommandFailed(e.getMessage() + "\nTry \"scancel --help\" for more information", 1);
            }
        }

        private void apply(ScancelOption o, String arg) {
            switch (o) {
                case ACCOUNT -> account = arg;
                case BATCH -> batch = true;
                case FULL -> full = true;
                case INTERACTIVE -> interactive = true;
                case NAME -> name = arg;
                case ME -> user = currentUser();
                case NODELIST -> nodelist = arg;
                case PARTITION -> partition = arg;
                case QOS -> qos = arg;
                case QUIET -> verbose = -1;
                case RESERVATION -> reservation = arg;
                case SIBLING -> sibling = arg;
                case SIGNAL -> {
                    OptionalInt s = Signals.parse(arg);
                    if (s.isEmpty()) throw new CommandFailed("Unknown job signal: " + arg, 1);
                    signal = s.getAsInt();
                    signalGiven = true;
                }
                case STATE -> state = parseState(arg);
                case USER -> user = arg;
                case VERBOSE -> verbose++;
                case WCKEY -> wckey = arg;
                default -> { /* --clusters, --hurry, --ctld: accepted, nothing to do with one cluster */ }
            }
        }

        /** SCANCEL_* variables (man scancel), overridden by the command line. */
        private void applyEnvironment() {
            String v;
            if ((v = env.var("SCANCEL_ACCOUNT")) != null) account = v;
            if ((v = env.var("SCANCEL_NAME")) != null) name = v;
            if ((v = env.var("SCANCEL_PARTITION")) != null) partition = v;
            if ((v = env.var("SCANCEL_QOS")) != null) qos = v;
            if ((v = env.var("SCANCEL_STATE")) != null) state = parseState(v, "Unrecognized SCANCEL_STATE value: ");
            if ((v = env.var("SCANCEL_USER")) != null) user = v;
            if ((v = env.var("SCANCEL_WCKEY")) != null) wckey = v;
            batch = flag("SCANCEL_BATCH", batch);
            flag("SCANCEL_CTLD", false);
            full = flag("SCANCEL_FULL", full);
            flag("SCANCEL_HURRY", false);
            interactive = flag("SCANCEL_INTERACTIVE", interactive);
            verbose = flag("SCANCEL_VERBOSE", verbose > 0) ? 1 : 0;
        }

        /** true/T or false/F, any case; anything else is reported and ignored. */
        private boolean flag(String var, boolean current) {
            String v = env.var(var);
            if (v == null) return current;
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("T")) return true;
            if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("F")) return false;
            env.err().println("scancel: error: Unrecognized " + var + " value: " + v);
            return current;
        }

        private String currentUser() {
            String u = env.var("USER");
            return u != null && !u.isEmpty() ? u : System.getProperty("user.name", "");
        }

        private void refuseUnsupported() {
            String[][] unsupported = {{"account", account}, {"qos", qos}, {"reservation", reservation},
                    {"nodelist", nodelist}, {"wckey", wckey}, {"sibling", sibling}};
            for (String[] u : unsupported) {
                if (u[1] != null) throw new CommandFailed("scancel: error: --" + u[0] + " is not supported by jslurm yet", 1);
            }
        }

        /** Asks about each job ({@code Cancel job_id=N name=X partition=P [y/n]? }) and keeps the confirmed ones. */
        private Set<Long> confirm(Set<Long> ids, boolean byFilter) {
            List<JobMsg> jobs;
            try {
                Response r = env.cluster().call(Request.newBuilder().setJobInfo(JobInfoQuery.newBuilder().addAllJobIds(ids)));
                jobs = r.getJobs().getJobsList();
            } catch (SlurmException e) {
                if (e.error() != SlurmError.INVALID_JOB_ID) throw new CommandFailed("slurm_load_jobs error: " + e.getMessage(), 1);
                jobs = List.of();
            } catch (RpcClient.UnreachableException e) {
                throw new CommandFailed("slurm_load_jobs error: " + UNREACHABLE, 1);
            }
            Set<Long> confirmed = new LinkedHashSet<>();
            Set<Long> seen = new LinkedHashSet<>();
            BufferedReader in = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8));
            for (JobMsg j : jobs) {
                seen.add(j.getId());
                if (!activeAndMatching(j)) continue;
                if (ask(in, "Cancel job_id=" + j.getId() + " name=" + j.getSpec().getName() + " partition=" + j.getPartition()
                        + " [y/n]? ")) {
                    confirmed.add(j.getId());
                }
            }
            if (!byFilter) {
                for (long id : ids) if (!seen.contains(id)) confirmed.add(id); // unknown: let the controller say so
            }
            return confirmed;
        }

        private boolean activeAndMatching(JobMsg j) {
            JobState s = JobState.parse(j.getState()).orElse(JobState.PENDING);
            if (s != JobState.PENDING && s != JobState.RUNNING && s != JobState.SUSPENDED) return false;
            if (state != null && !s.name().equals(state)) return false;
            if (partition != null && !partition.equals(j.getPartition())) return false;
            if (name != null && !name.equals(j.getSpec().getName())) return false;
            return user == null || user.equals(j.getSpec().getUserName()) || user.equals(Integer.toString(j.getSpec().getUid()));
        }

        private boolean ask(BufferedReader in, String prompt) {
            while (true) {
                env.out().print(prompt);
                env.out().flush();
                String line;
                try {
                    line = in.readLine();
                } catch (IOException e) {
                    return false;
                }
                if (line == null) {
                    env.out().println();
                    return false;
                }
                if (line.startsWith("y") || line.startsWith("Y")) return true;
                if (line.startsWith("n") || line.startsWith("N")) return false;
            }
        }

        /**
         * Sends the KillJob request and reports per job. scancel 22.05 works in two ways, which
         * the user sees: plain ids (optionally with -f, -v, -Q) are cancelled directly, where an
         * unknown or finished job is silent; anything else (a signal, -b, -i, filters, step
         * ids) first loads the job list, which reports such ids as invalid and exits 1.
         */
        private int kill(Map<String, Long> typed, Set<Long> targets, boolean sendFilters, boolean loadFirst) {
            boolean cancelling = signal == 0 || signal == Signals.SIGKILL;
            KillJob.Builder k = KillJob.newBuilder().addAllJobIds(targets).setSignal(cancelling ? 0 : signal)
                    .setBatchOnly(batch).setFull(full);
            if (sendFilters) {
                if (user != null) k.setUser(user);
                if (partition != null) k.setPartition(partition);
                if (name != null) k.setName(name);
                if (state != null) k.addStates(state);
            }
            if (!loadFirst) typed.keySet().forEach(this::announce);
            Map<Long, SlurmError> errors = new LinkedHashMap<>();
            List<Long> reported = new ArrayList<>();
            try {
                Response r = env.cluster().call(Request.newBuilder().setKillJob(k));
                for (KillResult res : r.getKill().getResultsList()) {
                    reported.add(res.getJobId());
                    if (!res.getError().isEmpty()) errors.put(res.getJobId(), errorNamed(res.getError()));
                }
            } catch (SlurmException e) {
                if (typed.isEmpty()) {
                    env.err().println("scancel: error: " + e.getMessage());
                    return exitStatus(e.error().code());
                }
                for (long id : targets) errors.put(id, e.error());
            } catch (RpcClient.UnreachableException e) {
                if (loadFirst) throw new CommandFailed("slurm_load_jobs error: " + UNREACHABLE, 1);
                for (String id : typed.keySet()) {
                    env.err().println("scancel: error: Kill job error on job id " + id + ": " + UNREACHABLE);
                }
                return exitStatus(UNREACHABLE_ERRNO);
            }
            // the jobs as typed, then any others the filters selected
            Map<String, SlurmError> byName = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : typed.entrySet()) byName.put(e.getKey(), errors.get(e.getValue()));
            Set<Long> named = new LinkedHashSet<>(typed.values());
            for (long id : reported) if (!named.contains(id)) byName.put(Long.toString(id), errors.get(id));

            int worst = 0;
            if (loadFirst) {
                for (Map.Entry<String, SlurmError> e : byName.entrySet()) {
                    if (!gone(e.getValue())) continue;
                    if (verbose >= 0) env.err().println("scancel: error: Kill job error on job id " + e.getKey() + ": "
                            + SlurmError.INVALID_JOB_ID.message());
                    worst = Math.max(worst, 1);
                }
                for (Map.Entry<String, SlurmError> e : byName.entrySet()) if (!gone(e.getValue())) announce(e.getKey());
            }
            for (Map.Entry<String, SlurmError> e : byName.entrySet()) {
                SlurmError err = e.getValue();
                if (err == null || (loadFirst && gone(err))) continue;
                if (verbose > 0 || !gone(err)) {
                    env.err().println("scancel: error: Kill job error on job id " + e.getKey() + ": " + err.message());
                }
                if (!(gone(err) && cancelling)) worst = Math.max(worst, err.code());
            }
            return exitStatus(worst);
        }

        private void announce(String id) {
            if (verbose <= 0) return;
            boolean cancelling = signal == 0 || signal == Signals.SIGKILL;
            String what = batch ? "batch " : full ? "full " : "";
            env.err().println(cancelling ? "scancel: Terminating " + what + "job " + id
                    : "scancel: Signal " + signal + " to " + what + "job " + id);
        }

        private static boolean gone(SlurmError err) {
            return err == SlurmError.INVALID_JOB_ID || err == SlurmError.ALREADY_DONE;
        }
    }

    private static SlurmError errorNamed(String name) {
        try {
            return SlurmError.valueOf(name);
        } catch (IllegalArgumentException e) {
            return SlurmError.UNEXPECTED;
        }
    }

    /** exit(3) keeps the low 8 bits of Slurm's error number; never let an error end as success. */
    static int exitStatus(int errno) {
        if (errno == 0) return 0;
        int s = errno & 0xff;
        return s == 0 ? 1 : s;
    }

    /** The numeric job an id refers to, or the error scancel prints. */
    static long parseJobId(String id) {
        Matcher m = JOB_ID.matcher(id);
        if (m.matches()) {
            String digits = m.group(1).replaceFirst("^0+(?=.)", "");
            if (digits.length() < 19) {
                long n = Long.parseLong(digits);
                if (n > 0) return n;
            }
        }
        throw new CommandFailed("scancel: error: Invalid job id " + id, 1);
    }

    /**
     * A job state by long or compact name. Only PENDING, RUNNING and SUSPENDED jobs can be
     * cancelled, but like scancel 22.05 any single state name is accepted.
     */
    static String parseState(String s) {
        return parseState(s, "Invalid job state specified: ");
    }

    private static String parseState(String s, String lead) {
        JobState st = JobState.parse(s).orElse(null);
        if (st != null) return st.name();
        throw new CommandFailed(lead + s + "\nValid job states are PENDING, RUNNING, and SUSPENDED", 1);
    }

    static final String USAGE = """
            Usage: scancel [-s signal] [-b | -f] [-i] [-Q | -v] [-u user | --me] [-p partition]
                           [-n name] [-t state] [-A account] [-q qos] [-R reservation]
                           [-w hosts] [--wckey=key] [-M clusters] [-H] [-V]
                           [job_id[_array_id][.step_id]...]
            """;

    static final String HELP = """
            Usage: scancel [OPTIONS] [job_id[_array_id][.step_id]...]
            Cancels or signals jobs, given by id or selected by the filters below (a job must
            match every filter given).

              -s, --signal=name|number    send this signal instead of cancelling
              -b, --batch                 signal only the batch shell
              -f, --full                  signal the batch shell and every step
              -i, --interactive           ask before each job
              -u, --user=name             jobs of this user
                  --me                    jobs of the current user
              -p, --partition=name        jobs in this partition
              -n, --name=name             jobs with this name (also --jobname)
              -t, --state=state           jobs in this state: PENDING, RUNNING or SUSPENDED
              -A, --account=name          jobs charged to this account
              -q, --qos=qos               jobs with this QOS
              -R, --reservation=name      jobs in this reservation
              -w, --nodelist=hosts        jobs on these nodes
                  --wckey=wckey           jobs with this workload characterization key
              -M, --clusters=names        clusters to talk to
              -H, --hurry                 skip burst buffer stage out
              -Q, --quiet                 do not report jobs that already ended
              -v, --verbose               say what is done
              -V, --version               print the version

            Help options:
              --help                      this text
              --usage                     short usage
            """;
}
