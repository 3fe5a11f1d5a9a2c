package org.jslurm.rpc;

import java.util.List;
import org.jslurm.model.Hold;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.JobState;
import org.jslurm.model.Node;
import org.jslurm.model.NodeAlloc;
import org.jslurm.model.NodeBase;
import org.jslurm.model.NodeSpec;
import org.jslurm.model.Partition;
import org.jslurm.wire.proto.JobMsg;
import org.jslurm.wire.proto.JobSpecMsg;
import org.jslurm.wire.proto.NodeAllocMsg;
import org.jslurm.wire.proto.NodeMsg;
import org.jslurm.wire.proto.NodeSpecMsg;
import org.jslurm.wire.proto.PartitionMsg;

/**
 * Maps the core's records to and from their schema messages. The only place that knows both,
 * so the core stays free of wire types and the schema can evolve by adding fields.
 */
public final class Convert {
    private Convert() {}

    // ---------------------------------------------------------------- JobSpec

    public static JobSpecMsg toMsg(JobSpec s) {
        JobSpecMsg.Builder b = JobSpecMsg.newBuilder()
                .setName(s.name()).setUid(s.uid()).setGid(s.gid()).setUserName(s.userName())
                .setMinNodes(s.minNodes()).setMaxNodes(s.maxNodes()).setNumTasks(s.numTasks())
                .setCpusPerTask(s.cpusPerTask()).setNtasksPerNode(s.ntasksPerNode())
                .setMemPerNodeMb(s.memPerNodeMb()).setMemPerCpuMb(s.memPerCpuMb()).setTimeLimitMin(s.timeLimitMin())
                .setWorkDir(s.workDir()).addAllEnv(s.env()).setScript(s.script()).setHold(s.hold())
                .addAllReqNodes(s.reqNodes()).addAllExcNodes(s.excNodes()).setExclusive(s.exclusive())
                .setNoRequeue(!s.requeue()).setSubmitHost(s.submitHost()).setNice(s.nice())
                .addAllFeatures(s.features()).addAllArgv(s.argv());
        if (s.partition() != null) b.setPartition(s.partition());
        if (s.account() != null) b.setAccount(s.account()).setHasAccount(true);
        if (s.comment() != null) b.setComment(s.comment()).setHasComment(true);
        if (s.stdout() != null) b.setStdout(s.stdout()).setHasStdout(true);
        if (s.stderr() != null) b.setStderr(s.stderr()).setHasStderr(true);
        if (s.stdin() != null) b.setStdin(s.stdin()).setHasStdin(true);
        if (s.command() != null) b.setCommand(s.command());
        if (s.openMode() != null) b.setOpenMode(s.openMode());
        return b.build();
    }

    public static JobSpec fromMsg(JobSpecMsg m) {
        JobSpec.Builder b = JobSpec.builder();
        b.name = m.getName();
        b.partition = m.getPartition().isEmpty() ? null : m.getPartition();
        b.uid = m.getUid(); b.gid = m.getGid(); b.userName = m.getUserName();
        b.account = m.getHasAccount() ? m.getAccount() : null;
        b.comment = m.getHasComment() ? m.getComment() : null;
        b.minNodes = m.getMinNodes(); b.maxNodes = m.getMaxNodes(); b.numTasks = m.getNumTasks();
        b.cpusPerTask = m.getCpusPerTask(); b.ntasksPerNode = m.getNtasksPerNode();
        b.memPerNodeMb = m.getMemPerNodeMb(); b.memPerCpuMb = m.getMemPerCpuMb(); b.timeLimitMin = m.getTimeLimitMin();
        b.workDir = m.getWorkDir();
        b.stdout = m.getHasStdout() ? m.getStdout() : null;
        b.stderr = m.getHasStderr() ? m.getStderr() : null;
        b.stdin = m.getHasStdin() ? m.getStdin() : null;
        b.env = m.getEnvList(); b.script = m.getScript();
        b.command = m.getCommand().isEmpty() ? null : m.getCommand();
        b.hold = m.getHold(); b.reqNodes = m.getReqNodesList(); b.excNodes = m.getExcNodesList();
        b.exclusive = m.getExclusive(); b.requeue = !m.getNoRequeue(); b.submitHost = m.getSubmitHost();
        b.openMode = m.getOpenMode().isEmpty() ? null : m.getOpenMode();
        b.nice = m.getNice(); b.features = m.getFeaturesList(); b.argv = m.getArgvList();
        return b.build();
    }

