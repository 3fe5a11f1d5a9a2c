package org.jslurm.launch;

import org.jslurm.model.SlurmError;

/** A request slurmd refuses or cannot carry out; the error goes back to the controller. */
public final class LaunchException extends Exception {
    private final SlurmError error;
    private final int exitCode;

    public LaunchException(SlurmError error, String message) { this(error, message, 0); }

    public LaunchException(SlurmError error, String message, int exitCode) {
        super(message);
        this.error = error;
        this.exitCode = exitCode;
    }

    public SlurmError error() { return error; }

    /** The Prolog's exit status for {@link SlurmError#PROLOG_FAILED}, else 0. */
    public int exitCode() { return exitCode; }
}
