package org.jslurm.ctld;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.jslurm.auth.Identity;
import org.jslurm.model.Job;
import org.jslurm.model.JobState;
import org.jslurm.model.Node;
import org.jslurm.model.Partition;
import org.jslurm.model.SlurmError;
import org.jslurm.model.SlurmException;
import org.jslurm.rpc.Convert;
import org.jslurm.rpc.RpcServer;
import org.jslurm.wire.proto.ConfigReply;
import org.jslurm.wire.proto.JobInfoQuery;
import org.jslurm.wire.proto.JobList;
import org.jslurm.wire.proto.KillJob;
import org.jslurm.wire.proto.KillReply;
import org.jslurm.wire.proto.KillResult;
import org.jslurm.wire.proto.NodeList;
import org.jslurm.wire.proto.NodeRegister;
import org.jslurm.wire.proto.Ok;
import org.jslurm.wire.proto.PartitionList;
import org.jslurm.wire.proto.RegisterReply;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;
import org.jslurm.wire.proto.RpcStat;
import org.jslurm.wire.proto.RpcUserStat;
import org.jslurm.wire.proto.StatsReply;
import org.jslurm.wire.proto.SubmitReply;

/**
 * Turns authenticated requests into controller calls and replies. Reads (job, node, partition,
 * config, stats) use the lock-free state and never wait for the scheduler or for writers.
 */
final class Dispatcher implements RpcServer.Handler {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final Controller ctl;
    private final ConfigView config;
    private final Users users;
    private final Runnable shutdown;
    private final Runnable reconfigure;
    /** Requests being served now: sdiag's "Server thread count" (handlers run on virtual threads). */
    private final java.util.concurrent.atomic.AtomicInteger serving = new java.util.concurrent.atomic.AtomicInteger();

    Dispatcher(Controller ctl, ConfigView config, Users users, Runnable shutdown, Runnable reconfigure) {
        this.ctl = ctl;
        this.config = config;
        this.users = users;
        this.shutdown = shutdown;
        this.reconfigure = reconfigure;
    }

    /** The configuration as `scontrol show config` prints it. */
    interface ConfigView {
        List<Map.Entry<String, String>> entries();
    }

    @Override
    public Response handle(Request req, Identity who) {
        long t0 = System.nanoTime();
        serving.incrementAndGet();
        try {
            return dispatch(req, who);
        } catch (SlurmException e) {
            return RpcServer.error(e.error(), e.getMessage());
        } finally {
            serving.decrementAndGet();
            ctl.stats().rpc(req.getBodyCase().name(), who.uid(), (System.nanoTime() - t0) / 1000);
        }
    }

