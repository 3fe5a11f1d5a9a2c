package org.jslurm.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrapperTest {
    @TempDir
    Path tmp;

    @Test
    void quoting() {
        assertEquals("'a b'", Wrapper.quote("a b"));
        assertEquals("'it'\\''s'", Wrapper.quote("it's"));
        assertEquals("''", Wrapper.quote(""));
    }

    /** The launch file, sourced by sh, reproduces every value exactly, odd names included. */
    @Test
    void launchFileReproducesTheEnvironment() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PLAIN", "value");
        env.put("QUOTES", "it's \"quoted\" $HOME `x` \\n");
        env.put("NEWLINES", "line1\nline2\n");
        env.put("EMPTY", "");
        env.put("BASH_FUNC_module%%", "() {  echo hi\n}");
        env.put("dotted.name", "x");
        env.put("IFS", ":");
        env.put("PWD", "/stale/submit/dir");
        Path script = tmp.resolve("show");
        Files.writeString(script, "#!/usr/bin/env -S cat /proc/self/environ\n");
        script.toFile().setExecutable(true);
        Path launch = tmp.resolve("launch");
        Files.writeString(launch, Wrapper.launchFile(env, tmp.toString(), script.toString(), "/usr/bin/env", "/bin/sh"));
        Process p = new ProcessBuilder("/bin/sh", "-c", ". \"$0\"", launch.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        Map<String, String> seen = new LinkedHashMap<>();
        for (String e : new String(out, StandardCharsets.UTF_8).split("\0")) {
            int eq = e.indexOf('=');
            if (eq > 0) seen.put(e.substring(0, eq), e.substring(eq + 1));
        }
        for (String k : List.of("PLAIN", "QUOTES", "NEWLINES", "EMPTY", "BASH_FUNC_module%%", "dotted.name", "IFS")) {
            assertEquals(env.get(k), seen.get(k), k);
        }
        assertEquals(tmp.toString(), seen.get("PWD"), "PWD follows the working directory");
        assertTrue(seen.containsKey("SLURM_TASK_PID"));
    }

    @Test
    void chdirFallsBackToTmpWithSlurmsMessage() throws Exception {
        Path launch = tmp.resolve("launch");
        Files.writeString(launch, Wrapper.launchFile(Map.of(), "/nonexistent/dir", "/bin/pwd", "/usr/bin/env", "/bin/sh"));
        Process p = new ProcessBuilder("/bin/sh", "-c", ". \"$0\"", launch.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals("slurmstepd: error: couldn't chdir to `/nonexistent/dir': No such file or directory:"
                + " going to /tmp instead\n/tmp\n", out);
    }
}
