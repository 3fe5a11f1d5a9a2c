package org.jslurm.journal;

import org.jslurm.model.JobState;
import org.jslurm.model.NodeBase;
import org.jslurm.rpc.Convert;
import org.jslurm.state.Event;
import org.jslurm.wire.proto.JobEndedMsg;
import org.jslurm.wire.proto.JobKillRequestedMsg;
import org.jslurm.wire.proto.JobModifiedMsg;
import org.jslurm.wire.proto.JobRequeuedMsg;
import org.jslurm.wire.proto.JobStartedMsg;
import org.jslurm.wire.proto.JobsPurgedMsg;
import org.jslurm.wire.proto.JournalRecord;
import org.jslurm.wire.proto.NodeStateSetMsg;

/** Encodes {@link Event}s as schema records for the journal, and back. */
public final class EventCodec {
    private EventCodec() {}

    public static JournalRecord encode(long seq, Event e) {
        JournalRecord.Builder r = JournalRecord.newBuilder().setSeq(seq);
        switch (e) {
            case Event.JobSubmitted s -> r.setJobSubmitted(Convert.toMsg(s.job()));
            case Event.JobStarted s -> {
                JobStartedMsg.Builder b = JobStartedMsg.newBuilder().setJobId(s.jobId()).setTime(s.time())
                        .setBatchHost(s.batchHost());
                s.alloc().forEach(a -> b.addAlloc(Convert.toMsg(a)));
                r.setJobStarted(b);
            }
            case Event.JobKillRequested k -> {
                JobKillRequestedMsg.Builder b = JobKillRequestedMsg.newBuilder().setJobId(k.jobId())
                        .setEndState(k.endState().name()).setByUid(k.byUid()).setTime(k.time());
                if (k.reason() != null) b.setReason(k.reason()).setHasReason(true);
                r.setJobKillRequested(b);
            }
            case Event.JobEnded d -> {
                JobEndedMsg.Builder b = JobEndedMsg.newBuilder().setJobId(d.jobId()).setState(d.state().name())
                        .setExitCode(d.exitCode()).setSignal(d.signal()).setTime(d.time()).setByUid(d.byUid());
                if (d.reason() != null) b.setReason(d.reason()).setHasReason(true);
                r.setJobEnded(b);
            }
            case Event.JobModified m -> r.setJobModified(
                    JobModifiedMsg.newBuilder().setJob(Convert.toMsg(m.job())).setBasicPriority(m.basicPriority()));
            case Event.JobRequeued q -> {
                JobRequeuedMsg.Builder b = JobRequeuedMsg.newBuilder().setJobId(q.jobId()).setTime(q.time())
                        .setHold(q.hold());
                if (q.reason() != null) b.setReason(q.reason()).setHasReason(true);
                r.setJobRequeued(b);
            }
            case Event.JobsPurged p -> r.setJobsPurged(JobsPurgedMsg.newBuilder().addAllJobIds(p.jobIds()));
            case Event.NodeStateSet n -> r.setNodeStateSet(nodeState(n));
            case Event.PartitionModified p -> r.setPartitionModified(Convert.toMsg(p.partition()));
        }
        return r.build();
    }

    public static NodeStateSetMsg nodeState(Event.NodeStateSet n) {
        NodeStateSetMsg.Builder b = NodeStateSetMsg.newBuilder().setNode(n.node()).setBase(n.base().name())
                .setDrain(n.drain()).setUid(n.uid()).setTime(n.time());
        if (n.reason() != null) b.setReason(n.reason()).setHasReason(true);
        return b.build();
    }

    public static Event.NodeStateSet nodeState(NodeStateSetMsg m) {
        return new Event.NodeStateSet(m.getNode(), NodeBase.valueOf(m.getBase()), m.getDrain(),
                m.getHasReason() ? m.getReason() : null, m.getUid(), m.getTime());
    }

    /** Decodes one record; throws IllegalArgumentException for a record this version cannot read. */
    public static Event decode(JournalRecord r) {
        return switch (r.getEventCase()) {
            case JOB_SUBMITTED -> new Event.JobSubmitted(Convert.fromMsg(r.getJobSubmitted()));
            case JOB_STARTED -> {
                JobStartedMsg m = r.getJobStarted();
                yield new Event.JobStarted(m.getJobId(), m.getTime(), Convert.allocs(m.getAllocList()),
                        m.getBatchHost());
            }
            case JOB_KILL_REQUESTED -> {
                JobKillRequestedMsg m = r.getJobKillRequested();
                yield new Event.JobKillRequested(m.getJobId(), JobState.valueOf(m.getEndState()), m.getByUid(),
                        m.getTime(), m.getHasReason() ? m.getReason() : null);
            }
            case JOB_ENDED -> {
                JobEndedMsg m = r.getJobEnded();
                yield new Event.JobEnded(m.getJobId(), JobState.valueOf(m.getState()), m.getExitCode(), m.getSignal(),
                        m.getTime(), m.getByUid(), m.getHasReason() ? m.getReason() : null);
            }
            case JOB_MODIFIED -> new Event.JobModified(Convert.fromMsg(r.getJobModified().getJob()),
                    r.getJobModified().getBasicPriority());
            case JOB_REQUEUED -> {
                JobRequeuedMsg m = r.getJobRequeued();
                yield new Event.JobRequeued(m.getJobId(), m.getTime(), m.getHold(),
                        m.getHasReason() ? m.getReason() : null);
            }
            case JOBS_PURGED -> new Event.JobsPurged(r.getJobsPurged().getJobIdsList());
            case NODE_STATE_SET -> nodeState(r.getNodeStateSet());
            case PARTITION_MODIFIED -> new Event.PartitionModified(Convert.fromMsg(r.getPartitionModified()));
            case EVENT_NOT_SET -> throw new IllegalArgumentException("journal record " + r.getSeq()
                    + " holds an event this version does not know");
        };
    }
}
