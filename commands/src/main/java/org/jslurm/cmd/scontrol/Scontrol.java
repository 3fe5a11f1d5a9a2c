package org.jslurm.cmd.scontrol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jslurm.cmd.Command;
import org.jslurm.cmd.CommandEnv;
import org.jslurm.cmd.Main;
import org.jslurm.cmd.args.Args;
import org.jslurm.cmd.args.ArgsException;
import org.jslurm.cmd.fmt.Cli;

/**
 * scontrol: show and change the controller's state. Options first, then a command and its
 * words ({@code show job 5}, {@code update NodeName=n1 State=DRAIN Reason=x}, {@code hold 5}, ...).
 * Without a command, commands are read from standard input, one per line.
 */
public final class Scontrol implements Command {
    static final Args ARGS = Args.of("scontrol")
            .flag('a', "all")
            .req('M', "clusters", "cluster")
            .flag('d', "details")
            .flag((char) 0, "federation")
            .flag('F', "future")
            .flag('h', "help")
            .flag((char) 0, "hide")
            .flag((char) 0, "json")
            .flag((char) 0, "local")
            .flag('o', "oneliner")
            .flag('Q', "quiet")
            .flag((char) 0, "sibling")
            .req('u', "uid")
            .flag((char) 0, "usage")
            .flag('v', "verbose")
            .flag('V', "version");

    private static final List<String> KEYWORDS = List.of("abort", "all", "cancel_reboot", "cluster", "completing",
            "create", "delete", "details", "errnumstr", "exit", "fsdampeningfactor", "help", "hide", "hold", "holdu",
            "listpids", "notify", "oneliner", "pidinfo", "ping", "quiet", "quit", "reboot", "reconfigure", "release",
            "requeue", "requeuehold", "resume", "schedloglevel", "setdebug", "setdebugflags", "show", "shutdown",
            "suspend", "takeover", "top", "token", "uhold", "update", "verbose", "version", "wait_job", "write");

    static final String HELP = """
            scontrol [OPTIONS] [COMMAND]
              Options:
                -a, --all         show hidden partitions too
                -d, --details     more detail in show job
                -F, --future      show nodes in FUTURE state too
                -h, --help        this text
                    --json        show job/node/partition as JSON
                -o, --oneliner    one line per record
                -Q, --quiet       no informational messages
                -V, --version     print the version
              Commands:
                show job [ID] | node [NAME] | partition [NAME] | config [KEY]
                show hostnames [HOSTLIST] | hostlist NAMES | hostlistsorted NAMES
                update JobId=ID KEY=VALUE...
                update NodeName=HOSTLIST State=DRAIN|DOWN|RESUME|... [Reason=TEXT]
                update PartitionName=NAME State=UP|DOWN|DRAIN|INACTIVE [KEY=VALUE...]
                hold|uhold|release JOBS       hold or release pending jobs
                requeue|requeuehold JOBS      requeue jobs (and hold them)
                ping                          are the controllers up
                reconfigure                   re-read the configuration
                shutdown [slurmctld]          stop the controller
                errnumstr NUMBER              text of a Slurm error number
                version                       print the version
              Without a command, commands are read from standard input.""";

    @Override
    public int run(String[] args, CommandEnv env) {
        Args.Result r;
        try {
            r = ARGS.parse(args);
        } catch (ArgsException e) {
            return Cli.badArgs(env, "scontrol", e);
        }
        if (r.has("version")) return Cli.version(env);
        if (r.has("help") || r.has("usage")) {
            env.out().println(HELP);
            return 0;
        }
        Session s = new Session(env);
        s.all = r.has("all");
        s.details = r.count("details");
        s.future = r.has("future");
        s.json = r.has("json");
        s.oneLiner = r.has("oneliner");
        s.quiet = r.has("quiet");
        s.verbose = r.count("verbose");
        s.argv = Arrays.asList(args);
        if (r.operands().isEmpty()) return interactive(s);
        return Cli.guard(env, () -> execute(r.operands(), s));
    }

    /** Runs one command line's words. */
    static int execute(List<String> words, Session s) {
        String word = words.get(0);
        List<String> rest = words.subList(1, words.size());
        String kw = Session.resolve(word, KEYWORDS, 3);
        if (kw == null) {
            s.err("invalid keyword: " + word);
            return 1;
        }
        return switch (kw) {
            case "show" -> ShowCommand.run(rest, s);
            case "update" -> UpdateCommand.run(rest, s);
            case "hold" -> JobCommands.hold(kw, "hold", rest, s);
            case "uhold", "holdu" -> JobCommands.hold(kw, "uhold", rest, s);
            case "release" -> JobCommands.hold(kw, "release", rest, s);
            case "requeue" -> JobCommands.requeue(kw, false, rest, s);
            case "requeuehold" -> JobCommands.requeue(kw, true, rest, s);
            case "ping" -> AdminCommands.ping(s);
            case "reconfigure" -> AdminCommands.reconfigure(s);
            case "shutdown" -> AdminCommands.shutdown(rest, s);
            case "errnumstr" -> AdminCommands.errnumstr(rest, s);
            case "version" -> {
                s.out(Main.VERSION + "\n");
                yield 0;
            }
            case "help" -> {
                s.out(HELP + "\n");
                yield 0;
            }
            case "oneliner" -> toggle(() -> s.oneLiner = true);
            case "details" -> toggle(() -> s.details++);
            case "all" -> toggle(() -> s.all = true);
            case "hide" -> toggle(() -> s.all = false);
            case "quiet" -> toggle(() -> s.quiet = true);
            case "verbose" -> toggle(() -> s.verbose++);
            case "exit", "quit" -> 0;
            default -> {
                s.err("scontrol: error: " + kw + " is not supported by this version");
                yield 1;
            }
        };
    }

    private static int toggle(Runnable r) {
        r.run();
        return 0;
    }

    /** Reads commands from standard input until EOF, quit or exit; the exit code is the last failure's. */
    private static int interactive(Session s) {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.env.in(), StandardCharsets.UTF_8));
        int rc = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                List<String> words = split(line);
                if (words.isEmpty()) continue;
                String w = words.get(0).toLowerCase(java.util.Locale.ROOT);
                if (w.equals("quit") || w.equals("exit")) break;
                int r = Cli.guard(s.env, () -> execute(words, s));
                if (r != 0) rc = r;
                s.env.out().flush();
            }
        } catch (IOException e) {
            return 1;
        }
        return rc;
    }

    /** Splits an interactive line into words; single and double quotes group. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean in = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                in = true;
            } else if (Character.isWhitespace(c)) {
                if (in) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    in = false;
                }
            } else {
                cur.append(c);
                in = true;
            }
        }
        if (in) words.add(cur.toString());
        return words;
    }
}
