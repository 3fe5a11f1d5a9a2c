package org.jslurm.cmd.scontrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jslurm.cmd.Main;
import org.jslurm.cmd.testing.FakeCluster;
import org.jslurm.cmd.testing.Fixtures;
import org.jslurm.cmd.testing.Oracle;
import org.jslurm.cmd.testing.Run;
import org.jslurm.model.Job;
import org.jslurm.model.Node;
import org.jslurm.model.Partition;
import org.jslurm.model.SlurmError;
import org.jslurm.rpc.Convert;
import org.jslurm.wire.proto.ConfigEntry;
import org.jslurm.wire.proto.ConfigReply;
import org.jslurm.wire.proto.JobList;
import org.jslurm.wire.proto.NodeList;
import org.jslurm.wire.proto.Ok;
import org.jslurm.wire.proto.PartitionList;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;
import org.junit.jupiter.api.Test;

class ScontrolTest {
    static final String JOB1 = """
            JobId=1 JobName=wrap
               UserId=root(0) GroupId=root(0) MCS_label=N/A
               Priority=4294901759 Nice=0 Account=(null) QOS=(null)
               JobState=RUNNING Reason=None Dependency=(null)
               Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=0:0
               RunTime=00:00:00 TimeLimit=UNLIMITED TimeMin=N/A
               SubmitTime=2026-11-22T03:56:41 EligibleTime=2026-11-22T03:56:41
               AccrueTime=2026-11-22T03:56:41
               StartTime=2026-11-22T03:56:43 EndTime=Unknown Deadline=N/A
               SuspendTime=None SecsPreSuspend=0 LastSchedEval=2026-11-22T03:56:43 Scheduler=Main
               Partition=debug AllocNode:Sid=localhost:0
               ReqNodeList=(null) ExcNodeList=(null)
               NodeList=vm
               BatchHost=vm
               NumNodes=1 NumCPUs=1 NumTasks=1 CPUs/Task=1 ReqB:S:C:T=0:0:*:*
               TRES=cpu=1,node=1,billing=1
               Socks/Node=* NtasksPerN:B:S:C=0:0:*:* CoreSpec=*
               MinCPUsNode=1 MinMemoryNode=0 MinTmpDiskNode=0
               Features=(null) DelayBoot=00:00:00
               OverSubscribe=OK Contiguous=0 Licenses=(null) Network=(null)
               Command=(null)
               WorkDir=/tmp/slurm-transcripts.BVlmbb
               StdErr=/tmp/slurm-transcripts.BVlmbb/slurm-1.out
               StdIn=/dev/null
               StdOut=/tmp/slurm-transcripts.BVlmbb/slurm-1.out
               Power=
              \s

            """;

    static final String NODE_VM = """
            NodeName=vm Arch=x86_64 CoresPerSocket=2\s
               CPUAlloc=2 CPUEfctv=2 CPUTot=2 CPULoad=0.21
               AvailableFeatures=(null)
               ActiveFeatures=(null)
               Gres=(null)
               NodeAddr=127.0.0.1 NodeHostName=vm Version=22.05.8
               OS=Linux 6.18.44-fc-v657 #1 SMP PREEMPT_DYNAMIC @0\s
               RealMemory=24105 AllocMem=0 FreeMem=23215 Sockets=1 Boards=1
               State=ALLOCATED ThreadsPerCore=1 TmpDisk=0 Weight=1 Owner=N/A MCS_label=N/A
               Partitions=debug\s
               BootTime=2026-11-22T03:18:59 SlurmdStartTime=2026-11-22T03:56:40
               LastBusyTime=2026-11-22T03:56:43
               CfgTRES=cpu=2,mem=24105M,billing=2
               AllocTRES=cpu=2
               CapWatts=n/a
               CurrentWatts=0 AveWatts=0
               ExtSensorsJoules=n/s ExtSensorsWatts=0 ExtSensorsTemp=n/s

            """;

