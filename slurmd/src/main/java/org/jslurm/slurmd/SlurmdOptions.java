package org.jslurm.slurmd;

/**
 * slurmd's command line: {@code slurmd [-D] [-c] [-f FILE] [-N NODENAME|HOSTLIST] [-L LOGFILE]
 * [-v...] [-V|--version] [-h|--help]}. Short options may be bundled ({@code -Dvv}); an option's
 * value may be attached ({@code -fFILE}) or the next word.
 */
public record SlurmdOptions(boolean foreground, String confFile, String nodes, String logFile, int verbose,
                            boolean clean, boolean version, boolean help) {

    public static final String USAGE = """
            Usage: slurmd [OPTIONS]
              -c            Clear stale state (an old pid file) before starting.
              -D            Run in the foreground, logging to stderr as well.
              -f file       Read configuration from the specified file.
              -h, --help    Print this help message.
              -L logfile    Log messages to the file `logfile'.
              -N name       Run as node `name' (a hostlist runs several nodes in one process).
              -v            Verbose mode. Multiple -v's increase verbosity.
              -V, --version Print version information and exit.
            """;

    /** Parses the arguments; throws IllegalArgumentException with a message for bad ones. */
    public static SlurmdOptions parse(String... args) {
        boolean fg = false, clean = false, version = false, help = false;
        String conf = null, nodes = null, log = null;
        int verbose = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--version" -> { version = true; continue; }
                case "--help" -> { help = true; continue; }
                default -> { }
            }
            if (!a.startsWith("-") || a.length() < 2 || a.startsWith("--")) {
                throw new IllegalArgumentException("slurmd: unrecognized argument '" + a + "'");
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                switch (c) {
                    case 'D' -> fg = true;
                    case 'c' -> clean = true;
                    case 'v' -> verbose++;
                    case 'V' -> version = true;
                    case 'h' -> help = true;
                    case 'f', 'N', 'L' -> {
                        String v;
                        if (j + 1 < a.length()) {
                            v = a.substring(j + 1);
                        } else if (i + 1 < args.length) {
                            v = args[++i];
                        } else {
                            throw new IllegalArgumentException("slurmd: option requires an argument -- '" + c + "'");
                        }
                        if (c == 'f') conf = v;
                        else if (c == 'N') nodes = v;
                        else log = v;
                        j = a.length();
                    }
                    default -> throw new IllegalArgumentException("slurmd: invalid option -- '" + c + "'");
                }
            }
        }
        return new SlurmdOptions(fg, conf, nodes, log, verbose, clean, version, help);
    }
}