    private Response dispatch(Request req, Identity who) {
        return switch (req.getBodyCase()) {
            case PING -> ok();
            case SUBMIT_BATCH -> {
                long id = ctl.submit(Convert.fromMsg(req.getSubmitBatch().getSpec()), who);
                yield Response.newBuilder().setSubmit(SubmitReply.newBuilder().setJobId(id)).build();
            }
            case JOB_INFO -> jobInfo(req.getJobInfo(), who);
            case NODE_INFO -> nodeInfo(req.getNodeInfo().getNamesList());
            case PARTITION_INFO -> partitionInfo(req.getPartitionInfo().getNamesList());
            case KILL_JOB -> kill(req.getKillJob(), who);
            case UPDATE_JOB -> {
                var u = req.getUpdateJob();
                if (u.getAction().isEmpty()) Updates.updateJob(ctl, u.getJobId(), u.getFieldsMap(), who);
                else Updates.holdOrRelease(ctl, u.getJobId(), u.getAction(), who);
                yield ok();
            }
            case REQUEUE -> {
                for (long id : req.getRequeue().getJobIdsList()) Updates.requeue(ctl, id, req.getRequeue().getHold(), who);
                yield ok();
            }
            case UPDATE_NODE -> {
                var u = req.getUpdateNode();
                Updates.updateNodes(ctl, u.getNamesList(), u.getState().isEmpty() ? null : u.getState(),
                        u.getReason().isEmpty() ? null : u.getReason(), who);
                yield ok();
            }
            case UPDATE_PARTITION -> {
                Updates.updatePartition(ctl, req.getUpdatePartition().getName(),
                        req.getUpdatePartition().getFieldsMap(), who);
                yield ok();
            }
            case CONFIG -> config();
            case STATS -> {
                if (req.getStats().getReset()) {
                    if (!ctl.privileged(who)) throw new SlurmException(SlurmError.ACCESS_DENIED);
                    ctl.stats().reset(ctl.now());
                }
                yield stats();
            }
            case RECONFIGURE -> {
                requirePrivileged(who);
                reconfigure.run();
                yield ok();
            }
            case SHUTDOWN -> {
                requirePrivileged(who);
                LOG.info("shutdown requested by uid " + who.uid());
                Thread.ofVirtual().start(shutdown);
                yield ok();
            }
            case NODE_REGISTER -> {
                requirePrivileged(who);
                NodeRegister r = req.getNodeRegister();
                ctl.nodeRegistered(new Controller.NodeReport(r.getNode(), r.getCpus(), r.getRealMemoryMb(),
                        r.getBootTime(), r.getSlurmdStartTime(), r.getVersion(), r.getOs(), r.getArch(),
                        r.getCpuLoad(), r.getFreeMemMb(), r.getRunningJobsList()), r.getHeartbeat());
                yield Response.newBuilder().setRegister(RegisterReply.newBuilder()
                        .setHeartbeatIntervalS(ctl.settings().heartbeatIntervalS())).build();
            }
            case JOB_COMPLETE -> {
                requirePrivileged(who);
                var c = req.getJobComplete();
                ctl.jobComplete(c.getNode(), c.getJobId(), c.getExitCode(), c.getSignal());
                yield ok();
            }
            case PROLOG_FAILED -> {
                requirePrivileged(who);
                yield ok();
            }
            case LAUNCH_BATCH, SIGNAL_JOB, TERMINATE_JOB, BODY_NOT_SET ->
                    RpcServer.error(SlurmError.BAD_REQUEST, "request not handled by slurmctld: " + req.getBodyCase());
        };
    }

    private void requirePrivileged(Identity who) {
        if (!ctl.privileged(who)) throw new SlurmException(SlurmError.ACCESS_DENIED);
    }

    private static Response ok() { return Response.newBuilder().setOk(Ok.getDefaultInstance()).build(); }

    private Response jobInfo(JobInfoQuery q, Identity who) {
        JobList.Builder b = JobList.newBuilder().setNow(ctl.now());
        if (q.getJobIdsCount() == 0) {
            for (Job j : ctl.state().jobs()) b.addJobs(Convert.toMsg(j, false));
        } else {
            for (long id : q.getJobIdsList()) {
                ctl.state().job(id).ifPresent(j -> b.addJobs(Convert.toMsg(j,
                        q.getIncludeScript() && (j.uid() == who.uid() || ctl.privileged(who)))));
            }
        }
        return Response.newBuilder().setJobs(b).build();
    }

    private Response nodeInfo(List<String> names) {
        Map<String, List<String>> partsOf = new HashMap<>();
        for (Partition p : ctl.state().partitions()) {
            for (String n : p.nodes()) partsOf.computeIfAbsent(n, k -> new ArrayList<>()).add(p.name());
        }
        NodeList.Builder b = NodeList.newBuilder().setNow(ctl.now());
        for (Node n : ctl.state().nodes()) {
            if (names.isEmpty() || names.contains(n.name())) {
                b.addNodes(Convert.toMsg(n, partsOf.getOrDefault(n.name(), List.of())));
            }
        }
        return Response.newBuilder().setNodes(b).build();
    }

    private Response partitionInfo(List<String> names) {
        PartitionList.Builder b = PartitionList.newBuilder().setNow(ctl.now());
        for (Partition p : ctl.state().partitions()) {
            if (names.isEmpty() || names.contains(p.name())) b.addPartitions(Convert.toMsg(p));
        }
        return Response.newBuilder().setPartitions(b).build();
    }

