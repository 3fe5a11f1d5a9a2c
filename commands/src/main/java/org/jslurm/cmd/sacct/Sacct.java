package org.jslurm.cmd.sacct;

import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;

/** STUB: to be written. */
public final class Sacct implements Command {
    @Override
    public int run(String[] args, CommandEnv env) {
        env.err().println("sacct: not implemented yet");
        return 1;
    }
}
