package org.jslurm.slurmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NodeResourcesTest {
    static String cpu(int proc, int phys, int core) {
        return "processor\t: " + proc + "\nmodel name\t: Test CPU\nphysical id\t: " + phys + "\ncore id\t\t: " + core
                + "\ncpu cores\t: 2\n\n";
    }

    @Test
    void topologyFromCpuinfo() {
        // 2 sockets x 2 cores x 2 threads
        StringBuilder sb = new StringBuilder();
        int p = 0;
        for (int t = 0; t < 2; t++) for (int s = 0; s < 2; s++) for (int c = 0; c < 2; c++) sb.append(cpu(p++, s, c));
        assertArrayEquals(new int[] {8, 2, 2, 2}, NodeResources.parseCpuinfo(sb.toString(), 1));
        assertArrayEquals(new int[] {3, 1, 3, 1}, NodeResources.parseCpuinfo("processor : 0\nprocessor : 1\n"
                + "processor : 2\n", 1), "no topology lines: flat");
        assertArrayEquals(new int[] {4, 1, 4, 1}, NodeResources.parseCpuinfo("", 4), "unreadable: the JVM's count");
    }

    @Test
    void memoryBootAndLoad() {
        String mem = "MemTotal:       24684084 kB\nMemFree:        24112900 kB\nMemAvailable:   24112572 kB\n";
        assertEquals(24105, NodeResources.meminfoMb(mem, "MemTotal"));
        assertEquals(23547, NodeResources.meminfoMb(mem, "MemAvailable"));
        assertEquals(-1, NodeResources.meminfoMb(mem, "SwapTotal"));
        assertEquals(1795324483L, NodeResources.bootTime("cpu  1 2 3\nbtime 1795324483\nprocesses 5\n"));
        assertEquals(0.11, NodeResources.parseLoad("0.11 0.16 0.07 2/160 15668\n"), 1e-9);
    }

    @Test
    void probeThisMachine() {
        NodeResources r = NodeResources.probe("/tmp");
        assertTrue(r.cpus() >= 1);
        assertEquals(r.cpus(), r.sockets() * r.coresPerSocket() * r.threadsPerCore());
        assertTrue(r.realMemoryMb() > 0);
        assertTrue(r.bootTime() > 0);
        assertTrue(r.os().startsWith("Linux"), r.os());
        assertTrue(!r.arch().isEmpty());
    }
}
