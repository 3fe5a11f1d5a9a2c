package org.jslurm.cmd.testing;

import java.util.List;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.JobState;
import org.jslurm.model.Node;
import org.jslurm.model.NodeAlloc;
import org.jslurm.model.NodeBase;
import org.jslurm.model.NodeSpec;
import org.jslurm.model.Partition;
import org.jslurm.model.Reasons;

/** The cluster of the transcripts: node vm (2 CPUs, 24105 MB), partition debug, jobs 1-6. */
public final class Fixtures {
    private Fixtures() {}

    public static final String WD = "/tmp/slurm-transcripts.BVlmbb";
    /** 2026-11-22T03:56:41Z */
    public static final long T41 = 1795319801L;
    public static final long T43 = 1795319803L;

    public static JobSpec spec(String name) {
        JobSpec.Builder b = JobSpec.builder();
        b.name = name;
        b.uid = 0;
        b.gid = 0;
        b.userName = "root";
        b.workDir = WD;
        b.submitHost = "localhost";
        b.script = "#!/bin/sh\ntrue\n";
        return b.build();
    }

    public static Job pending(long id, JobSpec spec, long priority, String reason) {
        Job.Builder b = Job.pending(id, spec, "debug", -1, priority, T41).toBuilder();
        b.reason = reason;
        if (spec.hold()) b.priority = 0;
        return b.build();
    }

    public static Job running(long id, JobSpec spec, long priority, long start) {
        Job.Builder b = Job.pending(id, spec, "debug", -1, priority, T41).toBuilder();
        b.state = JobState.RUNNING;
        b.reason = Reasons.NONE;
        b.startTime = start;
        b.alloc = List.of(new NodeAlloc("vm", spec.minCpus(), 0));
        b.batchHost = "vm";
        return b.build();
    }

    public static JobSpec held(String name) {
        JobSpec.Builder b = spec(name).toBuilder();
        b.hold = true;
        return b.build();
    }

    /** Jobs 1, 2 running; 3 held; 5 needs 2 CPUs; 6 held with a 5-minute limit (no array job 4). */
    public static List<Job> queue() {
        Job j1 = running(1, spec("wrap"), 4294901759L, T43);
        Job j2 = running(2, spec("wrap"), 4294901758L, T43);
        Job j3 = pending(3, held("heldjob"), 0, Reasons.HELD_USER);
        JobSpec.Builder b5 = spec("needs2cpu").toBuilder();
        b5.cpusPerTask = 2;
        Job j5 = pending(5, b5.build(), 4294901755L, Reasons.RESOURCES);
        JobSpec.Builder b6 = held("fromfile").toBuilder();
        b6.command = WD + "/job.sh";
        Job.Builder j6 = pending(6, b6.build(), 0, Reasons.HELD_USER).toBuilder();
        j6.timeLimitMin = 5;
        return List.of(j1, j2, j3, j5, j6.build());
    }

    public static Job job(List<Job> jobs, long id) {
        return jobs.stream().filter(j -> j.id() == id).findFirst().orElseThrow();
    }

    public static NodeSpec nodeSpec(String name, int cpus, long memMb) {
        return new NodeSpec(name, name, name, 6818, cpus, 1, 1, cpus, 1, memMb, 0, 1, List.of(), null);
    }

    public static Node node(String name, int cpus, long memMb, int alloc) {
        Node n = Node.configured(nodeSpec(name, cpus, memMb), NodeBase.UP, false, null, T41);
        Node.Builder b = n.toBuilder();
        b.cpusAlloc = alloc;
        b.arch = "x86_64";
        b.version = "22.05.8";
        b.os = "Linux 6.18.44-fc-v657 #1 SMP PREEMPT_DYNAMIC @0";
        b.cpuLoad = 0.21;
        b.freeMemMb = 23215;
        b.bootTime = 1795317539L;
        b.slurmdStartTime = 1795319800L;
        b.lastHeard = 1795319800L;
        return b.build();
    }

    /** vm as in the transcripts: 2 CPUs (1 socket, 2 cores), 24105 MB, at 127.0.0.1. */
    public static Node vm(int alloc) {
        NodeSpec s = new NodeSpec("vm", "127.0.0.1", "vm", 6818, 2, 1, 1, 2, 1, 24105, 0, 1, List.of(), null);
        Node.Builder b = node("vm", 2, 24105, alloc).toBuilder();
        b.spec = s;
        return b.build();
    }

    public static Partition debug() {
        return new Partition("debug", List.of("vm"), true, "UP", -1, -1, -1, 0, false, List.of(), "NO", 1, 1,
                false, -1, 0, 0);
    }
}
