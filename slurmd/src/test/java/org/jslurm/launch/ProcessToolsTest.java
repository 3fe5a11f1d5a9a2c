package org.jslurm.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessToolsTest {
    @Test
    void parsesStatWithAwkwardCommandNames() {
        String s = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 200 "
                + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0";
        ProcessTools.Stat st = ProcessTools.parseStat(s);
        assertEquals(4242, st.pid());
        assertEquals('S', st.state());
        assertEquals(1, st.ppid());
        assertEquals(4242, st.pgrp());
        assertEquals(4242, st.session());
        assertEquals(987654, st.startTime());
        assertFalse(st.zombie());
    }

    @Test
    void ownProcess() {
        long me = ProcessHandle.current().pid();
        ProcessTools.Stat st = ProcessTools.stat(me);
        assertNotNull(st);
        assertTrue(ProcessTools.alive(me, st.startTime()));
        assertFalse(ProcessTools.alive(me, st.startTime() + 1), "a different start time is another process");
        assertNull(ProcessTools.stat(-5));
        assertTrue(ProcessTools.members(st.pgrp(), false).contains(me));
    }

    @Test
    void killReachesAProcessGroup() throws Exception {
        ProcessTools pt = new ProcessTools(ProcessTools.Tools.find());
        Process p = new ProcessBuilder(pt.tools().setsid(), "sleep", "60").start();
        long pid = p.pid();
        JobSupervisorTest.await(() -> {
            ProcessTools.Stat s = ProcessTools.stat(pid);
            return s != null && s.session() == pid;
        }, 5000, "setsid");
        assertTrue(pt.kill(15, List.of(-pid)));
        assertEquals(143, p.waitFor());
    }
}
