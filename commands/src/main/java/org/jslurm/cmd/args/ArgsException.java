package org.jslurm.cmd.args;

/**
 * A command line that does not parse. The message is what GNU getopt prints after the program
 * name, e.g. {@code unrecognized option '--bogus'}.
 */
public final class ArgsException extends Exception {
    public ArgsException(String message) {
        super(message);
    }
}
