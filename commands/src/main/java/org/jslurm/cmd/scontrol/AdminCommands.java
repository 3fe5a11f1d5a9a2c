package org.jslurm.cmd.scontrol;

import java.util.List;
import org.jslurm.cmd.fmt.Cli;
import org.jslurm.model.SlurmError;
import org.jslurm.model.SlurmException;
import org.jslurm.rpc.RpcClient;
import org.jslurm.wire.proto.Ping;
import org.jslurm.wire.proto.Reconfigure;
import org.jslurm.wire.proto.Request;
import org.jslurm.wire.proto.Shutdown;

/** {@code scontrol ping | reconfigure | shutdown | errnumstr}. */
final class AdminCommands {
    private AdminCommands() {}

    static int ping(Session s) {
        return pingLines(s, s.env.cluster().controllerNames(), false);
    }

    /**
     * Prints {@code Slurmctld(primary) at HOST is UP|DOWN} for each controller; with some down
     * and not as part of {@code show config}, Slurm's restore banner too. Exit 0 if any is up.
     */
    static int pingLines(Session s, List<String> names, boolean afterConfig) {
        boolean anyUp = false, anyDown = false;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            boolean up = afterConfig && names.size() == 1 || answers(s, i);
            anyUp |= up;
            anyDown |= !up;
            String mode = i == 0 ? "primary" : names.size() == 2 ? "backup" : "backup" + i;
            sb.append("Slurmctld(").append(mode).append(") at ").append(names.get(i)).append(" is ")
                    .append(up ? "UP" : "DOWN").append('\n');
        }
        if (anyDown && !afterConfig) {
            sb.append("*****************************************\n")
                    .append("** RESTORE SLURMCTLD DAEMON TO SERVICE **\n")
                    .append("*****************************************\n");
        }
        s.out(sb.toString());
        return anyUp || afterConfig ? 0 : 1;
    }

    private static boolean answers(Session s, int index) {
        try {
            s.env.cluster().callController(index, Request.newBuilder().setPing(Ping.newBuilder()));
            return true;
        } catch (SlurmException e) {
            return true; // it answered, if only to refuse
        } catch (RpcClient.UnreachableException e) {
            return false;
        }
    }

    static int reconfigure(Session s) {
        Cli.call(s.env, Request.newBuilder().setReconfigure(Reconfigure.newBuilder()), "slurm_reconfigure error");
        return 0;
    }

    static int shutdown(List<String> args, Session s) {
        if (!args.isEmpty()) {
            String a = args.get(0).toLowerCase(java.util.Locale.ROOT);
            if (!a.equals("slurmctld") && !a.equals("controller")) {
                s.err("invalid shutdown argument:" + args.get(0));
                return 1;
            }
        }
        Cli.call(s.env, Request.newBuilder().setShutdown(Shutdown.newBuilder()), "slurm_shutdown error");
        return 0;
    }

    static int errnumstr(List<String> args, Session s) {
        if (args.isEmpty()) {
            s.err("too few arguments for keyword:errnumstr");
            return 1;
        }
        try {
            int code = Integer.parseInt(args.get(0));
            for (SlurmError e : SlurmError.values()) {
                if (e.code() == code) {
                    s.out(e.message() + "\n");
                    return 0;
                }
            }
            s.out("Unknown error " + code + "\n");
            return 0;
        } catch (NumberFormatException e) {
            s.err("invalid errnumstr value:" + args.get(0));
            return 1;
        }
    }
}
