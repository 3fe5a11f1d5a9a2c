package org.jslurm.cmd.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values were checked against Slurm 22.05's scontrol show hostnames/hostlist/hostlistsorted. */
class HostsTest {
    @Test
    void expand() {
        assertEquals(List.of("n1", "n2", "n3", "n5"), Hosts.expand("n[1-3,5]"));
        assertEquals(List.of("a1b3", "a1b4", "a2b3", "a2b4"), Hosts.expand("a[1-2]b[3-4]"));
        assertEquals(List.of("n09", "n10"), Hosts.expand("n[09-10]"));
        assertEquals(List.of("n9", "n10", "n11", "n05"), Hosts.expand("n[9-11],n05"));
        assertEquals(List.of("rack1-n01", "rack1-n02", "rack2-n01", "rack2-n02"), Hosts.expand("rack[1-2]-n[01-02]"));
        assertEquals(List.of("n1", "n2", "m"), Hosts.expand("n[1-2],,m"));
        assertEquals(List.of("vm"), Hosts.expand("vm"));
    }

    @Test
    void expandRejectsMalformed() {
        assertThrows(IllegalArgumentException.class, () -> Hosts.expand("n[1-3]x"));
        assertThrows(IllegalArgumentException.class, () -> Hosts.expand("a[3-1]"));
        assertThrows(IllegalArgumentException.class, () -> Hosts.expand("n[1-2"));
    }

    @Test
    void compressSortsAndMerges() {
        assertEquals("n[1-4,7]", Hosts.compress(List.of("n7", "n2", "n1", "n3", "n4", "n2")));
        assertEquals("n[1-3],vm", Hosts.compress(List.of("vm", "n1", "n3", "n2")));
        assertEquals("n[9-11]", Hosts.compress(List.of("n10", "n9", "n11")));
        assertEquals("n[09-10]", Hosts.compress(List.of("n09", "n10")));
        assertEquals("a1b[2-3]", Hosts.compress(List.of("a1b2", "a1b3")));
        assertEquals("vm", Hosts.compress(List.of("vm")));
        assertEquals("", Hosts.compress(List.of()));
    }

    @Test
    void inOrderAndSortedWithDuplicates() {
        assertEquals("n[3,1-2],x02,n10", Hosts.compressInOrder(List.of("n3", "n1", "n2", "x02", "n10")));
        assertEquals("n[1,1-3,10],x02", Hosts.compressSorted(List.of("n3", "n1", "n2", "x02", "n10", "n1")));
        assertEquals("n[1,01,2]", Hosts.compressInOrder(List.of("n1", "n01", "n2")));
        assertEquals("n[1-2,01]", Hosts.compressSorted(List.of("n1", "n01", "n2")));
        assertEquals("a,b,a[1-2],a", Hosts.compressInOrder(List.of("a", "b", "a1", "a2", "a")));
        assertEquals("a,a,a[1-2],b", Hosts.compressSorted(List.of("a", "b", "a1", "a2", "a")));
        assertEquals("n[2,1-2]", Hosts.compressInOrder(List.of("n2", "n1", "n2")));
    }
}
