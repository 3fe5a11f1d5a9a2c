package org.jslurm.model;

/** A refused request: carries the Slurm error the client prints, and an optional detail. */
public final class SlurmException extends RuntimeException {
    private final SlurmError error;

    public SlurmException(SlurmError error) {
        this(error, error.message());
    }

    public SlurmException(SlurmError error, String message) {
        super(message);
        this.error = error;
    }

    public SlurmError error() { return error; }
}
