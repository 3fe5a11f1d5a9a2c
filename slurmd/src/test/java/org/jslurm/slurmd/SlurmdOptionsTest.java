package org.jslurm.slurmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlurmdOptionsTest {
    @Test
    void parsesTheUsualCommandLine() {
        SlurmdOptions o = SlurmdOptions.parse("-D", "-f", "/etc/slurm.conf", "-N", "emu[1-256]", "-L", "/var/log/x",
                "-vv", "-c");
        assertTrue(o.foreground());
        assertEquals("/etc/slurm.conf", o.confFile());
        assertEquals("emu[1-256]", o.nodes());
        assertEquals("/var/log/x", o.logFile());
        assertEquals(2, o.verbose());
        assertTrue(o.clean());
        assertFalse(o.version());
    }

    @Test
    void bundledAndAttachedValues() {
        SlurmdOptions o = SlurmdOptions.parse("-Dvf/a.conf", "-Nn1", "-v");
        assertTrue(o.foreground());
        assertEquals("/a.conf", o.confFile());
        assertEquals("n1", o.nodes());
        assertEquals(2, o.verbose());
        assertTrue(SlurmdOptions.parse("--version").version());
        assertTrue(SlurmdOptions.parse("-V").version());
        assertTrue(SlurmdOptions.parse("-h").help());
    }

    @Test
    void rejectsBadOptions() {
        assertEquals("slurmd: invalid option -- 'x'",
                assertThrows(IllegalArgumentException.class, () -> SlurmdOptions.parse("-x")).getMessage());
        assertEquals("slurmd: option requires an argument -- 'f'",
                assertThrows(IllegalArgumentException.class, () -> SlurmdOptions.parse("-f")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SlurmdOptions.parse("stray"));
    }

    @Test
    void versionAndErrorsFromMain() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8), e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, SlurmdMain.run(new String[] {"-V"}, Map.of(), o, e));
        assertEquals("slurm 25.05.0-jslurm\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, SlurmdMain.run(new String[] {"-q"}, Map.of(), o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: slurmd"));
        err.reset();
        assertEquals(1, SlurmdMain.run(new String[] {"-D", "-f", "/nonexistent/slurm.conf"}, Map.of(), o, e));
        assertEquals("slurmd: fatal: Unable to read configuration file /nonexistent/slurm.conf: No such file or"
                + " directory\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void configPathPrecedence() {
        SlurmdOptions none = SlurmdOptions.parse("-D");
        assertEquals(Path.of("/x/slurm.conf"), SlurmdMain.confPath(SlurmdOptions.parse("-f", "/x/slurm.conf"),
                Map.of("SLURM_CONF", "/y/slurm.conf")));
        assertEquals(Path.of("/y/slurm.conf"), SlurmdMain.confPath(none, Map.of("SLURM_CONF", "/y/slurm.conf")));
        String old = System.getProperty("jslurm.home");
        try {
            System.setProperty("jslurm.home", "/opt/jslurm");
            assertEquals(Path.of("/opt/jslurm/etc/slurm.conf"), SlurmdMain.confPath(none, Map.of()));
        } finally {
            if (old == null) System.clearProperty("jslurm.home");
            else System.setProperty("jslurm.home", old);
        }
    }
}