    static final String PART_DEBUG = """
            PartitionName=debug
               AllowGroups=ALL AllowAccounts=ALL AllowQos=ALL
               AllocNodes=ALL Default=YES QoS=N/A
               DefaultTime=NONE DisableRootJobs=NO ExclusiveUser=NO GraceTime=0 Hidden=NO
               MaxNodes=UNLIMITED MaxTime=UNLIMITED MinNodes=0 LLN=NO MaxCPUsPerNode=UNLIMITED
               Nodes=vm
               PriorityJobFactor=1 PriorityTier=1 RootOnly=NO ReqResv=NO OverSubscribe=NO
               OverTimeLimit=NONE PreemptMode=OFF
               State=UP TotalCPUs=2 TotalNodes=1 SelectTypeParameters=NONE
               JobDefaults=(null)
               DefMemPerNode=UNLIMITED MaxMemPerNode=UNLIMITED
               TRES=cpu=2,mem=24105M,node=1,billing=2

            """;

    /** A controller with the transcript's jobs, node vm (both CPUs allocated) and partition debug. */
    static FakeCluster cluster(List<Job> jobs, List<Partition> parts, List<Node> nodes, long now) {
        return new FakeCluster(r -> {
            if (r.hasJobInfo()) {
                JobList.Builder l = JobList.newBuilder().setNow(now);
                for (Job j : jobs) {
                    if (r.getJobInfo().getJobIdsCount() == 0 || r.getJobInfo().getJobIdsList().contains(j.id())) {
                        l.addJobs(Convert.toMsg(j, false));
                    }
                }
                return Response.newBuilder().setJobs(l).build();
            }
            if (r.hasPartitionInfo()) {
                PartitionList.Builder l = PartitionList.newBuilder().setNow(now);
                parts.forEach(p -> l.addPartitions(Convert.toMsg(p)));
                return Response.newBuilder().setPartitions(l).build();
            }
            if (r.hasNodeInfo()) {
                NodeList.Builder l = NodeList.newBuilder().setNow(now);
                for (Node n : nodes) {
                    if (r.getNodeInfo().getNamesCount() > 0 && !r.getNodeInfo().getNamesList().contains(n.name())) continue;
                    l.addNodes(Convert.toMsg(n, parts.stream().filter(p -> p.nodes().contains(n.name()))
                            .map(Partition::name).toList()));
                }
                return Response.newBuilder().setNodes(l).build();
            }
            if (r.hasConfig()) {
                return Response.newBuilder().setConfig(ConfigReply.newBuilder().setNow(Fixtures.T41 + 30)
                        .setCluster("anchor").addControllers("vm")
                        .addEntries(ConfigEntry.newBuilder().setKey("AccountingStorageBackupHost").setValue("(null)"))
                        .addEntries(ConfigEntry.newBuilder().setKey("MaxArraySize").setValue("1001"))
                        .addEntries(ConfigEntry.newBuilder().setKey("MinJobAge").setValue("300 sec"))
                        .addEntries(ConfigEntry.newBuilder().setKey("SlurmctldPidFile").setValue("/run/slurmctld.pid")))
                        .build();
            }
            if (r.hasUpdateJob() && r.getUpdateJob().getJobId() == 999) return FakeCluster.error(SlurmError.INVALID_JOB_ID);
            if (r.hasUpdateJob() && r.getUpdateJob().getJobId() == 1 && !r.getUpdateJob().getAction().isEmpty()) {
                return FakeCluster.error(SlurmError.JOB_NOT_PENDING);
            }
            if (r.hasUpdateNode() && r.getUpdateNode().getNamesList().contains("nosuch")) {
                return FakeCluster.error(SlurmError.INVALID_NODE_NAME);
            }
            if (r.hasRequeue() && r.getRequeue().getJobIds(0) == 999) return FakeCluster.error(SlurmError.INVALID_JOB_ID);
            return Response.newBuilder().setOk(Ok.newBuilder()).build();
        });
    }

    static FakeCluster transcript() {
        return cluster(Fixtures.queue(), List.of(Fixtures.debug()), List.of(Fixtures.vm(2)), Fixtures.T43);
    }

    static Run run(FakeCluster c, String... args) {
        return Run.of(new Scontrol(), c, args);
    }

    @Test
    void showJobMatchesTranscript() {
        Run r = run(transcript(), "show", "job", "1");
        assertEquals(0, r.rc());
        assertEquals(JOB1, r.out());
        assertEquals(JOB1, run(transcript(), "show", "jobid", "1").out());
        assertEquals(JOB1, run(transcript(), "show", "jobs", "1").out());
    }

