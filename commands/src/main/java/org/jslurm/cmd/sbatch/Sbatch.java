package org.jslurm.cmd.sbatch;

import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;

/** STUB: to be written. */
public final class Sbatch implements Command {
    @Override
    public int run(String[] args, CommandEnv env) {
        env.err().println("sbatch: not implemented yet");
        return 1;
    }
}
