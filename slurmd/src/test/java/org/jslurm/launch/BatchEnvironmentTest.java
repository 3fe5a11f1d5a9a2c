package org.jslurm.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jslurm.hostlist.HostList;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.JobState;
import org.jslurm.model.NodeAlloc;
import org.junit.jupiter.api.Test;

class BatchEnvironmentTest {

    static Job job(JobSpec spec, List<NodeAlloc> alloc, long limitMin) {
        Job j = Job.pending(13, spec, "debug", limitMin, 100, 1_700_000_000L);
        Job.Builder b = j.toBuilder();
        b.state = JobState.RUNNING;
        b.startTime = 1_700_000_100L;
        b.alloc = alloc;
        b.batchHost = alloc.isEmpty() ? null : alloc.get(0).node();
        return b.build();
    }

    static JobSpec.Builder spec() {
        JobSpec.Builder s = JobSpec.builder();
        s.name = "wrap";
        s.uid = 0;
        s.gid = 0;
        s.userName = "root";
        s.workDir = "/tmp/work";
        s.submitHost = "vm";
        s.env = List.of("PATH=/usr/bin:/bin", "FOO=bar", "SLURM_JOB_ID=999", "HOME=/root", "BROKEN");
        return s;
    }

    static BatchEnvironment.Context ctx(String node) {
        return new BatchEnvironment.Context(node, "anchor", "/etc/slurm/slurm.conf", 0, 0, "root", "/root",
                HostList::compress, 1_700_000_200L);
    }

    @Test
    void matchesRealSlurmForASingleCpuJob() {
        Map<String, String> v = BatchEnvironment.slurmVariables(job(spec().build(), List.of(new NodeAlloc("vm", 1, 0)), -1),
                ctx("vm"));
        assertEquals("anchor", v.get("SLURM_CLUSTER_NAME"));
        assertEquals("/etc/slurm/slurm.conf", v.get("SLURM_CONF"));
        assertEquals("1", v.get("SLURM_CPUS_ON_NODE"));
        assertEquals("0", v.get("SLURM_GTIDS"));
        assertEquals("13", v.get("SLURM_JOBID"));
        assertEquals("13", v.get("SLURM_JOB_ID"));
        assertEquals("1", v.get("SLURM_JOB_CPUS_PER_NODE"));
        assertEquals("0", v.get("SLURM_JOB_GID"));
        assertEquals("wrap", v.get("SLURM_JOB_NAME"));
        assertEquals("vm", v.get("SLURM_JOB_NODELIST"));
        assertEquals("vm", v.get("SLURM_NODELIST"));
        assertEquals("1", v.get("SLURM_JOB_NUM_NODES"));
        assertEquals("1", v.get("SLURM_NNODES"));
        assertEquals("debug", v.get("SLURM_JOB_PARTITION"));
        assertEquals("0", v.get("SLURM_JOB_UID"));
        assertEquals("root", v.get("SLURM_JOB_USER"));
        assertEquals("0", v.get("SLURM_LOCALID"));
        assertEquals("0", v.get("SLURM_NODEID"));
        assertEquals("0", v.get("SLURM_PRIO_PROCESS"));
        assertEquals("0", v.get("SLURM_PROCID"));
        assertEquals("/tmp/work", v.get("SLURM_SUBMIT_DIR"));
        assertEquals("vm", v.get("SLURM_SUBMIT_HOST"));
        assertEquals("1", v.get("SLURM_TASKS_PER_NODE"));
        assertEquals("vm", v.get("SLURM_TOPOLOGY_ADDR"));
        assertEquals("node", v.get("SLURM_TOPOLOGY_ADDR_PATTERN"));
        assertEquals("vm", v.get("SLURMD_NODENAME"));
        assertEquals("BATCH", v.get("ENVIRONMENT"));
        assertEquals("1700000100", v.get("SLURM_JOB_START_TIME"));
        assertFalse(v.containsKey("SLURM_JOB_END_TIME"), "no end time without a limit");
        assertFalse(v.containsKey("SLURM_NTASKS"), "only with -n");
        assertFalse(v.containsKey("SLURM_NPROCS"));
        assertFalse(v.containsKey("SLURM_CPUS_PER_TASK"), "only with -c");
        assertFalse(v.containsKey("SLURM_MEM_PER_NODE"));
        assertFalse(v.containsKey("SLURM_JOB_ACCOUNT"));
    }

