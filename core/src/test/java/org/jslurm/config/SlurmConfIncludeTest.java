package org.jslurm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmConfIncludeTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void relativeIncludesAreInlinedAndMayNest() throws IOException {
        write("nodes.conf", "NodeName=n[1-2] CPUs=2\ninclude sub/more.conf\n");
        write("sub/more.conf", "NodeName=n3\nKillWait=5\n");
        Path main = write("slurm.conf", """
                ClusterName=inc
                SlurmctldHost=ctl
                KillWait=1
                Include nodes.conf
                PartitionName=p Nodes=ALL
                """);
        SlurmConf c = SlurmConf.load(main);
        assertEquals(List.of("n1", "n2", "n3"), c.partition("p").orElseThrow().nodes());
        assertEquals(5, c.killWait(), "an included value overrides an earlier one");
        assertEquals(List.of(), c.warnings());
        assertEquals(main, c.origin());
    }

    @Test
    void globsIncludeMatchingFilesInNameOrder() throws IOException {
        write("conf.d/20-b.conf", "NodeName=b1\n");
        write("conf.d/10-a.conf", "NodeName=a1\n");
        write("conf.d/notes.txt", "garbage without equals\n");
        Path main = write("slurm.conf", "ClusterName=g\nSlurmctldHost=c\nInclude " + dir.resolve("conf.d") + "/*.conf\n");
        SlurmConf c = SlurmConf.load(main);
        assertEquals(List.of("a1", "b1"), c.nodes().stream().map(NodeConf::name).toList());
    }

    @Test
    void clusterNameModifier() throws IOException {
        write("blue_nodes.conf", "NodeName=x1\n");
        Path main = write("slurm.conf", "ClusterName=blue\nSlurmctldHost=c\ninclude \"%c_nodes.conf\"\n");
        assertEquals(1, SlurmConf.load(main).nodes().size());
    }

    @Test
    void missingIncludeIsAnErrorAtTheIncludeLine() throws IOException {
        Path main = write("slurm.conf", "ClusterName=m\n\nInclude missing.conf\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SlurmConf.load(main));
        assertTrue(e.getMessage().startsWith(main + ":3: "), e.getMessage());
        assertTrue(e.getMessage().contains("missing.conf"), e.getMessage());
    }

    @Test
    void errorsInsideAnIncludedFileNameThatFile() throws IOException {
        Path inc = write("bad.conf", "# comment\nNodeName=n1 RealMemory=lots\n");
        Path main = write("slurm.conf", "ClusterName=m\nInclude bad.conf\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SlurmConf.load(main));
        assertTrue(e.getMessage().startsWith(inc + ":2: "), e.getMessage());
    }

    @Test
    void includeCyclesAreCaught() throws IOException {
        Path main = write("slurm.conf", "ClusterName=m\nInclude slurm.conf\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SlurmConf.load(main));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void missingMainFileIsAConfigException() {
        ConfigException e = assertThrows(ConfigException.class, () -> SlurmConf.load(dir.resolve("none.conf")));
        assertTrue(e.getMessage().contains("none.conf"), e.getMessage());
    }
}