    @Test
    void showJobOneLiner() {
        String expected = JOB1.replace("\n   ", " ").replace(" \n\n", " \n");
        Run r = run(transcript(), "-o", "show", "job", "1");
        assertEquals(expected, r.out());
        assertTrue(r.out().contains("Power= \n"));
        assertEquals(expected, run(transcript(), "show", "job", "1", "--oneliner").out());
    }

    @Test
    void showHeldJobsAndLimits() {
        String out = run(transcript(), "show", "job", "6").out();
        assertTrue(out.contains("   Priority=0 Nice=0 Account=(null) QOS=(null)\n"
                + "   JobState=PENDING Reason=JobHeldUser Dependency=(null)\n"), out);
        assertTrue(out.contains("   RunTime=00:00:00 TimeLimit=00:05:00 TimeMin=N/A\n"
                + "   SubmitTime=2026-11-22T03:56:41 EligibleTime=Unknown\n   AccrueTime=Unknown\n"
                + "   StartTime=Unknown EndTime=Unknown Deadline=N/A\n"), out);
        assertTrue(out.contains("   NodeList=\n   NumNodes=1 NumCPUs=1"), out);
        assertTrue(out.contains("   Command=/tmp/slurm-transcripts.BVlmbb/job.sh\n"), out);
        String all = run(transcript(), "show", "job").out();
        assertTrue(all.startsWith("JobId=1 "));
        assertEquals(5, all.split("\n\n").length);
    }

    @Test
    void showJobErrors() {
        Run r = run(transcript(), "show", "job", "999999");
        assertEquals(1, r.rc());
        assertEquals("slurm_load_jobs error: Invalid job id specified\n", r.err());
        Run abc = run(transcript(), "show", "job", "abc");
        assertEquals("scontrol_print_job error: Invalid job id specified\n", abc.err());
        Run none = run(cluster(List.of(), List.of(), List.of(), Fixtures.T43), "show", "job");
        assertEquals("No jobs in the system\n", none.out());
        Run down = run(FakeCluster.unreachable(), "show", "job");
        assertEquals("slurm_load_jobs error: Unable to contact slurm controller (connect failure)\n", down.err());
        assertEquals(1, down.rc());
    }

    @Test
    void showJobDetails() {
        String out = run(transcript(), "-d", "show", "job", "1").out();
        assertTrue(out.contains("ExitCode=0:0\n   DerivedExitCode=0:0\n   RunTime="), out);
        assertTrue(out.contains("CoreSpec=*\n   JOB_GRES=(null)\n     Nodes=vm CPU_IDs=0 Mem=0 GRES=\n   MinCPUsNode=1"), out);
    }

    @Test
    void showNodeMatchesTranscript() {
        assertEquals(NODE_VM, run(transcript(), "show", "node").out());
        assertEquals(NODE_VM, run(transcript(), "show", "node", "vm").out());
        Run r = run(transcript(), "show", "node", "nosuchnode");
        assertEquals(1, r.rc());
        assertEquals("Node nosuchnode not found\n", r.out());
    }

