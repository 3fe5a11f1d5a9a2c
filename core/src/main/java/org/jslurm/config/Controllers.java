package org.jslurm.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out the controller list from {@code SlurmctldHost} lines ({@code name} or
 * {@code name(addr)}, primary first) or, for old files, from {@code ControlMachine},
 * {@code ControlAddr}, {@code BackupController} and {@code BackupAddr}.
 */
final class Controllers {

    private static final Pattern HOST = Pattern.compile("([^()\\s]+)(?:\\(([^()\\s]+)\\))?");

    private Controllers() {
    }

    /**
     * @param hosts   every SlurmctldHost setting, in file order
     * @param globals lookup of the last value of the old keys (null when unset)
     */
    static List<ControllerHost> resolve(List<Setting> hosts, Function<String, Setting> globals,
                                        List<String> warnings) {
        Setting oldPrimary = globals.apply("ControlMachine");
        if (!hosts.isEmpty()) {
            if (oldPrimary != null) {
                warnings.add(oldPrimary.where().prefix()
                        + "ControlMachine ignored because SlurmctldHost is set");
            }
            List<ControllerHost> out = new ArrayList<>();
            for (Setting s : hosts) {
                out.add(parse(s));
            }
            return List.copyOf(out);
        }
        List<ControllerHost> out = new ArrayList<>();
        if (oldPrimary != null) {
            out.add(old(oldPrimary, globals.apply("ControlAddr")));
            Setting backup = globals.apply("BackupController");
            if (backup != null) {
                out.add(old(backup, globals.apply("BackupAddr")));
            }
        }
        return List.copyOf(out);
    }

    private static ControllerHost parse(Setting s) {
        Matcher m = HOST.matcher(s.value().strip());
        if (!m.matches()) {
            throw Values.bad(s, "a host name, optionally followed by (address)");
        }
        return new ControllerHost(m.group(1), m.group(2) == null ? m.group(1) : m.group(2));
    }

    private static ControllerHost old(Setting name, Setting addr) {
        String host = name.value().strip();
        if (host.isEmpty()) {
            throw Values.bad(name, "a host name");
        }
        return new ControllerHost(host, addr == null ? host : addr.value().strip());
    }
}
