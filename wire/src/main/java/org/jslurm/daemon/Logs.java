package org.jslurm.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Daemon logging in Slurm's style: {@code [2026-11-22T03:56:41.123] message}, to a file or stderr. */
public final class Logs {
    private Logs() {}

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    /** One line per record; levels other than INFO are named, as Slurm prefixes "error:". */
    public static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(96).append('[').append(TS.format(Instant.ofEpochMilli(r.getMillis())))
                    .append("] ");
            if (r.getLevel() == Level.SEVERE) sb.append("error: ");
            else if (r.getLevel() == Level.WARNING) sb.append("warning: ");
            else if (r.getLevel().intValue() < Level.INFO.intValue()) sb.append("debug: ");
            sb.append(formatMessage(r)).append('\n');
            if (r.getThrown() != null) {
                java.io.StringWriter w = new java.io.StringWriter();
                r.getThrown().printStackTrace(new java.io.PrintWriter(w));
                sb.append(w);
            }
            return sb.toString();
        }
    }

    /**
     * @param file      log file, or null for stderr
     * @param verbosity number of -v flags: 0 info, 1 debug (FINE), 2+ everything
     */
    public static void setup(Path file, int verbosity) throws IOException {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) root.removeHandler(h);
        Handler h;
        if (file == null) {
            h = new ConsoleHandler(); // System.err, flushed per record
        } else {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            h = new FileHandler(file.toString(), true);
        }
        Level level = verbosity <= 0 ? Level.INFO : verbosity == 1 ? Level.FINE : Level.ALL;
        h.setFormatter(new LineFormatter());
        h.setLevel(level);
        root.addHandler(h);
        root.setLevel(level);
        Logger.getLogger("org.jslurm").setLevel(level);
    }

    /** Writes this process's pid to the file (creating directories); failures are returned as a message. */
    public static String writePidFile(Path file) {
        if (file == null) return null;
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, ProcessHandle.current().pid() + "\n");
            return null;
        } catch (IOException e) {
            return "unable to write pid file " + file + ": " + e.getMessage();
        }
    }
}
