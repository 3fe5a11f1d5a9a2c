package org.jslurm.cmd.sacct;

import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;
import org.jslurm.cmd.fmt.Cli;

/**
 * sacct: job accounting. Accounting storage is not configured yet, so like Slurm without it the
 * command reports that and fails; {@code -V}/{@code --version} and help still work.
 */
public final class Sacct implements Command {
    static final String HELP = """
            Usage: sacct [OPTIONS]
              Job accounting is not available: Slurm accounting storage is disabled.
              -V, --version       print the version
                  --help, --usage this text""";

    @Override
    public int run(String[] args, CommandEnv env) {
        for (String a : args) {
            if (a.equals("--")) break;
            if (a.equals("-V") || a.equals("--version")) return Cli.version(env);
            if (a.equals("--help") || a.equals("--usage")) {
                env.out().println(HELP);
                return 0;
            }
        }
        env.err().println("Slurm accounting storage is disabled");
        return 1;
    }
}
