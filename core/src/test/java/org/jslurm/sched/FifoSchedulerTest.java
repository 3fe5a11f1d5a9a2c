package org.jslurm.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.model.Node;
import org.jslurm.model.NodeAlloc;
import org.jslurm.model.NodeBase;
import org.jslurm.model.NodeSpec;
import org.jslurm.model.Partition;
import org.jslurm.model.Reasons;
import org.junit.jupiter.api.Test;

class FifoSchedulerTest {
    static Node node(String name, int cpus, int weight) {
        return Node.configured(new NodeSpec(name, "127.0.0.1", name, 1, cpus, 1, 1, cpus, 1, 1000, 0, weight,
                List.of(), null), NodeBase.UP, false, null, 0);
    }

    static Partition part(List<String> nodes) {
        return new Partition("debug", nodes, true, "UP", -1, -1, -1, 0, false, List.of(), "NO", 1, 1, false, -1, 0, 0);
    }

    static Job job(long id, int nodes, int tasks, int cpusPerTask, long priority) {
        JobSpec.Builder b = JobSpec.builder();
        b.minNodes = nodes;
        b.numTasks = tasks;
        b.cpusPerTask = cpusPerTask;
        return Job.pending(id, b.build(), "debug", -1, priority, id);
    }

    final FifoScheduler fifo = new FifoScheduler(1000);

    @Test
    void startsJobsInPriorityOrderAndBlocksBehindTheFirstThatDoesNotFit() {
        List<Node> nodes = List.of(node("n1", 2, 1), node("n2", 2, 1));
        Plan p = fifo.schedule(List.of(job(1, 1, 2, 1, 100), job(2, 2, 4, 1, 90), job(3, 1, 1, 1, 80)),
                nodes, List.of(part(List.of("n1", "n2"))), 0);
        assertEquals(List.of(1L), p.starts().stream().map(Plan.Start::jobId).toList());
        assertEquals(Reasons.RESOURCES, p.reasons().get(2L));
        assertEquals(Reasons.PRIORITY, p.reasons().get(3L), "FIFO: a smaller job may not pass the blocked one");
    }

    @Test
    void lowestWeightFirstAndImpossibleJobsDoNotBlock() {
        List<Node> nodes = List.of(node("heavy", 4, 10), node("light", 4, 1));
        Plan p = fifo.schedule(List.of(job(1, 5, 5, 1, 100), job(2, 1, 1, 1, 90)), nodes,
                List.of(part(List.of("heavy", "light"))), 0);
        assertEquals(Reasons.PARTITION_CONFIG, p.reasons().get(1L));
        assertEquals("light", p.starts().get(0).batchHost());
    }

    @Test
    void generatedQueuesNeverOversubscribeANode() {
        Random rnd = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Node> nodes = new ArrayList<>();
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) nodes.add(node("n" + i, 1 + rnd.nextInt(8), 1 + rnd.nextInt(3)));
            List<Job> jobs = new ArrayList<>();
            for (int j = 0; j < 30; j++) {
                jobs.add(job(j + 1, 1 + rnd.nextInt(3), 1 + rnd.nextInt(6), 1 + rnd.nextInt(3), rnd.nextInt(1000)));
            }
            Plan p = fifo.schedule(jobs, nodes, List.of(part(nodes.stream().map(Node::name).toList())), 0);
            int[] used = new int[n];
            for (Plan.Start s : p.starts()) {
                Job j = jobs.get((int) s.jobId() - 1);
                int cpus = 0;
                for (NodeAlloc a : s.alloc()) {
                    used[Integer.parseInt(a.node().substring(1))] += a.cpus();
                    cpus += a.cpus();
                }
                assertTrue(cpus >= j.spec().minCpus(), "job gets what it asked for");
                assertTrue(s.alloc().size() >= j.spec().minNodes(), "on enough nodes");
            }
            for (int i = 0; i < n; i++) assertTrue(used[i] <= nodes.get(i).spec().cpus(), "node n" + i + " oversubscribed");
        }
    }
}
