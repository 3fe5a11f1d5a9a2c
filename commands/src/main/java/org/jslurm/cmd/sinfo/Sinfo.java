package org.jslurm.cmd.sinfo;

import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;

/** STUB: to be written. */
public final class Sinfo implements Command {
    @Override
    public int run(String[] args, CommandEnv env) {
        env.err().println("sinfo: not implemented yet");
        return 1;
    }
}