    @Test
    void multiNodeJobWithTasksCpusAndMemory() {
        JobSpec.Builder s = spec();
        s.numTasks = 7;
        s.cpusPerTask = 1;
        s.memPerNodeMb = 2048;
        s.account = "physics";
        s.minNodes = 4;
        List<NodeAlloc> alloc = List.of(new NodeAlloc("emu1", 2, 0), new NodeAlloc("emu2", 2, 0),
                new NodeAlloc("emu3", 2, 0), new NodeAlloc("emu5", 1, 0));
        Map<String, String> v = BatchEnvironment.slurmVariables(job(s.build(), alloc, 30), ctx("emu1"));
        assertEquals("emu[1-3,5]", v.get("SLURM_JOB_NODELIST"));
        assertEquals("4", v.get("SLURM_NNODES"));
        assertEquals("2(x3),1", v.get("SLURM_JOB_CPUS_PER_NODE"));
        assertEquals("2", v.get("SLURM_CPUS_ON_NODE"));
        assertEquals("7", v.get("SLURM_NTASKS"));
        assertEquals("7", v.get("SLURM_NPROCS"));
        assertEquals("2(x3),1", v.get("SLURM_TASKS_PER_NODE"));
        assertEquals("1", v.get("SLURM_CPUS_PER_TASK"));
        assertEquals("2048", v.get("SLURM_MEM_PER_NODE"));
        assertEquals("physics", v.get("SLURM_JOB_ACCOUNT"));
        assertEquals(Long.toString(1_700_000_100L + 30 * 60), v.get("SLURM_JOB_END_TIME"));
    }

    @Test
    void cpusPerTaskShapesTheDefaultTaskLayout() {
        JobSpec.Builder s = spec();
        s.cpusPerTask = 2;
        s.memPerCpuMb = 100;
        List<NodeAlloc> alloc = List.of(new NodeAlloc("a1", 4, 0), new NodeAlloc("a2", 4, 0));
        Map<String, String> v = BatchEnvironment.slurmVariables(job(s.build(), alloc, 0), ctx("a1"));
        assertEquals("2", v.get("SLURM_CPUS_PER_TASK"));
        assertEquals("2(x2)", v.get("SLURM_TASKS_PER_NODE"));
        assertEquals("100", v.get("SLURM_MEM_PER_CPU"));
        assertFalse(v.containsKey("SLURM_MEM_PER_NODE"));
    }

    @Test
    void layoutAndCompression() {
        assertEquals("2(x3),1", BatchEnvironment.compressCounts(List.of(2, 2, 2, 1)));
        assertEquals("1", BatchEnvironment.compressCounts(List.of(1)));
        assertEquals("1,2,1", BatchEnvironment.compressCounts(List.of(1, 2, 1)));
        assertEquals(List.of(2, 1), BatchEnvironment.tasksPerNode(List.of(4, 4), 3, 1));
        assertEquals(List.of(1, 3), BatchEnvironment.tasksPerNode(List.of(1, 3), 4, 1));
        assertEquals(List.of(3, 2), BatchEnvironment.tasksPerNode(List.of(1, 1), 5, 1), "overcommit spreads evenly");
    }

    @Test
    void precedenceSubmitterThenSlurmThenController() {
        Job j = job(spec().build(), List.of(new NodeAlloc("vm", 1, 0)), -1);
        Map<String, String> env = BatchEnvironment.build(j, ctx("vm"),
                List.of("SLURM_WORKING_CLUSTER=anchor:ctl:6817:9728:109", "FOO=fromctld"));
        assertEquals("13", env.get("SLURM_JOB_ID"), "slurmd's value replaces the submitter's stale one");
        assertEquals("fromctld", env.get("FOO"));
        assertEquals("/usr/bin:/bin", env.get("PATH"));
        assertEquals("anchor:ctl:6817:9728:109", env.get("SLURM_WORKING_CLUSTER"));
        assertEquals("/root", env.get("HOME"));
        assertEquals("root", env.get("USER"));
        assertEquals("root", env.get("LOGNAME"));
        assertFalse(env.containsKey("BROKEN"));
        assertTrue(List.copyOf(env.keySet()).indexOf("PATH") < List.copyOf(env.keySet()).indexOf("SLURM_JOB_NAME"));
    }

    @Test
    void homeAndUserComeFromPasswdOnlyWhenMissing() {
        JobSpec.Builder s = spec();
        s.env = List.of("USER=someone");
        Job j = job(s.build(), List.of(new NodeAlloc("vm", 1, 0)), -1);
        Map<String, String> env = BatchEnvironment.build(j, ctx("vm"), List.of());
        assertEquals("someone", env.get("USER"));
        assertEquals("root", env.get("LOGNAME"));
        assertEquals("/root", env.get("HOME"));
    }
}
