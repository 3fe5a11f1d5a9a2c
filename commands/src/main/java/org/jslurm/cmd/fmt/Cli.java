package org.jslurm.cmd.fmt;

import org.jslurm.cmd.CommandEnv;
import org.jslurm.cmd.CommandFailed;
import org.jslurm.cmd.Main;
import org.jslurm.cmd.args.ArgsException;
import org.jslurm.model.SlurmException;
import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Response;

/** Plumbing the query commands share: option errors, version, and controller calls with Slurm's error texts. */
public final class Cli {
    private Cli() {}

    /** Slurm's text for a controller that does not answer. */
    public static final String UNREACHABLE = "Unable to contact slurm controller (connect failure)";

    /** Prints {@code prog: <getopt message>} and the hint line, as Slurm's commands do; returns 1. */
    public static int badArgs(CommandEnv env, String prog, ArgsException e) {
        env.err().println(prog + ": " + e.getMessage());
        env.err().println("Try \"" + prog + " --help\" for more information");
        return 1;
    }

    /** Prints the version line; returns 0. */
    public static int version(CommandEnv env) {
        env.out().println(Main.VERSION);
        return 0;
    }

    /** The text of a failed call: the controller's message, or the unreachable text. */
    public static String message(RuntimeException e) {
        if (e instanceof RpcClient.UnreachableException) return UNREACHABLE;
        return e.getMessage();
    }

    /**
     * Sends a request; a refusal or an unreachable controller ends the command with
     * {@code <label>: <message>} on stderr and exit code 1 (e.g. label {@code slurm_load_jobs error}).
     */
    public static Response call(CommandEnv env, Request.Builder request, String label) {
        return call(env, request, label, 1);
    }

    public static Response call(CommandEnv env, Request.Builder request, String label, int exitCode) {
        try {
            return env.cluster().call(request);
        } catch (SlurmException | RpcClient.UnreachableException e) {
            throw new CommandFailed(label + ": " + message(e), exitCode);
        }
    }

    /** Runs a command body, turning CommandFailed into its message and exit code. */
    public static int guard(CommandEnv env, java.util.function.IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (CommandFailed f) {
            if (f.getMessage() != null && !f.getMessage().isEmpty()) env.err().println(f.getMessage());
            return f.exitCode();
        }
    }
}
