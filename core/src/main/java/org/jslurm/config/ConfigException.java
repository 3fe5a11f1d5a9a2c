package org.jslurm.config;

/**
 * A slurm.conf that cannot be used. The message starts with {@code <file>:<line>: } when the
 * problem has a place in a file.
 *
 * <p>Unchecked on purpose: a bad configuration is fatal for every caller (daemons refuse to start,
 * commands print the message and exit), so it is caught once at the top, not at each call.
 */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static ConfigException at(SourceLine where, String message) {
        return new ConfigException(where.prefix() + message);
    }

    static ConfigException at(SourceLine where, String message, Throwable cause) {
        return new ConfigException(where.prefix() + message, cause);
    }
}
