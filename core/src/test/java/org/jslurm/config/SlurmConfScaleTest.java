package org.jslurm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Big clusters must load in milliseconds; the limits here are generous for slow CI machines. */
class SlurmConfScaleTest {

    @Test
    void tenThousandNodesOnOneLine() {
        String text = """
                ClusterName=big
                SlurmctldHost=ctl
                NodeName=n[00001-10000] NodeAddr=10.1.[0-99].[0-99] Port=[20001-30000] CPUs=64 Features=a,b
                PartitionName=all Nodes=ALL Default=YES
                PartitionName=half Nodes=n[00001-05000]
                """;
        SlurmConf c = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> timed(text));
        assertEquals(10_000, c.nodes().size());
        assertEquals("10.1.99.99", c.node("n10000").orElseThrow().addr());
        assertEquals(30000, c.node("n10000").orElseThrow().port());
        assertEquals(5_000, c.partition("half").orElseThrow().nodes().size());
    }

    @Test
    void tenThousandNodeLines() {
        StringBuilder text = new StringBuilder("ClusterName=big\nSlurmctldHost=ctl\nNodeName=DEFAULT CPUs=8\n");
        for (int i = 1; i <= 10_000; i++) {
            text.append("NodeName=node").append(i).append(" RealMemory=").append(i).append('\n');
        }
        text.append("PartitionName=all Nodes=node[1-10000]\n");
        SlurmConf c = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> timed(text.toString()));
        assertEquals(10_000, c.partition("all").orElseThrow().nodes().size());
        assertEquals(8, c.node("node9999").orElseThrow().cpus());
    }

    private static SlurmConf timed(String text) {
        SlurmConf.parse(text, null); // warm up the JIT a little so the timing below is meaningful
        long start = System.nanoTime();
        SlurmConf c = SlurmConf.parse(text, null);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("parsed " + c + " in " + ms + " ms");
        return c;
    }
}
