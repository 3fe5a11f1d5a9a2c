package org.jslurm.cmd.sdiag;

import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;

/** STUB: to be written. */
public final class Sdiag implements Command {
    @Override
    public int run(String[] args, CommandEnv env) {
        env.err().println("sdiag: not implemented yet");
        return 1;
    }
}
