package org.jslurm.cmd.scontrol;

import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;

/** STUB: to be written. */
public final class Scontrol implements Command {
    @Override
    public int run(String[] args, CommandEnv env) {
        env.err().println("scontrol: not implemented yet");
        return 1;
    }
}
