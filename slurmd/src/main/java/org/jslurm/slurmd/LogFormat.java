package org.jslurm.slurmd;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/** One line per record, the way Slurm's daemons log: {@code [2024-05-01T10:00:00.123] error: text}. */
public final class LogFormat extends Formatter {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    @Override
    public String format(LogRecord r) {
        StringBuilder sb = new StringBuilder(128);
        sb.append('[').append(TS.format(Instant.ofEpochMilli(r.getMillis()))).append("] ");
        sb.append(prefix(r.getLevel()));
        sb.append(formatMessage(r)).append('\n');
        if (r.getThrown() != null) {
            StringWriter w = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(w));
            sb.append(w);
        }
        return sb.toString();
    }

    static String prefix(Level l) {
        int v = l.intValue();
        if (v >= Level.SEVERE.intValue()) return "error: ";
        if (v >= Level.WARNING.intValue()) return "warning: ";
        if (v >= Level.INFO.intValue()) return "";
        if (v >= Level.FINE.intValue()) return "debug: ";
        if (v >= Level.FINER.intValue()) return "debug2: ";
        return "debug3: ";
    }

    /** The level for {@code -v} given {@code n} times. */
    static Level level(int verbose) {
        return switch (verbose) {
            case 0 -> Level.INFO;
            case 1 -> Level.FINE;
            case 2 -> Level.FINER;
            default -> Level.ALL;
        };
    }

    /** Sends all logging to {@code file} (appending; null: none) and, if {@code stderr}, to stderr. */
    static void install(Path file, boolean stderr, int verbose) throws IOException {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) root.removeHandler(h);
        Level level = level(verbose);
        root.setLevel(level);
        LogFormat fmt = new LogFormat();
        if (file != null) {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            OutputStream out = new FileOutputStream(file.toFile(), true);
            StreamHandler h = new StreamHandler(out, fmt) {
                @Override
                public synchronized void publish(LogRecord record) {
                    super.publish(record);
                    flush();
                }
            };
            h.setEncoding(StandardCharsets.UTF_8.name());
            h.setLevel(Level.ALL);
            root.addHandler(h);
        }
        if (stderr || file == null) {
            ConsoleHandler c = new ConsoleHandler();
            c.setFormatter(fmt);
            c.setLevel(Level.ALL);
            root.addHandler(c);
        }
    }
}
