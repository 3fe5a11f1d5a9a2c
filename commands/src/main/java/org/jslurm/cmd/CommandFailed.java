package org.jslurm.cmd;

/** Ends a command early with a message for stderr and an exit code (Slurm's wording where it has one). */
public final class CommandFailed extends RuntimeException {
    private final int exitCode;

    public CommandFailed(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() { return exitCode; }
}
