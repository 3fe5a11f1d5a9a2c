package org.jslurm.cmd.scancel;

import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;

/** STUB: to be written. */
public final class Scancel implements Command {
    @Override
    public int run(String[] args, CommandEnv env) {
        env.err().println("scancel: not implemented yet");
        return 1;
    }
}
