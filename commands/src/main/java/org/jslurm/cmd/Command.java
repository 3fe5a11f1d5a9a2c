package org.jslurm.cmd;

/**
 * A user command (sbatch, squeue, ...) as a plain function of its arguments and environment to
 * output and an exit code. Nothing here may call System.exit or touch System.out directly, so the
 * same code can run in a short-lived JVM (see {@link Main}) or be served by a long-lived process.
 */
@FunctionalInterface
public interface Command {
    /** Runs the command; returns the process exit code. */
    int run(String[] args, CommandEnv env);
}
