package org.jslurm.auth;
import java.nio.file.Path;
import java.util.Optional;
/** STUB: replaced by the auth package (branch h4). */
public final class ClusterKey {
    public static ClusterKey load(Path p) throws AuthException { return new ClusterKey(); }
    public static Optional<Path> keyFromAuthInfo(String a) { return Optional.empty(); }
    public static Optional<Path> socketFromAuthInfo(String a) { return Optional.empty(); }
    public static long ttlFromAuthInfo(String a) { return 60; }
    public static Path defaultPath(Path conf) { return conf.resolveSibling("slurm.key"); }
}