    // ---------------------------------------------------------------- Job

    public static JobMsg toMsg(Job j) { return toMsg(j, true); }

    /** @param withScript false drops the script and environment (queue listings don't need them) */
    public static JobMsg toMsg(Job j, boolean withScript) {
        JobSpecMsg spec = toMsg(j.spec());
        if (!withScript) spec = spec.toBuilder().clearScript().clearEnv().build();
        JobMsg.Builder b = JobMsg.newBuilder()
                .setId(j.id()).setSpec(spec).setPartition(j.partition()).setTimeLimitMin(j.timeLimitMin())
                .setState(j.state().name()).setReason(j.reason()).setHold(j.hold().name()).setPriority(j.priority())
                .setSubmitTime(j.submitTime()).setEligibleTime(j.eligibleTime()).setStartTime(j.startTime())
                .setEndTime(j.endTime()).setExitCode(j.exitCode()).setTermSignal(j.termSignal())
                .setCancelledBy(j.cancelledBy()).setRestarts(j.restarts());
        for (NodeAlloc a : j.alloc()) b.addAlloc(toMsg(a));
        if (j.batchHost() != null) b.setBatchHost(j.batchHost());
        if (j.endState() != null) b.setEndState(j.endState().name());
        return b.build();
    }

    public static Job fromMsg(JobMsg m) {
        return new Job(m.getId(), fromMsg(m.getSpec()), m.getPartition(), m.getTimeLimitMin(),
                JobState.valueOf(m.getState()), m.getReason(), Hold.valueOf(m.getHold()), m.getPriority(),
                m.getSubmitTime(), m.getEligibleTime(), m.getStartTime(), m.getEndTime(),
                m.getAllocList().stream().map(Convert::fromMsg).toList(),
                m.getBatchHost().isEmpty() ? null : m.getBatchHost(), m.getExitCode(), m.getTermSignal(),
                m.getCancelledBy(), m.getRestarts(),
                m.getEndState().isEmpty() ? null : JobState.valueOf(m.getEndState()));
    }

    public static NodeAllocMsg toMsg(NodeAlloc a) {
        return NodeAllocMsg.newBuilder().setNode(a.node()).setCpus(a.cpus()).setMemMb(a.memMb()).build();
    }

    public static NodeAlloc fromMsg(NodeAllocMsg m) { return new NodeAlloc(m.getNode(), m.getCpus(), m.getMemMb()); }

    public static List<NodeAlloc> allocs(List<NodeAllocMsg> l) { return l.stream().map(Convert::fromMsg).toList(); }

    // ---------------------------------------------------------------- Node

    public static NodeSpecMsg toMsg(NodeSpec s) {
        NodeSpecMsg.Builder b = NodeSpecMsg.newBuilder().setName(s.name()).setAddr(s.addr()).setHostname(s.hostname())
                .setPort(s.port()).setCpus(s.cpus()).setBoards(s.boards()).setSockets(s.sockets())
                .setCoresPerSocket(s.coresPerSocket()).setThreadsPerCore(s.threadsPerCore())
                .setRealMemoryMb(s.realMemoryMb()).setTmpDiskMb(s.tmpDiskMb()).setWeight(s.weight())
                .addAllFeatures(s.features());
        if (s.gres() != null) b.setGres(s.gres());
        return b.build();
    }