    @Test
    void showNodeOracleDrainedAndOneLiner() {
        FakeCluster c = cluster(List.of(), Oracle.partitions(), Oracle.nodes(), Oracle.NOW);
        String n1 = run(c, "show", "node", "n1").out();
        assertTrue(n1.startsWith("NodeName=n1 CoresPerSocket=1 \n   CPUAlloc=0 CPUEfctv=4 CPUTot=4 CPULoad=0.45\n"
                + "   AvailableFeatures=fast,big\n   ActiveFeatures=fast,big\n   Gres=(null)\n"
                + "   NodeAddr=127.0.0.2 NodeHostName=n1 \n   RealMemory=4096 AllocMem=0 FreeMem=23508 Sockets=4 Boards=1\n"
                + "   State=IDLE+DRAIN ThreadsPerCore=1 TmpDisk=0 Weight=1 Owner=N/A MCS_label=N/A\n"
                + "   Partitions=big \n   BootTime=None SlurmdStartTime=None\n"), n1);
        assertTrue(n1.endsWith("   CfgTRES=cpu=4,mem=4G,billing=4\n   AllocTRES=\n   CapWatts=n/a\n"
                + "   CurrentWatts=0 AveWatts=0\n   ExtSensorsJoules=n/s ExtSensorsWatts=0 ExtSensorsTemp=n/s\n"
                + "   Reason=test drain [root@2026-11-22T07:38:23]\n\n"), n1);
        String vm = run(c, "-o", "show", "node", "vm").out();
        assertTrue(vm.startsWith("NodeName=vm Arch=x86_64 CoresPerSocket=1  CPUAlloc=1 CPUEfctv=2 CPUTot=2 CPULoad=0.45 "
                + "AvailableFeatures=(null) ActiveFeatures=(null) Gres=(null) NodeAddr=vm NodeHostName=vm Version=22.05.8 "
                + "OS=Linux 6.18.44-fc-v669 #1 SMP PREEMPT_DYNAMIC @0  RealMemory=2000 AllocMem=0 FreeMem=23508 "
                + "Sockets=2 Boards=1 State=MIXED ThreadsPerCore=1 TmpDisk=0 Weight=1 Owner=N/A MCS_label=N/A "
                + "Partitions=debug,big,hid  BootTime=None"), vm);
        assertTrue(vm.endsWith(" CfgTRES=cpu=2,mem=2000M,billing=2 AllocTRES=cpu=1 CapWatts=n/a CurrentWatts=0 "
                + "AveWatts=0 ExtSensorsJoules=n/s ExtSensorsWatts=0 ExtSensorsTemp=n/s\n"), vm);
    }

    @Test
    void showPartitionMatchesTranscript() {
        assertEquals(PART_DEBUG, run(transcript(), "show", "partition").out());
        assertEquals(PART_DEBUG, run(transcript(), "show", "part", "debug").out());
        assertEquals(PART_DEBUG.replace("\n   ", " ").replace("\n\n", "\n"), run(transcript(), "-o", "show", "partition").out());
        assertEquals(PART_DEBUG.replace("\n   ", " ").replace("\n\n", "\n"), run(transcript(), "show", "partition", "-o").out());
        Run r = run(transcript(), "show", "partition", "nosuch");
        assertEquals(1, r.rc());
        assertEquals("Partition nosuch not found\n", r.out());
    }

    @Test
    void showPartitionOracle() {
        FakeCluster c = cluster(List.of(), Oracle.partitions(), Oracle.nodes(), Oracle.NOW);
        assertEquals("PartitionName=big AllowGroups=ALL AllowAccounts=ALL AllowQos=ALL AllocNodes=ALL Default=NO QoS=N/A "
                + "DefaultTime=00:05:00 DisableRootJobs=NO ExclusiveUser=NO GraceTime=0 Hidden=NO MaxNodes=UNLIMITED "
                + "MaxTime=00:30:00 MinNodes=0 LLN=NO MaxCPUsPerNode=UNLIMITED Nodes=n[1-3],vm PriorityJobFactor=1 "
                + "PriorityTier=1 RootOnly=NO ReqResv=NO OverSubscribe=NO OverTimeLimit=NONE PreemptMode=OFF State=UP "
                + "TotalCPUs=14 TotalNodes=4 SelectTypeParameters=NONE JobDefaults=(null) DefMemPerNode=UNLIMITED "
                + "MaxMemPerNode=UNLIMITED TRES=cpu=14,mem=14288M,node=4,billing=14\n",
                run(c, "-o", "show", "partition", "big").out());
        assertEquals(2, run(c, "-o", "show", "partition").out().split("\n").length);
        assertEquals(3, run(c, "-a", "-o", "show", "partition").out().split("\n").length);
        assertTrue(run(c, "show", "partition", "hid").out().contains("Hidden=YES"));
    }

    @Test
    void showConfig() {
        Run r = run(transcript(), "show", "config");
        assertEquals("Configuration data as of 2026-11-22T03:57:11\n"
                + "AccountingStorageBackupHost = (null)\n"
                + "MaxArraySize            = 1001\n"
                + "MinJobAge               = 300 sec\n"
                + "SlurmctldPidFile        = /run/slurmctld.pid\n"
                + "\n"
                + "Slurmctld(primary) at vm is UP\n", r.out());
        assertEquals("Configuration data as of 2026-11-22T03:57:11\nMinJobAge               = 300 sec\n",
                run(transcript(), "show", "config", "minjobage").out());
    }

