package org.jslurm.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads slurm.conf text into logical lines, following {@code Include} directives inline.
 *
 * <p>Physical lines ending in {@code \} are joined with the next one; comments are removed first
 * so a backslash inside a comment does not continue the line.
 */
final class ConfigReader {

    private static final Pattern INCLUDE = Pattern.compile("(?i)include\\s+(.+)");
    /** Guards against include cycles; real sites nest two or three levels at most. */
    private static final int MAX_DEPTH = 16;

    private final Consumer<ConfigLine> sink;
    private final List<String> warnings;
    /** The latest ClusterName seen, for the {@code %c} include modifier. */
    private String clusterName;

    ConfigReader(Consumer<ConfigLine> sink, List<String> warnings) {
        this.sink = sink;
        this.warnings = warnings;
    }

    void readFile(Path file) {
        readFile(file, null, 0);
    }

    void readText(String text, Path origin, int depth) {
        String[] physical = text.split("\n", -1);
        int i = 0;
        while (i < physical.length) {
            int startLine = i + 1;
            StringBuilder logical = new StringBuilder();
            while (i < physical.length) {
                String line = LineTokenizer.stripComment(chomp(physical[i++])).stripTrailing();
                if (!line.endsWith("\\")) {
                    logical.append(line);
                    break;
                }
                logical.append(line, 0, line.length() - 1).append(' ');
            }
            String content = logical.toString().strip();
            if (!content.isEmpty()) {
                handle(content, new SourceLine(origin, startLine), depth);
            }
        }
    }

    private void handle(String content, SourceLine where, int depth) {
        Matcher include = INCLUDE.matcher(content);
        if (include.matches()) {
            include(unquote(include.group(1).strip()), where, depth);
            return;
        }
        List<Setting> settings = LineTokenizer.tokenize(content, where);
        for (Setting s : settings) {
            if (s.key().equalsIgnoreCase("ClusterName")) {
                clusterName = s.value();
            }
        }
        sink.accept(new ConfigLine(where, settings));
    }

    private void include(String spec, SourceLine where, int depth) {
        if (depth >= MAX_DEPTH) {
            throw ConfigException.at(where, "Include nested more than " + MAX_DEPTH
                    + " deep (an include cycle?): " + spec);
        }
        Path target = resolve(expandModifiers(spec, where), where);
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        if (!isGlob(name)) {
            if (!Files.isRegularFile(target)) {
                throw ConfigException.at(where, "Include file " + target + " not found");
            }
            readFile(target, where, depth + 1);
            return;
        }
        List<Path> matches = glob(target.getParent(), name, where);
        if (matches.isEmpty()) {
            warnings.add(where.prefix() + "Include " + target + " matched no files");
        }
        for (Path p : matches) {
            readFile(p, where, depth + 1);
        }
    }

    private String expandModifiers(String spec, SourceLine where) {
        if (!spec.contains("%c")) {
            return spec;
        }
        if (clusterName == null) {
            throw ConfigException.at(where, "Include uses %c before ClusterName is set: " + spec);
        }
        return spec.replace("%c", clusterName);
    }

    /** Relative include paths are taken from the including file's directory. */
    private static Path resolve(String spec, SourceLine where) {
        try {
            Path p = Path.of(spec);
            if (p.isAbsolute()) {
                return p;
            }
            Path base = where.file() == null ? Path.of("") : where.file().toAbsolutePath().getParent();
            return base.resolve(p).normalize();
        } catch (InvalidPathException e) {
            throw ConfigException.at(where, "bad Include path " + spec, e);
        }
    }

    private static List<Path> glob(Path dir, String pattern, SourceLine where) {
        if (isGlob(dir.toString())) {
            throw ConfigException.at(where, "Include wildcards are supported in the file name only: "
                    + dir.resolve(pattern));
        }
        List<Path> matches = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return matches;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, pattern)) {
            for (Path p : stream) {
                if (Files.isRegularFile(p)) {
                    matches.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ConfigException.at(where, "cannot list Include " + dir.resolve(pattern) + ": " + e, e);
        }
        matches.sort(null); // directory order is arbitrary; sorted order makes overrides predictable
        return matches;
    }

    private void readFile(Path file, SourceLine includedFrom, int depth) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such file" : e.toString();
            String msg = "cannot read " + file + ": " + why;
            throw includedFrom == null ? new ConfigException(msg, e)
                    : ConfigException.at(includedFrom, msg, e);
        }
        readText(new String(bytes, StandardCharsets.UTF_8), file, depth);
    }

    private static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    private static String chomp(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
