package org.jslurm.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.SlurmError;

/**
 * Starts, watches, signals and cleans up the batch jobs of one node.
 *
 * <p>A job runs under a small root-owned shell wrapper in a session of its own (see
 * {@link Wrapper}), so it is no child that dies with slurmd, and its exit status lands in the
 * spool even while slurmd is down. Everything slurmd knows about a job is mirrored in
 * {@code <spool>/jobNNNNN/meta}; {@link #recover()} rebuilds the table from the spool after a
 * restart: live wrappers (same pid and same start time) are adopted and watched by polling,
 * finished ones whose completion was never acknowledged are reported again.
 *
 * <p>Completion: when the status file appears the outcome (exit code or signal) is recorded in
 * the meta file and handed to the {@link Listener}, which reports it to the controller and calls
 * {@link #acknowledged} once the controller has it; only then is the spool directory removed
 * (after any processes the script left behind are gone, or a TerminateJob killed them).
 */
public final class JobSupervisor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobSupervisor.class.getName());
    private static final Pattern UMASK = Pattern.compile("[0-7]{1,4}");
    static final int SIGKILL = 9, SIGTERM = 15, SIGCONT = 18;

    /**
     * The node-level settings.
     *
     * @param daemonUid    the uid slurmd runs as; other than 0 it can only run jobs of that uid
     * @param confPath     SLURM_CONF given to jobs and hooks
     * @param hookTimeout  limit for Prolog and Epilog
     * @param pollInterval how often adopted jobs and leftovers are checked
     * @param unkillable   how long to wait for processes to go after SIGKILL before giving up
     */
    public record Settings(String nodeName, Path spoolDir, int daemonUid, String confPath, String clusterName,
                           Duration hookTimeout, Duration pollInterval, Duration unkillable,
                           Function<Collection<String>, String> compress) {}

    /** How a job ended: exit code 0-255 and signal, as JobComplete carries them. */
    public record Outcome(String node, long jobId, int exitCode, int signal) {}

    /** Receives each outcome once per slurmd lifetime (again after a restart if never acknowledged). */
    @FunctionalInterface
    public interface Listener {
        void completed(Outcome outcome);
    }

    /** slurmd's record of one job. Guarded by its own monitor where several fields change together. */
    private static final class Rec {
        final long jobId;
        final JobFiles files;
        int uid;
        int gid;
        String user = "";
        String name = "";
        String partition = "";
        String nodeList = "";
        String account = "";
        volatile long wrapperPid = -1;
        volatile long wrapperStart = -1;
        volatile long jobPgid = -1;
        volatile long jobStart = -1;
        final Set<Integer> signalsSent = ConcurrentHashMap.newKeySet();
        volatile boolean killRequested;
        volatile Outcome outcome;
        volatile boolean reported;
        volatile boolean terminating;
        volatile boolean starting;

        Rec(long jobId, JobFiles files) {
            this.jobId = jobId;
            this.files = files;
        }
    }

    private final Settings settings;
    private final Accounts accounts;
    private final ProcessTools proc;
    private final HookRunner hooks;
    private final ScheduledExecutorService sched;
    private final Listener listener;
    private final Clock clock;
    private final Map<Long, Rec> jobs = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> poller;
    private final Set<Thread> terminating = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public JobSupervisor(Settings settings, Accounts accounts, ProcessTools proc, ScheduledExecutorService sched,
                         Listener listener, Clock clock) throws IOException {
        this.settings = settings;
        this.accounts = accounts;
        this.proc = proc;
        this.hooks = new HookRunner(proc, settings.hookTimeout());
        this.sched = sched;
        this.listener = listener;
        this.clock = clock;
        createSpool(settings.spoolDir());
        long ms = Math.max(50, settings.pollInterval().toMillis());
        this.poller = sched.scheduleWithFixedDelay(this::pollSafely, ms, ms, TimeUnit.MILLISECONDS);
    }

    public String nodeName() { return settings.nodeName(); }

    /** Creates the spool directory (0755) and warns when job users could not reach their scripts. */
    static void createSpool(Path spool) throws IOException {
        if (!Files.isDirectory(spool)) {
            Files.createDirectories(spool);
            Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path p = spool.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    LOG.warning("spool directory " + spool + ": " + p + " is not searchable by others;"
                            + " jobs of other users will not be able to run their scripts");
                    break;
                }
            } catch (IOException | UnsupportedOperationException e) {
                break;
            }
        }
    }

    // ------------------------------------------------------------------------------ launch

    /**
     * Starts a batch job: Prolog (as the daemon's user), spool files, then the wrapper. Returns
     * once the wrapper runs (its pid file exists), not when the job ends. A launch for a job that
     * is already running here is accepted without a second start.
     *
     * @throws LaunchException ACCESS_DENIED (uid this daemon cannot run jobs for), PROLOG_FAILED
     *                         (with the prolog's exit status), BAD_REQUEST or UNEXPECTED
     */
    public void launch(LaunchRequest req) throws LaunchException {
        if (closed) throw new LaunchException(SlurmError.UNEXPECTED, "slurmd is shutting down");
        Job job = req.job();
        JobSpec spec = job.spec();
        long id = job.id();
        int uid = spec.uid();
        if (id <= 0) throw new LaunchException(SlurmError.INVALID_JOB_ID, "invalid job id " + id);
        if (uid < 0) throw new LaunchException(SlurmError.BAD_REQUEST, "job " + id + " has no uid");
        if (spec.script() == null || spec.script().isEmpty()) {
            throw new LaunchException(SlurmError.BAD_REQUEST, "job " + id + " has no batch script");
        }
        if (settings.daemonUid() != 0 && uid != settings.daemonUid()) {
            throw new LaunchException(SlurmError.ACCESS_DENIED, "slurmd running as uid " + settings.daemonUid()
                    + " cannot launch jobs for uid " + uid);
        }
        Optional<Accounts.Account> acct = accounts.byUid(uid);
        String user = !spec.userName().isEmpty() ? spec.userName()
                : acct.map(Accounts.Account::name).orElse(Integer.toString(uid));
        int gid = spec.gid() >= 0 ? spec.gid() : acct.map(Accounts.Account::gid).orElse(uid);
        List<String> nodeNames = job.alloc().isEmpty() ? List.of(nodeName()) : job.nodeNames();

        JobFiles files = JobFiles.of(settings.spoolDir(), id);
        Rec rec = new Rec(id, files);
        rec.uid = uid;
        rec.gid = gid;
        rec.user = user;
        rec.name = spec.name();
        rec.partition = job.partition() != null ? job.partition() : "";
        rec.nodeList = settings.compress().apply(nodeNames);
        rec.account = spec.account() != null ? spec.account() : "";
        rec.starting = true;
        synchronized (jobs) {
            Rec existing = jobs.get(id);
            if (existing != null) {
                if (existing.outcome == null) {
                    LOG.info("job " + id + ": launch request for a job already running on " + nodeName()
                            + ", ignored");
                    return;
                }
                forget(existing); // an earlier run of a requeued job
            }
            jobs.put(id, rec);
        }

        if (!req.prolog().isEmpty()) {
            int rc = hooks.run("prolog", req.prolog(), hookEnv(rec, "prolog_slurmd", req.cluster()),
                    settings.spoolDir().resolve("prolog-" + id + ".out"));
            if (rc != 0) {
                rec.starting = false;
                jobs.remove(id, rec);
                throw new LaunchException(SlurmError.PROLOG_FAILED,
                        "prolog " + req.prolog() + " failed with exit status " + rc + " on " + nodeName(), rc);
            }
        }
        try {
            start(req, rec, acct);
        } catch (IOException | RuntimeException e) {
            rec.starting = false;
            jobs.remove(id, rec);
            LOG.log(Level.WARNING, "job " + id + ": launch failed on " + nodeName() + ": " + e.getMessage(), e);
            try {
                files.delete();
            } catch (IOException ignored) {
                // leave it; recovery removes directories without a wrapper
            }
            throw new LaunchException(SlurmError.UNEXPECTED, "launch of job " + id + " failed on " + nodeName()
                    + ": " + e.getMessage());
        }
    }

    private void start(LaunchRequest req, Rec rec, Optional<Accounts.Account> acct) throws IOException {
        Job job = req.job();
        JobSpec spec = job.spec();
        JobFiles f = rec.files;
        boolean root = settings.daemonUid() == 0;
        boolean drop = rec.uid != settings.daemonUid();
        f.delete();
        Files.createDirectory(f.dir());
        Files.setPosixFilePermissions(f.dir(), PosixFilePermissions.fromString(root ? "rwx--x--x" : "rwx------"));

        String script = f.script().toString();
        if (script.indexOf('\n') >= 0) throw new IOException("spool path contains a newline");
        writeOwned(f.script(), spec.script(), "rwx------", drop ? rec : null);

        String workDir = spec.workDir() != null && !spec.workDir().isEmpty() ? spec.workDir()
                : acct.map(Accounts.Account::home).orElse("/tmp");
        if (!workDir.startsWith("/")) workDir = "/tmp";
        BatchEnvironment.Context ctx = new BatchEnvironment.Context(nodeName(),
                req.cluster().isEmpty() ? settings.clusterName() : req.cluster(), settings.confPath(), rec.uid,
                rec.gid, rec.user, acct.map(Accounts.Account::home).orElse(null), settings.compress(),
                clock.millis() / 1000);
        Map<String, String> env = BatchEnvironment.build(job, ctx, req.env());
        OutputPattern.Fields fields = OutputPattern.Fields.batch(rec.jobId, spec.name(), rec.user, nodeName());
        String out = OutputPattern.resolve(spec.stdout() != null && !spec.stdout().isEmpty() ? spec.stdout()
                : OutputPattern.DEFAULT_STDOUT, fields, workDir).toString();
        String err = spec.stderr() == null || spec.stderr().isEmpty() ? ""
                : OutputPattern.resolve(spec.stderr(), fields, workDir).toString();
        if (err.equals(out)) err = "";
        String in = spec.stdin() == null || spec.stdin().isEmpty() ? "/dev/null"
                : OutputPattern.resolve(spec.stdin(), fields, workDir).toString();
        boolean append = spec.openMode() != null && spec.openMode().toLowerCase().startsWith("a");
        String umask = env.getOrDefault("SLURM_UMASK", "");
        if (!UMASK.matcher(umask).matches()) umask = "";
        writeOwned(f.launch(), Wrapper.launchFile(env, workDir, script, job.spec().argv(), proc.tools().env(), proc.tools().sh()),
                "rw-------", drop ? rec : null);
        saveMeta(rec);

        if (rec.killRequested) { // terminated while the prolog ran: never start it
            LOG.info("job " + rec.jobId + ": terminated before it started on " + nodeName());
            rec.signalsSent.add(SIGTERM);
            rec.starting = false;
            finish(rec, 128 + SIGTERM, false);
            return;
        }
        Wrapper.Identity id;
        if (!drop) {
            id = Wrapper.Identity.same();
        } else if (acct.isPresent()) {
            id = Wrapper.Identity.initGroups(rec.uid, rec.gid);
        } else {
            id = Wrapper.Identity.groups(rec.uid, rec.gid, accounts.supplementaryGroups(rec.user));
        }
        List<String> cmd = Wrapper.command(proc.tools(), f.dir().toString(), id, f.launch().toString(),
                new Wrapper.Streams(out, err, in, append, umask));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.directory(new File("/"));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(f.wrapperLog().toFile()));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long pid;
        while ((pid = JobFiles.readNumber(f.pid())) < 0) {
            if (!p.isAlive() && JobFiles.readNumber(f.pid()) < 0) {
                throw new IOException("the job wrapper exited with status " + p.exitValue() + " before starting"
                        + wrapperLog(f));
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("the job wrapper did not start within 10 s" + wrapperLog(f));
            }
            sleep(5);
        }
        ProcessTools.Stat st = ProcessTools.stat(pid);
        synchronized (rec) {
            rec.wrapperPid = pid;
            rec.wrapperStart = st != null ? st.startTime() : -1;
            rec.starting = false;
        }
        saveMeta(rec);
        LOG.info("job " + rec.jobId + ": launched batch script on " + nodeName() + " for uid " + rec.uid
                + " (wrapper pid " + pid + ")");
        p.onExit().thenRunAsync(() -> check(rec), sched);
    }

    private void writeOwned(Path p, String text, String mode, Rec owner) throws IOException {
        Files.deleteIfExists(p);
        Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(p, text, StandardCharsets.UTF_8);
        if (owner != null) {
            Files.setAttribute(p, "unix:gid", owner.gid);
            Files.setAttribute(p, "unix:uid", owner.uid);
        }
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    private static String wrapperLog(JobFiles f) {
        try {
            String s = Files.readString(f.wrapperLog(), StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "" : ": " + s;
        } catch (IOException e) {
            return "";
        }
    }

    // ------------------------------------------------------------------------------ signals

    /**
     * Sends {@code signal} to the job: its whole process group (plus descendants that left it),
     * or with {@code batchOnly} just the batch script's process.
     */
    public void signal(long jobId, int signal, boolean batchOnly) throws LaunchException {
        Rec rec = jobs.get(jobId);
        if (rec == null) throw new LaunchException(SlurmError.INVALID_JOB_ID, "job " + jobId + " is not running on "
                + nodeName());
        if (rec.outcome != null && !processesRemain(rec)) {
            throw new LaunchException(SlurmError.ALREADY_DONE, "job " + jobId + " has already ended");
        }
        if (signal == 0) return;
        rec.signalsSent.add(signal);
        saveMetaQuietly(rec);
        LOG.info("job " + jobId + ": sending signal " + signal + (batchOnly ? " to the batch script" : "")
                + " on " + nodeName());
        if (batchOnly) {
            long pg = ownedGroup(rec);
            if (pg > 0) proc.kill(signal, List.of(pg));
        } else {
            signalAll(rec, signal);
        }
    }

    /** The job's process group and every descendant of the wrapper outside it; never the wrapper. */
    private void signalAll(Rec rec, int signal) {
        long pg = ownedGroup(rec);
        List<Long> targets = new ArrayList<>();
        if (pg > 0) targets.add(-pg);
        if (rec.wrapperPid > 0 && ProcessTools.alive(rec.wrapperPid, rec.wrapperStart)) {
            for (long d : ProcessTools.descendants(rec.wrapperPid)) {
                ProcessTools.Stat s = ProcessTools.stat(d);
                if (s != null && s.pgrp() != pg && d != rec.wrapperPid) targets.add(d);
            }
        }
        if (pg > 0) {
            // processes that moved to their own group but stayed in the job's session
            for (long m : ProcessTools.members(pg, true)) {
                ProcessTools.Stat s = ProcessTools.stat(m);
                if (s != null && s.pgrp() != pg && !targets.contains(m)) targets.add(m);
            }
        }
        proc.kill(signal, targets);
    }

    private static final long UNTRUSTED = -2;

    /**
     * The batch script's pid (= its process group and session), waiting briefly while the job is
     * starting. The value comes from a file the user's process wrote, so it is only taken if that
     * process is the wrapper's child and leads its own session (or is already gone).
     */
    private long jobPgid(Rec rec) {
        if (rec.jobPgid > 0) return rec.jobPgid;
        if (rec.jobPgid == UNTRUSTED) return -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (true) {
            long pg = JobFiles.readNumber(rec.files.jobPid());
            if (pg > 1) {
                ProcessTools.Stat s = ProcessTools.stat(pg);
                if (s != null && (s.ppid() != rec.wrapperPid || s.session() != pg)) {
                    LOG.warning("job " + rec.jobId + ": " + rec.files.jobPid() + " names pid " + pg
                            + ", which is not the job's session leader; not signalling it");
                    rec.jobPgid = UNTRUSTED;
                    return -1;
                }
                synchronized (rec) {
                    rec.jobPgid = pg;
                    rec.jobStart = s != null ? s.startTime() : -1;
                }
                saveMetaQuietly(rec);
                return pg;
            }
            boolean wrapperUp = rec.starting || (rec.wrapperPid > 0 && ProcessTools.alive(rec.wrapperPid, rec.wrapperStart)
                    && !Files.exists(rec.files.status()));
            if (!wrapperUp || System.nanoTime() > deadline) return -1;
            sleep(10);
        }
    }

    private boolean wrapperAlive(Rec rec) {
        return rec.wrapperPid > 0 && ProcessTools.alive(rec.wrapperPid, rec.wrapperStart);
    }

    /**
     * The job's process group if it is still the job's: its leader runs with the start time seen
     * when the id was recorded, or is gone (an id stays reserved while its group or session has
     * members, so what is left in it belongs to the job). -1 otherwise.
     */
    private long ownedGroup(Rec rec) {
        long pg = jobPgid(rec);
        if (pg <= 1) return -1;
        ProcessTools.Stat s = ProcessTools.stat(pg);
        if (s == null) return pg;
        return rec.jobStart >= 0 && s.startTime() == rec.jobStart ? pg : -1;
    }

    /** Any process of the job left: the wrapper still waiting, or members of the job's group or session. */
    private boolean processesRemain(Rec rec) {
        if (wrapperAlive(rec)) return true;
        long pg = ownedGroup(rec);
        return pg > 0 && ProcessTools.anyMember(pg);
    }

    // ------------------------------------------------------------------------------ terminate

    /**
     * Ends the job asynchronously: SIGCONT and SIGTERM to all its processes, SIGKILL after
     * {@code killWaitS} seconds for any still there, then the Epilog if asked. For a job this node
     * does not know only the Epilog runs.
     */
    public void terminate(long jobId, int killWaitS, String epilog, boolean runEpilog, String cluster) {
        Rec rec = jobs.get(jobId);
        if (rec != null) {
            synchronized (rec) {
                if (rec.terminating) {
                    LOG.fine(() -> "job " + jobId + ": terminate already in progress");
                    return;
                }
                rec.terminating = true;
                rec.killRequested = true;
            }
            saveMetaQuietly(rec);
        }
        Thread t = Thread.ofVirtual().name("terminate-" + jobId).unstarted(() -> {
            try {
                if (rec != null) kill(rec, killWaitS);
                if (runEpilog && epilog != null && !epilog.isEmpty()) {
                    Rec info = rec != null ? rec : new Rec(jobId, JobFiles.of(settings.spoolDir(), jobId));
                    int rc = hooks.run("epilog", epilog, hookEnv(info, "epilog_slurmd", cluster),
                            settings.spoolDir().resolve("epilog-" + jobId + ".out"));
                    if (rc != 0) LOG.warning("job " + jobId + ": epilog failed with status " + rc + " on " + nodeName());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "job " + jobId + ": terminate failed on " + nodeName(), e);
            } finally {
                if (rec != null) {
                    rec.terminating = false;
                    if (rec.reported && rec.outcome != null) forget(rec);
                }
                terminating.remove(Thread.currentThread());
            }
        });
        terminating.add(t);
        t.start();
    }

    /** Waits until no TerminateJob is in progress (tests; an orderly shutdown). */
    public boolean awaitTerminations(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        for (Thread t : List.copyOf(terminating)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) return false;
        }
        return true;
    }

    private void kill(Rec rec, int killWaitS) {
        // a launch still in its prolog or spawning sees killRequested, or is spawned before we look
        long until = System.nanoTime() + settings.hookTimeout().toNanos() + TimeUnit.SECONDS.toNanos(15);
        while (rec.starting && System.nanoTime() < until) sleep(10);
        if (processesRemain(rec)) {
            LOG.info("job " + rec.jobId + ": terminating on " + nodeName() + " (KillWait " + killWaitS + " s)");
            rec.signalsSent.add(SIGTERM);
            saveMetaQuietly(rec);
            signalAll(rec, SIGCONT);
            signalAll(rec, SIGTERM);
            if (!waitGone(rec, Duration.ofSeconds(Math.max(0, killWaitS)))) {
                rec.signalsSent.add(SIGKILL);
                saveMetaQuietly(rec);
                signalAll(rec, SIGKILL);
                if (!waitGone(rec, settings.unkillable())) {
                    LOG.severe("job " + rec.jobId + ": processes still there " + settings.unkillable().toSeconds()
                            + " s after SIGKILL on " + nodeName());
                }
            }
        }
        // the wrapper records the status right after the script ends
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (rec.outcome == null && System.nanoTime() < deadline) {
            check(rec);
            if (rec.outcome == null) sleep(20);
        }
    }

    private boolean waitGone(Rec rec, Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        while (processesRemain(rec)) {
            if (System.nanoTime() >= deadline) return false;
            sleep(100);
        }
        return true;
    }

    private Map<String, String> hookEnv(Rec rec, String context, String cluster) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SLURM_JOB_ID", Long.toString(rec.jobId));
        env.put("SLURM_JOBID", Long.toString(rec.jobId));
        if (!rec.user.isEmpty()) {
            env.put("SLURM_JOB_USER", rec.user);
            env.put("SLURM_JOB_UID", Integer.toString(rec.uid));
            env.put("SLURM_JOB_GID", Integer.toString(rec.gid));
        }
        if (!rec.name.isEmpty()) env.put("SLURM_JOB_NAME", rec.name);
        if (!rec.partition.isEmpty()) env.put("SLURM_JOB_PARTITION", rec.partition);
        if (!rec.nodeList.isEmpty()) env.put("SLURM_JOB_NODELIST", rec.nodeList);
        if (!rec.account.isEmpty()) env.put("SLURM_JOB_ACCOUNT", rec.account);
        String c = cluster != null && !cluster.isEmpty() ? cluster : settings.clusterName();
        if (c != null && !c.isEmpty()) env.put("SLURM_CLUSTER_NAME", c);
        if (settings.confPath() != null) env.put("SLURM_CONF", settings.confPath());
        env.put("SLURMD_NODENAME", nodeName());
        env.put("SLURM_SCRIPT_CONTEXT", context);
        return env;
    }

    // ------------------------------------------------------------------------------ completion

    /** Checks whether a running job has ended; safe to call at any time from any thread. */
    private void check(Rec rec) {
        if (closed || rec.outcome != null || rec.starting) return;
        long status = JobFiles.readNumber(rec.files.status());
        if (status >= 0) {
            finish(rec, (int) status, false);
            return;
        }
        if (rec.wrapperPid > 0 && !wrapperAlive(rec)) {
            status = JobFiles.readNumber(rec.files.status());
            finish(rec, (int) status, status < 0);
        }
    }

    private void finish(Rec rec, int status, boolean lost) {
        Outcome o;
        synchronized (rec) {
            if (rec.outcome != null) return;
            if (lost) {
                LOG.warning("job " + rec.jobId + ": the job wrapper vanished without recording an exit status on "
                        + nodeName() + "; reporting the job as killed");
                o = new Outcome(nodeName(), rec.jobId, 0, SIGKILL);
            } else {
                o = outcome(nodeName(), rec.jobId, status, rec.signalsSent);
            }
            rec.outcome = o;
        }
        saveMetaQuietly(rec);
        LOG.info("job " + rec.jobId + ": batch script ended on " + nodeName() + ", exit code " + o.exitCode()
                + " signal " + o.signal());
        if (o.exitCode() != 0 || o.signal() != 0) {
            String w = wrapperLog(rec.files);
            if (!w.isEmpty()) LOG.info("job " + rec.jobId + ": wrapper output" + w);
        }
        listener.completed(o);
    }

    /**
     * Turns the wrapper's status into (exit code, signal): 128+N counts as "killed by signal N"
     * only when slurmd sent signal N to the job; otherwise it is the script's exit code.
     */
    public static Outcome outcome(String node, long jobId, int status, Collection<Integer> signalsSent) {
        if (status > 128 && status <= 128 + 64 && signalsSent.contains(status - 128)) {
            return new Outcome(node, jobId, 0, status - 128);
        }
        return new Outcome(node, jobId, status & 0xff, 0);
    }

    /**
     * The controller has this outcome: the spool directory goes once no process of the job is
     * left (a TerminateJob or the poller takes care of the rest). An acknowledgement for an
     * earlier run of a job id that was launched again is ignored.
     */
    public void acknowledged(Outcome o) {
        Rec rec = jobs.get(o.jobId());
        if (rec == null || rec.outcome != o) return;
        rec.reported = true;
        saveMetaQuietly(rec);
        if (!rec.terminating && !processesRemain(rec)) forget(rec);
    }

    private void forget(Rec rec) {
        jobs.remove(rec.jobId, rec);
        try {
            rec.files.delete();
        } catch (IOException e) {
            LOG.warning("job " + rec.jobId + ": cannot remove " + rec.files.dir() + ": " + e.getMessage());
        }
    }

    /** Jobs launched here whose completion the controller has not acknowledged (for NodeRegister). */
    public List<Long> activeJobs() {
        return jobs.values().stream().filter(r -> !r.reported).map(r -> r.jobId).sorted().toList();
    }

    /** The recorded outcome of a job still known here. */
    public Optional<Outcome> outcome(long jobId) {
        Rec r = jobs.get(jobId);
        return r == null ? Optional.empty() : Optional.ofNullable(r.outcome);
    }

    public boolean knows(long jobId) { return jobs.containsKey(jobId); }

    /** The batch script's pid (and process group), or -1. */
    public long scriptPid(long jobId) {
        Rec r = jobs.get(jobId);
        return r == null ? -1 : jobPgid(r);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job poller on " + nodeName() + " failed", e);
        }
    }

    private void poll() {
        for (Rec rec : jobs.values()) {
            if (rec.outcome == null) {
                check(rec);
            } else if (rec.reported && !rec.terminating && !processesRemain(rec)) {
                forget(rec);
            }
        }
    }

    // ------------------------------------------------------------------------------ recovery

    /**
     * Rebuilds the job table from the spool after a (re)start: adopts live wrappers, reports
     * finished jobs whose completion was never acknowledged, removes what is stale.
     */
    public void recover() {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(settings.spoolDir())) {
            for (Path p : ds) if (JobFiles.jobIdOf(p) > 0 && Files.isDirectory(p)) dirs.add(p);
        } catch (IOException e) {
            LOG.warning("cannot read spool directory " + settings.spoolDir() + ": " + e.getMessage());
            return;
        }
        for (Path d : dirs) {
            long id = JobFiles.jobIdOf(d);
            if (jobs.containsKey(id)) continue;
            try {
                recoverOne(id, new JobFiles(d));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "job " + id + ": cannot recover from " + d + ": " + e.getMessage(), e);
            }
        }
    }

    private void recoverOne(long id, JobFiles f) throws IOException {
        if (!Files.exists(f.meta())) {
            LOG.info("job " + id + ": removing incomplete spool directory " + f.dir());
            f.delete();
            return;
        }
        Properties m = f.readMeta();
        Rec rec = new Rec(id, f);
        rec.uid = intOf(m, "uid", -1);
        rec.gid = intOf(m, "gid", -1);
        rec.user = m.getProperty("user", "");
        rec.name = m.getProperty("name", "");
        rec.partition = m.getProperty("partition", "");
        rec.nodeList = m.getProperty("nodelist", "");
        rec.account = m.getProperty("account", "");
        rec.wrapperPid = longOf(m, "wrapper_pid", -1);
        rec.wrapperStart = longOf(m, "wrapper_start", -1);
        rec.jobPgid = longOf(m, "job_pgid", -1);
        rec.jobStart = longOf(m, "job_start", -1);
        rec.killRequested = Boolean.parseBoolean(m.getProperty("kill_requested", "false"));
        rec.reported = Boolean.parseBoolean(m.getProperty("reported", "false"));
        for (String s : m.getProperty("signals", "").split(",")) {
            if (!s.isBlank()) rec.signalsSent.add(Integer.parseInt(s.trim()));
        }
        if (Boolean.parseBoolean(m.getProperty("finished", "false"))) {
            rec.outcome = new Outcome(nodeName(), id, intOf(m, "exit_code", 0), intOf(m, "signal", 0));
            if (rec.reported && !processesRemain(rec)) {
                f.delete();
                return;
            }
            jobs.put(id, rec);
            if (!rec.reported) {
                LOG.info("job " + id + ": reporting the completion recorded before the restart");
                listener.completed(rec.outcome);
            }
            return;
        }
        if (rec.wrapperPid <= 0) {
            // slurmd stopped between starting the wrapper and recording its pid
            long pid = JobFiles.readNumber(f.pid());
            if (pid > 0 && ProcessTools.alive(pid, -1) && ProcessTools.cmdline(pid).contains(f.dir().toString())) {
                rec.wrapperPid = pid;
                ProcessTools.Stat st = ProcessTools.stat(pid);
                rec.wrapperStart = st != null ? st.startTime() : -1;
            }
        }
        jobs.put(id, rec);
        if (JobFiles.readNumber(f.status()) >= 0) {
            check(rec);
        } else if (rec.wrapperPid > 0 && wrapperAlive(rec)) {
            LOG.info("job " + id + ": adopted running job (wrapper pid " + rec.wrapperPid + ") on " + nodeName());
            saveMetaQuietly(rec);
        } else {
            finish(rec, -1, true);
        }
    }

    private static int intOf(Properties p, String k, int d) {
        try {
            return Integer.parseInt(p.getProperty(k, Integer.toString(d)).trim());
        } catch (NumberFormatException e) {
            return d;
        }
    }

    private static long longOf(Properties p, String k, long d) {
        try {
            return Long.parseLong(p.getProperty(k, Long.toString(d)).trim());
        } catch (NumberFormatException e) {
            return d;
        }
    }

    private void saveMeta(Rec rec) throws IOException {
        Properties p = new Properties();
        synchronized (rec) {
            p.setProperty("job_id", Long.toString(rec.jobId));
            p.setProperty("node", nodeName());
            p.setProperty("uid", Integer.toString(rec.uid));
            p.setProperty("gid", Integer.toString(rec.gid));
            p.setProperty("user", rec.user);
            p.setProperty("name", rec.name);
            p.setProperty("partition", rec.partition);
            p.setProperty("nodelist", rec.nodeList);
            p.setProperty("account", rec.account);
            p.setProperty("wrapper_pid", Long.toString(rec.wrapperPid));
            p.setProperty("wrapper_start", Long.toString(rec.wrapperStart));
            p.setProperty("job_pgid", Long.toString(rec.jobPgid));
            p.setProperty("job_start", Long.toString(rec.jobStart));
            p.setProperty("kill_requested", Boolean.toString(rec.killRequested));
            p.setProperty("signals", String.join(",", new TreeSet<>(rec.signalsSent).stream().map(String::valueOf)
                    .toList()));
            p.setProperty("reported", Boolean.toString(rec.reported));
            Outcome o = rec.outcome;
            p.setProperty("finished", Boolean.toString(o != null));
            if (o != null) {
                p.setProperty("exit_code", Integer.toString(o.exitCode()));
                p.setProperty("signal", Integer.toString(o.signal()));
            }
            if (!Files.isDirectory(rec.files.dir())) return;
            rec.files.writeMeta(p);
        }
    }

    private void saveMetaQuietly(Rec rec) {
        try {
            saveMeta(rec);
        } catch (IOException e) {
            LOG.warning("job " + rec.jobId + ": cannot write " + rec.files.meta() + ": " + e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops watching; the jobs keep running and a new supervisor can adopt them. */
    @Override
    public void close() {
        closed = true;
        poller.cancel(false);
    }
}
