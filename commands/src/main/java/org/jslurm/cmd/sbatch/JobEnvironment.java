package org.jslurm.cmd.sbatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a batch job starts with, as sbatch 22.05 builds it from its own environment
 * and {@code --export}/{@code --export-file}:
 *
 * <ul>
 *   <li>sbatch first adds SLURM_SUBMIT_DIR, SLURM_SUBMIT_HOST, SLURM_PRIO_PROCESS and
 *       SLURM_UMASK to its environment (and SLURM_EXPORT_ENV when {@code --export} is not
 *       ALL), so every mode passes them on;</li>
 *   <li>{@code --export-file}: NUL-separated {@code NAME=value} entries start the environment and
 *       sbatch's own environment is dropped (only the variables above remain of it);</li>
 *   <li>unset or {@code ALL}: everything;</li>
 *   <li>{@code NONE}: only SLURM_* variables, plus SLURM_GET_USER_ENV=1 so that the node loads
 *       the user's login environment;</li>
 *   <li>a list such as {@code ALL,A=b,C} or {@code A,B}: the items in order, each overriding
 *       the previous ({@code ALL} copies everything, {@code A=b} sets a value, {@code C} copies
 *       C if set), then every SLURM_* variable; without ALL also SLURM_GET_USER_ENV=1.
 *       Commas inside quotes do not split, and quotes around a whole item are removed.</li>
 * </ul>
 *
 * Variables are copied in name order so the result does not depend on map iteration.
 */
final class JobEnvironment {
    private JobEnvironment() {}

    /**
     * @param callerEnv  sbatch's own environment
     * @param submitDir  the directory sbatch runs in
     * @return {@code NAME=value} strings
     */
    static List<String> build(Map<String, String> callerEnv, String export, String exportFile, boolean getUserEnv,
                              String submitDir, LocalProcess process, int errorExit) {
        Map<String, String> own = new TreeMap<>(callerEnv);
        Map<String, String> env = new LinkedHashMap<>();
        if (exportFile != null) {
            env.putAll(readExportFile(exportFile, Path.of(submitDir), errorExit));
            own.clear();
        } else if (export != null && !export.equalsIgnoreCase("ALL")) {
            own.putIfAbsent("SLURM_EXPORT_ENV", export);
        }
        own.put("SLURM_SUBMIT_DIR", submitDir);
        own.put("SLURM_SUBMIT_HOST", process.hostname());
        own.put("SLURM_PRIO_PROCESS", Integer.toString(process.nice()));
        if (process.umask() != null) own.putIfAbsent("SLURM_UMASK", process.umask());

        boolean userEnv = getUserEnv;
        if (export == null || export.equalsIgnoreCase("ALL")) {
            env.putAll(own);
        } else if (export.equalsIgnoreCase("NONE")) {
            env.clear();
            copySlurm(own, env);
            userEnv = true;
        } else {
            for (String item : items(export)) {
                if (item.equalsIgnoreCase("ALL")) {
                    env.putAll(own);
                } else if (item.indexOf('=') > 0) {
                    int eq = item.indexOf('=');
                    env.put(item.substring(0, eq), item.substring(eq + 1));
                } else if (own.containsKey(item)) {
                    env.put(item, own.get(item));
                }
            }
            copySlurm(own, env);
            userEnv = true;
        }
        if (userEnv) env.put("SLURM_GET_USER_ENV", "1");
        List<String> out = new ArrayList<>(env.size());
        env.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    private static void copySlurm(Map<String, String> from, Map<String, String> to) {
        from.forEach((k, v) -> {
            if (k.startsWith("SLURM_")) to.put(k, v);
        });
    }

    /** Splits at commas outside quotes; an item wholly in quotes loses them. */
    static List<String> items(String export) {
        List<String> items = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < export.length(); i++) {
            char c = export.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                cur.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                cur.append(c);
            } else if (c == ',') {
                addItem(items, cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        addItem(items, cur.toString());
        return items;
    }

    private static void addItem(List<String> items, String t) {
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            t = t.substring(1, t.length() - 1);
        }
        if (!t.isEmpty()) items.add(t);
    }

    /** NUL-separated NAME=value entries; a number 3 or more names an open file descriptor. */
    private static Map<String, String> readExportFile(String spec, Path cwd, int errorExit) {
        Path p = cwd.resolve(spec);
        if (spec.chars().allMatch(Character::isDigit) && !spec.isEmpty() && Integer.parseInt(spec) >= 3) {
            p = Path.of("/proc/self/fd", spec);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException | RuntimeException e) {
            throw SbatchOptions.error("Could not open user environment file " + spec, errorExit);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String entry : new String(bytes, StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) m.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return m;
    }
}