    @Test
    void hostlists() {
        FakeCluster c = transcript();
        assertEquals("n1\nn2\nn3\nx01\nx02\n", run(c, "show", "hostnames", "n[1-3],x[01-02]").out());
        assertEquals("n[3,1-2],x02,n10\n", run(c, "show", "hostlist", "n3,n1,n2,x02,n10").out());
        assertEquals("n[1,1-3,10],x02\n", run(c, "show", "hostlistsorted", "n3,n1,n2,x02,n10,n1").out());
        Run env = Run.of(new Scontrol(), c, Map.of("SLURM_JOB_NODELIST", "a[1-2]"), "show", "hostnames");
        assertEquals("a1\na2\n", env.out());
        Run empty = run(c, "show", "hostnames");
        assertEquals("scontrol: error: host list is empty\n", empty.err());
        assertTrue(c.requests.isEmpty(), "hostlist commands need no controller");
    }

    @Test
    void holdReleaseUpdateSendRequests() {
        FakeCluster c = transcript();
        assertEquals(0, run(c, "hold", "5").rc());
        assertEquals(0, run(c, "release", "3").rc());
        assertEquals(0, run(c, "uhold", "5,6").rc());
        assertEquals(0, run(c, "update", "JobId=5", "TimeLimit=10").rc());
        assertEquals(0, run(c, "update", "jobid=5", "Comment=-x").rc());
        assertEquals(0, run(c, "update", "job", "6", "Name=new").rc());
        List<Request> rs = c.requests;
        assertEquals("hold", rs.get(0).getUpdateJob().getAction());
        assertEquals(5, rs.get(0).getUpdateJob().getJobId());
        assertEquals("release", rs.get(1).getUpdateJob().getAction());
        assertEquals("uhold", rs.get(2).getUpdateJob().getAction());
        assertEquals(6, rs.get(3).getUpdateJob().getJobId());
        assertEquals(Map.of("TimeLimit", "10"), rs.get(4).getUpdateJob().getFieldsMap());
        assertEquals("", rs.get(4).getUpdateJob().getAction());
        assertEquals(Map.of("Comment", "-x"), rs.get(5).getUpdateJob().getFieldsMap());
        assertEquals(6, rs.get(6).getUpdateJob().getJobId());
        assertEquals(Map.of("Name", "new"), rs.get(6).getUpdateJob().getFieldsMap());
    }

    @Test
    void jobErrors() {
        FakeCluster c = transcript();
        Run r = run(c, "update", "jobid=999", "timelimit=3");
        assertEquals(1, r.rc());
        assertEquals("Invalid job id specified for job 999\n", r.err());
        Run h = run(c, "hold", "1");
        assertEquals("Job is no longer pending execution for job 1\n"
                + "slurm_suspend error: Job is no longer pending execution\n", h.err());
        assertEquals(1, h.rc());
        Run q = run(c, "requeue", "999");
        assertEquals("Invalid job id specified for job 999\n", q.err());
        assertEquals(0, run(c, "requeuehold", "5").rc());
        assertTrue(c.requests.get(c.requests.size() - 1).getRequeue().getHold());
    }

    @Test
    void updateNodeAndPartition() {
        FakeCluster c = transcript();
        assertEquals(0, run(c, "update", "NodeName=n[1-2],vm", "State=DRAIN", "Reason=under maintenance").rc());
        Request u = c.requests.get(0);
        assertEquals(List.of("n1", "n2", "vm"), u.getUpdateNode().getNamesList());
        assertEquals("DRAIN", u.getUpdateNode().getState());
        assertEquals("under maintenance", u.getUpdateNode().getReason());
        assertEquals(0, run(c, "update", "PartitionName=debug", "State=DOWN").rc());
        assertEquals("debug", c.requests.get(1).getUpdatePartition().getName());
        assertEquals(Map.of("State", "DOWN"), c.requests.get(1).getUpdatePartition().getFieldsMap());

        Run noReason = run(c, "update", "nodename=vm", "state=drain");
        assertEquals("You must specify a reason when DOWNING or DRAINING a node. Request denied\n", noReason.err());
        assertEquals(1, noReason.rc());
        Run badState = run(c, "update", "nodename=vm", "state=bogus");
        assertTrue(badState.err().startsWith("Invalid input: state=bogus\nRequest aborted\n"), badState.err());
        Run badNode = run(c, "update", "nodename=nosuch", "state=drain", "reason=x");
        assertEquals("slurm_update error: Invalid node name specified\n", badNode.err());
        Run badPart = run(c, "update", "partitionname=big", "state=bogus");
        assertEquals("scontrol: error: Invalid input: state=bogus\n"
                + "scontrol: error: Acceptable State values are UP, DOWN, DRAIN and INACTIVE\n", badPart.err());
        Run none = run(c, "update", "foo=bar");
        assertEquals(1, none.rc());
        assertTrue(none.err().startsWith("No valid entity in update command\n"));
        assertEquals("too few arguments for update keyword\n", run(c, "update").err());
    }

