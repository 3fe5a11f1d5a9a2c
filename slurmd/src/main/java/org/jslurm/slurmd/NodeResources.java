package org.jslurm.slurmd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the machine really has, read from /proc (as slurmd -C reports it), plus the load figures
 * sent with every heartbeat.
 */
public record NodeResources(int cpus, int boards, int sockets, int coresPerSocket, int threadsPerCore,
                            long realMemoryMb, long tmpDiskMb, long bootTime, String os, String arch) {

    /** CPU topology from /proc/cpuinfo text: {cpus, sockets, coresPerSocket, threadsPerCore}. */
    public static int[] parseCpuinfo(String text, int fallbackCpus) {
        int cpus = 0;
        Set<String> sockets = new HashSet<>();
        Set<String> cores = new HashSet<>();
        String phys = "0";
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String k = line.substring(0, colon).trim(), v = line.substring(colon + 1).trim();
            switch (k) {
                case "processor" -> cpus++;
                case "physical id" -> { phys = v; sockets.add(v); }
                case "core id" -> cores.add(phys + "/" + v);
                default -> { }
            }
        }
        if (cpus == 0) cpus = Math.max(1, fallbackCpus);
        int s = Math.max(1, sockets.size());
        int totalCores = cores.isEmpty() ? cpus : cores.size();
        int cps = Math.max(1, totalCores / s);
        int tpc = Math.max(1, cpus / (s * cps));
        if (s * cps * tpc != cpus) { // odd topology (offline CPUs, containers): report flat
            s = 1;
            cps = cpus;
            tpc = 1;
        }
        return new int[] {cpus, s, cps, tpc};
    }

    /** A /proc/meminfo value in MiB (the file gives kB), or -1. */
    public static long meminfoMb(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] f = line.substring(key.length() + 1).trim().split("\\s+");
                try {
                    return Long.parseLong(f[0]) / 1024;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** The btime line of /proc/stat (boot time, epoch seconds), or 0. */
    public static long bootTime(String procStat) {
        for (String line : procStat.split("\n")) {
            if (line.startsWith("btime ")) {
                try {
                    return Long.parseLong(line.substring(6).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** The 1-minute load average from /proc/loadavg text. */
    public static double parseLoad(String loadavg) {
        try {
            return Double.parseDouble(loadavg.trim().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public static NodeResources probe(String tmpFs) {
        int[] cpu = parseCpuinfo(read("/proc/cpuinfo"), Runtime.getRuntime().availableProcessors());
        long mem = meminfoMb(read("/proc/meminfo"), "MemTotal");
        if (mem < 0) mem = Runtime.getRuntime().maxMemory() >> 20;
        long tmp = 0;
        try {
            tmp = Files.getFileStore(Path.of(tmpFs == null ? "/tmp" : tmpFs)).getTotalSpace() >> 20;
        } catch (IOException | RuntimeException e) {
            // no such file system: report 0
        }
        return new NodeResources(cpu[0], 1, cpu[1], cpu[2], cpu[3], mem, tmp, bootTime(read("/proc/stat")), probeOs(),
                probeArch());
    }

    public static double loadAverage() { return parseLoad(read("/proc/loadavg")); }

    public static long freeMemMb() {
        String m = read("/proc/meminfo");
        long v = meminfoMb(m, "MemAvailable");
        return v >= 0 ? v : meminfoMb(m, "MemFree");
    }

    /** Like {@code uname -s -r -v}: "Linux 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC ...". */
    static String probeOs() {
        String type = read("/proc/sys/kernel/ostype").strip();
        String rel = read("/proc/sys/kernel/osrelease").strip();
        String ver = read("/proc/sys/kernel/version").strip();
        if (type.isEmpty()) return System.getProperty("os.name") + " " + System.getProperty("os.version");
        return (type + " " + rel + " " + ver).strip();
    }

    static String probeArch() {
        String a = read("/proc/sys/kernel/arch").strip();
        if (!a.isEmpty()) return a;
        a = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> a;
        };
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
