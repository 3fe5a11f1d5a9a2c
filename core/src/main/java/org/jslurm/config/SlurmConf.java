package org.jslurm.config;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
/** STUB: replaced by the config package (branch h1). */
public final class SlurmConf {
    public record ControllerHost(String name, String addr) {}
    public static SlurmConf load(Path p) throws ConfigException { return new SlurmConf(); }
    public String get(String k) { return null; }
    public int getInt(String k, int d) { return d; }
    public List<ControllerHost> controllers() { return List.of(); }
    public List<NodeConf> nodes() { return List.of(); }
    public Optional<NodeConf> node(String name) { return Optional.empty(); }
}
