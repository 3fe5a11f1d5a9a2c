package org.jslurm.cmd.squeue;

import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;

/** STUB: to be written. */
public final class Squeue implements Command {
    @Override
    public int run(String[] args, CommandEnv env) {
        env.err().println("squeue: not implemented yet");
        return 1;
    }
}