    @Test
    void pingReportsEachController() {
        FakeCluster c = transcript();
        c.controllers = List.of("vm", "backup1");
        c.controllerAnswer = i -> i == 0 ? Response.newBuilder().build() : null;
        Run r = run(c, "ping");
        assertEquals("Slurmctld(primary) at vm is UP\nSlurmctld(backup) at backup1 is DOWN\n"
                + "*****************************************\n** RESTORE SLURMCTLD DAEMON TO SERVICE **\n"
                + "*****************************************\n", r.out());
        assertEquals(0, r.rc());
        c.controllerAnswer = i -> null;
        assertEquals(1, run(c, "ping").rc());
        c.controllers = List.of("vm");
        c.controllerAnswer = i -> Response.newBuilder().build();
        assertEquals("Slurmctld(primary) at vm is UP\n", run(c, "ping").out());
    }

    @Test
    void keywordsAndOptions() {
        FakeCluster c = transcript();
        Run bad = run(c, "foo");
        assertEquals("invalid keyword: foo\n", bad.err());
        assertEquals(1, bad.rc());
        assertEquals("invalid entity:foo for keyword:show \n", run(c, "show", "foo").err());
        assertEquals("too few arguments for keyword:show\n", run(c, "show").err());
        assertEquals(Main.VERSION + "\n", run(c, "version").out());
        assertEquals(Main.VERSION + "\n", run(c, "-V").out());
        Run opt = run(c, "--bogus");
        assertEquals("scontrol: unrecognized option '--bogus'\nTry \"scontrol --help\" for more information\n", opt.err());
        assertEquals(1, opt.rc());
        assertEquals(0, run(c, "reconfigure").rc());
        assertEquals(0, run(c, "shutdown").rc());
        assertTrue(c.requests.stream().anyMatch(Request::hasReconfigure));
        assertTrue(c.requests.stream().anyMatch(Request::hasShutdown));
        Run down = run(FakeCluster.unreachable(), "reconfigure");
        assertEquals("slurm_reconfigure error: Unable to contact slurm controller (connect failure)\n", down.err());
        assertEquals("Invalid job id specified\n", run(c, "errnumstr", "2017").out());
    }

    @Test
    void jsonJobsHaveStateLists() {
        Run r = run(transcript(), "--json", "show", "job", "1");
        assertTrue(r.out().contains("\"jobs\": ["), r.out());
        assertTrue(r.out().contains("\"job_state\": [\n"), r.out());
        assertTrue(r.out().contains("\"RUNNING\""), r.out());
        Run n = run(transcript(), "show", "nodes", "--json");
        assertTrue(n.out().contains("\"nodes\": ["), n.out());
        assertTrue(run(transcript(), "show", "partitions", "--json").out().contains("\"partitions\": ["));
    }

    @Test
    void interactive() {
        FakeCluster c = transcript();
        var in = new java.io.ByteArrayInputStream("show hostnames n[1-2]\nversion\nquit\nversion\n".getBytes());
        var o = new java.io.ByteArrayOutputStream();
        var env = new org.jslurm.cmd.CommandEnv(Map.of(), in, new java.io.PrintStream(o, true), System.err,
                java.nio.file.Path.of("/"), java.time.Clock.systemUTC(), java.time.ZoneId.of("UTC"), c);
        assertEquals(0, new Scontrol().run(new String[0], env));
        assertEquals("n1\nn2\n" + Main.VERSION + "\n", o.toString());
    }
}
