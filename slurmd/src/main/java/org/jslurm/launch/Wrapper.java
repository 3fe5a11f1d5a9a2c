package org.jslurm.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shell text of the job wrapper. Fixed text only: every value (paths, ids, file names) travels
 * as a positional argument, never spliced into shell code that root runs.
 *
 * <p>Process layout of a running batch job:
 * <pre>
 *   wrapper   (root, own session W, empty environment, traps HUP INT QUIT TERM USR1 USR2 ALRM)
 *     └─ setsid → setpriv → sh "user part" → exec slurm_script   (the user, own session J)
 * </pre>
 * The wrapper writes its pid to {@code pid}, runs the user part in the foreground (a trapped
 * signal is only acted on once the foreground command ends, and trap handlers are reset by exec
 * so the job sees default dispositions), then writes the exit status to {@code status}
 * (temporary file + mv). The user part records its pid J in {@code jobpid} through a descriptor
 * root opened for it, opens stdout/stderr/stdin as the user, and sources the generated
 * {@code launch} file, which sets the job's environment, changes to the work directory and execs
 * the script. Signals for the job go to process group J, never to the wrapper.
 */
public final class Wrapper {
    private Wrapper() {}

    /** Marker in the wrapper's command line ($0), used to recognise it after a restart. */
    public static final String NAME = "jslurm-wrapper";

    static final String ROOT_PART = String.join("\n",
            "d=$1 ss=$2 sp=$3 mv=$4 uid=$5 gid=$6 grp=$7 sh=$8 part=$9",
            "shift 9",
            "for s in HUP INT QUIT TERM USR1 USR2 ALRM; do trap : \"$s\"; done",
            "echo $$ >\"$d/pid.tmp\" && \"$mv\" -f \"$d/pid.tmp\" \"$d/pid\" || exit 1",
            "if [ -z \"$uid\" ]; then",
            "  \"$ss\" \"$sh\" -c \"$part\" jslurm-job \"$@\" 3>\"$d/jobpid\"",
            "elif [ \"$grp\" = +init ]; then",
            "  \"$ss\" \"$sp\" --reuid=\"$uid\" --regid=\"$gid\" --init-groups -- \"$sh\" -c \"$part\" jslurm-job \"$@\" 3>\"$d/jobpid\"",
            "elif [ -z \"$grp\" ]; then",
            "  \"$ss\" \"$sp\" --reuid=\"$uid\" --regid=\"$gid\" --clear-groups -- \"$sh\" -c \"$part\" jslurm-job \"$@\" 3>\"$d/jobpid\"",
            "else",
            "  \"$ss\" \"$sp\" --reuid=\"$uid\" --regid=\"$gid\" --groups=\"$grp\" -- \"$sh\" -c \"$part\" jslurm-job \"$@\" 3>\"$d/jobpid\"",
            "fi",
            "st=$?",
            "echo \"$st\" >\"$d/status.tmp\" && \"$mv\" -f \"$d/status.tmp\" \"$d/status\"",
            "");

    /** Runs as the job user: $1 launch file, $2 umask, $3 stdout, $4 stderr ("" = stdout), $5 stdin, $6 append (1/0). */
    static final String USER_PART = String.join("\n",
            "echo $$ >&3",
            "exec 3>&-",
            "[ -z \"$2\" ] || umask \"$2\"",
            "if [ \"$6\" = 1 ]; then command exec >>\"$3\"; else command exec >\"$3\"; fi ||"
                    + " { echo \"slurmstepd: error: Could not open stdout file $3\" >&2; exit 1; }",
            "if [ -z \"$4\" ]; then exec 2>&1; elif [ \"$6\" = 1 ]; then command exec 2>>\"$4\";"
                    + " else command exec 2>\"$4\"; fi ||"
                    + " { echo \"slurmstepd: error: Could not open stderr file $4\" >&2; exit 1; }",
            "command exec <\"$5\" || { echo \"slurmstepd: error: Could not open stdin file $5\" >&2; exit 1; }",
            ". \"$1\"",
            "echo \"slurmstepd: error: could not start the batch script\" >&2",
            "exit 127",
            "");

