package org.jslurm.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputPatternTest {
    private final OutputPattern.Fields f = OutputPattern.Fields.batch(128, "myjob", "alice", "node7.cluster.org");

    private String x(String p) { return OutputPattern.expand(p, f); }

    @Test
    void jobIds() {
        assertEquals("slurm-128.out", x("slurm-%j.out"));
        assertEquals("128", x("%J"));
        assertEquals("128_4294967294", x("%A_%a"));
        assertEquals("slurm-128_4294967294.out", x("slurm-%A_%a.out"));
    }

    @Test
    void namesAndIndices() {
        assertEquals("myjob-alice-node7", x("%x-%u-%N"));
        assertEquals("0-0-batch", x("%n-%t-%s"));
    }

    @Test
    void zeroPadding() {
        assertEquals("0128", x("%4j"));
        assertEquals("128", x("%2j"));
        assertEquals("0000000128", x("%10j"));
        assertEquals("0000000128", x("%123j"), "widths over 10 are capped");
        assertEquals("00", x("%2t"));
        assertEquals("4294967294", x("%4a"));
        assertEquals("myjob", x("%8x"), "width is ignored for names");
    }

    @Test
    void percentAndUnknown() {
        assertEquals("100%.out", x("100%%.out"));
        assertEquals("a%Zb", x("a%Zb"));
        assertEquals("end%", x("end%"));
        assertEquals("x%12", x("x%12"));
        assertEquals("%5%", x("%5%"));
    }

    @Test
    void backslashDisablesExpansion() {
        assertEquals("out%j.txt", x("out\\%j.txt"));
        assertEquals("a%x%j", x("a%x\\%j"));
    }

    @Test
    void arrayElement() {
        var a = new OutputPattern.Fields(130, 128, 2, "arr", "bob", "n1", 0, 0, "batch");
        assertEquals("128_2-130", OutputPattern.expand("%A_%a-%j", a));
        assertEquals("128_002", OutputPattern.expand("%A_%3a", a));
    }

    @Test
    void resolveAgainstWorkDir() {
        assertEquals(Path.of("/home/alice/run/slurm-128.out"),
                OutputPattern.resolve("slurm-%j.out", f, "/home/alice/run"));
        assertEquals(Path.of("/logs/128.log"), OutputPattern.resolve("/logs/%j.log", f, "/home/alice/run"));
        assertEquals(Path.of("/home/alice/logs/x.log"), OutputPattern.resolve("../logs/x.log", f, "/home/alice/run"));
        assertEquals(Path.of("/dev/null"), OutputPattern.resolve("/dev/null", f, "/w"));
    }
}
