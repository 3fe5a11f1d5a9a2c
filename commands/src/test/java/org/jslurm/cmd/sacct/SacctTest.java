package org.jslurm.cmd.sacct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jslurm.cmd.Main;
import org.jslurm.cmd.testing.FakeCluster;
import org.jslurm.cmd.testing.Run;
import org.junit.jupiter.api.Test;

class SacctTest {
    @Test
    void accountingDisabled() {
        for (String[] args : new String[][] {{}, {"-j", "1"}, {"-P", "-n", "--format=JobIdRaw,State", "-j", "5"}}) {
            Run r = Run.of(new Sacct(), FakeCluster.unreachable(), args);
            assertEquals(1, r.rc());
            assertEquals("", r.out());
            assertEquals("Slurm accounting storage is disabled\n", r.err());
        }
    }

    @Test
    void versionAndHelp() {
        assertEquals(Main.VERSION + "\n", Run.of(new Sacct(), FakeCluster.unreachable(), "-V").out());
        assertEquals(Main.VERSION + "\n", Run.of(new Sacct(), FakeCluster.unreachable(), "--version").out());
        assertEquals(0, Run.of(new Sacct(), FakeCluster.unreachable(), "--help").rc());
    }
}