    /** How the user part is entered: as the daemon's own uid, or through setpriv. */
    public record Identity(Integer uid, int gid, String groups) {
        /** No privilege change (the daemon runs the job as itself). */
        public static Identity same() { return new Identity(null, -1, ""); }

        /** setpriv with --init-groups (the user has a passwd entry). */
        public static Identity initGroups(int uid, int gid) { return new Identity(uid, gid, "+init"); }

        /** setpriv with explicit supplementary groups (none: --clear-groups). */
        public static Identity groups(int uid, int gid, List<Integer> groups) {
            return new Identity(uid, gid, String.join(",", groups.stream().map(String::valueOf).toList()));
        }
    }

    /** The streams of the batch script. stderr "" means "the same file as stdout". */
    public record Streams(String stdout, String stderr, String stdin, boolean append, String umask) {}

    /** The command line that starts the wrapper in a new session. */
    public static List<String> command(ProcessTools.Tools t, String jobDir, Identity id, String launchFile,
                                       Streams s) {
        List<String> cmd = new ArrayList<>(List.of(t.setsid(), "-w", t.sh(), "-c", ROOT_PART, NAME, jobDir,
                t.setsid(), t.setpriv(), t.mv(),
                id.uid() == null ? "" : Integer.toString(id.uid()), Integer.toString(id.gid()), id.groups(),
                t.sh(), USER_PART));
        cmd.addAll(List.of(launchFile, s.umask() == null ? "" : s.umask(), s.stdout(),
                s.stderr() == null ? "" : s.stderr(), s.stdin(), s.append() ? "1" : "0"));
        return cmd;
    }

    private static final Pattern NAME_OK = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * The text of the {@code launch} file the user part sources (as the user): the job's
     * environment (values single-quoted), SLURM_TASK_PID, the change of directory with Slurm's
     * fallback to /tmp, and the exec of the script. Variables whose names the shell cannot export
     * (exported bash functions such as {@code BASH_FUNC_module%%}) are passed through env(1).
     */
    public static String launchFile(Map<String, String> env, String workDir, String script, String envTool,
                                    String shTool) {
        return launchFile(env, workDir, script, List.of(), envTool, shTool);
    }

    /** As above, passing {@code args} (sbatch's arguments after the script name) to the script. */
    public static String launchFile(Map<String, String> env, String workDir, String script, List<String> args,
                                    String envTool, String shTool) {
        StringBuilder sb = new StringBuilder();
        List<String> odd = new ArrayList<>();
        for (var e : env.entrySet()) {
            if (e.getKey().equals("SLURM_TASK_PID")) continue;
            if (NAME_OK.matcher(e.getKey()).matches()) {
                sb.append("command export ").append(e.getKey()).append('=').append(quote(e.getValue())).append('\n');
            } else if (!e.getKey().contains("=")) {
                odd.add(e.getKey() + "=" + e.getValue());
            }
        }
        sb.append("command export SLURM_TASK_PID=$$\n");
        String q = quote(workDir);
        String msg = "slurmstepd: error: couldn't chdir to `" + workDir + "': ";
        String tail = ": going to /tmp instead";
        sb.append("cd -- ").append(q).append(" 2>/dev/null || { if [ ! -e ").append(q).append(" ]; then echo ")
                .append(quote(msg + "No such file or directory" + tail)).append("; elif [ ! -d ").append(q)
                .append(" ]; then echo ").append(quote(msg + "Not a directory" + tail)).append("; else echo ")
                .append(quote(msg + "Permission denied" + tail)).append("; fi >&2; cd /tmp; }\n");
        sb.append("exec");
        if (!odd.isEmpty()) {
            sb.append(' ').append(quote(envTool));
            for (String o : odd) sb.append(' ').append(quote(o));
            if (script.contains("=")) sb.append(' ').append(quote(shTool)).append(" -c 'exec \"$0\"'");
        }
        sb.append(' ').append(quote(script));
        for (String a : args) sb.append(' ').append(quote(a));
        sb.append('\n');
        return sb.toString();
    }

    /** Single-quotes a value for sh. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