    private Response kill(KillJob k, Identity who) {
        List<Long> ids = new ArrayList<>();
        if (k.getJobIdsCount() == 0) {
            // scancel -u/-p/-n/-t without ids: every matching job of the caller (all users' for admins)
            for (Job j : ctl.state().jobs()) {
                if (!j.isFinished() && matches(j, k) && (j.uid() == who.uid() || ctl.privileged(who))) ids.add(j.id());
            }
        } else {
            // ids and filters together: only the listed jobs that match the filters, as Slurm does
            for (long id : k.getJobIdsList()) {
                var j = ctl.state().job(id);
                if (j.isEmpty() || matches(j.get(), k)) ids.add(id);
            }
        }
        KillReply.Builder r = KillReply.newBuilder();
        ctl.kill(ids, k.getSignal(), k.getBatchOnly(), who).forEach((id, e) -> {
            KillResult.Builder kr = KillResult.newBuilder().setJobId(id);
            if (e != SlurmError.SUCCESS) kr.setError(e.name());
            r.addResults(kr);
        });
        return Response.newBuilder().setKill(r).build();
    }

    private static boolean matches(Job j, KillJob k) {
        if (!k.getUser().isEmpty() && !k.getUser().equals(j.userName()) && !k.getUser().equals(String.valueOf(j.uid()))) {
            return false;
        }
        if (!k.getPartition().isEmpty() && !k.getPartition().equals(j.partition())) return false;
        if (!k.getName().isEmpty() && !k.getName().equals(j.name())) return false;
        return k.getStatesCount() == 0
                || k.getStatesList().stream().anyMatch(s -> JobState.parse(s).orElse(null) == j.state());
    }

    private Response config() {
        ConfigReply.Builder b = ConfigReply.newBuilder().setNow(ctl.now()).setCluster(ctl.settings().clusterName());
        for (var e : config.entries()) {
            b.addEntries(org.jslurm.wire.proto.ConfigEntry.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
        }
        return Response.newBuilder().setConfig(b).build();
    }

    private Response stats() {
        Stats s = ctl.stats();
        long pending = 0, running = 0;
        for (Job j : ctl.state().jobs()) {
            if (j.isPending()) pending++;
            else if (j.holdsResources()) running++;
        }
        StatsReply.Builder b = StatsReply.newBuilder().setNow(ctl.now()).setSince(s.since.get())
                .setServerThreads(serving.get())
                .setJobsSubmitted(s.submitted.sum()).setJobsStarted(s.started.sum())
                .setJobsCompleted(s.completed.sum()).setJobsCanceled(s.canceled.sum()).setJobsFailed(s.failed.sum())
                .setJobsPending(pending).setJobsRunning(running).setJobStatesTs(ctl.now())
                .setSchedCycles(s.schedCycles.get()).setSchedLastUs(s.schedLastUs.get())
                .setSchedMaxUs(s.schedMaxUs.get()).setSchedTotalUs(s.schedTotalUs.get())
                .setSchedLastDepth(s.schedLastDepth.get()).setSchedTotalDepth(s.schedTotalDepth.get())
                .setSchedLastQueue(s.schedLastQueue.get())
                .setJournalSyncs(ctl.journal().syncCount()).setJournalRecords(ctl.journal().recordCount());
        s.byType.entrySet().stream()
                .sorted((a, c) -> Long.compare(c.getValue().count().sum(), a.getValue().count().sum()))
                .forEach(e -> {
                    RpcNames.Name n = RpcNames.of(e.getKey());
                    b.addRpcs(RpcStat.newBuilder().setName(n.name()).setCode(n.code())
                            .setCount(e.getValue().count().sum()).setTotalUs(e.getValue().totalUs().sum()));
                });
        s.byUser.forEach((uid, v) -> b.addUsers(RpcUserStat.newBuilder().setUid(uid).setUser(users.nameOf(uid))
                .setCount(v.count().sum()).setTotalUs(v.totalUs().sum())));
        return Response.newBuilder().setStats(b).build();
    }
}