    public static NodeSpec fromMsg(NodeSpecMsg m) {
        return new NodeSpec(m.getName(), m.getAddr(), m.getHostname(), m.getPort(), m.getCpus(), m.getBoards(),
                m.getSockets(), m.getCoresPerSocket(), m.getThreadsPerCore(), m.getRealMemoryMb(), m.getTmpDiskMb(),
                m.getWeight(), m.getFeaturesList(), m.getGres().isEmpty() ? null : m.getGres());
    }

    public static NodeMsg toMsg(Node n, List<String> partitions) {
        NodeMsg.Builder b = NodeMsg.newBuilder().setSpec(toMsg(n.spec())).setBase(n.base().name()).setDrain(n.drain())
                .setNotResponding(n.notResponding()).setReasonUid(n.reasonUid()).setReasonTime(n.reasonTime())
                .setCpusAlloc(n.cpusAlloc()).setMemAllocMb(n.memAllocMb()).setLastHeard(n.lastHeard())
                .setBootTime(n.bootTime()).setSlurmdStartTime(n.slurmdStartTime()).setCpuLoad(n.cpuLoad())
                .setFreeMemMb(n.freeMemMb()).setCompletingJobs(n.completingJobs()).addAllPartitions(partitions);
        if (n.reason() != null) b.setReason(n.reason()).setHasReason(true);
        if (n.version() != null) b.setVersion(n.version());
        if (n.os() != null) b.setOs(n.os());
        if (n.arch() != null) b.setArch(n.arch());
        return b.build();
    }

    public static Node fromMsg(NodeMsg m) {
        return new Node(fromMsg(m.getSpec()), NodeBase.valueOf(m.getBase()), m.getDrain(), m.getNotResponding(),
                m.getHasReason() ? m.getReason() : null, m.getReasonUid(), m.getReasonTime(), m.getCpusAlloc(),
                m.getMemAllocMb(), m.getLastHeard(), m.getBootTime(), m.getSlurmdStartTime(),
                emptyToNull(m.getVersion()), emptyToNull(m.getOs()), emptyToNull(m.getArch()), m.getCpuLoad(),
                m.getFreeMemMb(), m.getCompletingJobs());
    }

    // ---------------------------------------------------------------- Partition

    public static PartitionMsg toMsg(Partition p) {
        return PartitionMsg.newBuilder().setName(p.name()).addAllNodes(p.nodes()).setIsDefault(p.isDefault())
                .setState(p.state()).setMaxTimeMin(p.maxTimeMin()).setDefaultTimeMin(p.defaultTimeMin())
                .setMaxNodes(p.maxNodes()).setMinNodes(p.minNodes()).setRootOnly(p.rootOnly())
                .addAllAllowGroups(p.allowGroups()).setOverSubscribe(p.overSubscribe())
                .setPriorityTier(p.priorityTier()).setPriorityJobFactor(p.priorityJobFactor()).setHidden(p.hidden())
                .setMaxCpusPerNode(p.maxCpusPerNode()).setDefMemPerCpuMb(p.defMemPerCpuMb())
                .setMaxMemPerNodeMb(p.maxMemPerNodeMb()).build();
    }

    public static Partition fromMsg(PartitionMsg m) {
        return new Partition(m.getName(), m.getNodesList(), m.getIsDefault(), m.getState(), m.getMaxTimeMin(),
                m.getDefaultTimeMin(), m.getMaxNodes(), m.getMinNodes(), m.getRootOnly(), m.getAllowGroupsList(),
                m.getOverSubscribe(), m.getPriorityTier(), m.getPriorityJobFactor(), m.getHidden(),
                m.getMaxCpusPerNode(), m.getDefMemPerCpuMb(), m.getMaxMemPerNodeMb());
    }

    static String emptyToNull(String s) { return s == null || s.isEmpty() ? null : s; }
}
