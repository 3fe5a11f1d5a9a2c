package org.jslurm.cmd.fmt;

/** Memory sizes and TRES strings as Slurm prints them ({@code 100M}, {@code 4G}, {@code cpu=2,mem=4G,node=1}). */
public final class Units {
    private Units() {}

    /**
     * A size in megabytes with the largest unit that divides it exactly ({@code 2000M}, {@code 4G},
     * {@code 1T}); {@code 0} for zero. With {@code noconvert} always in M.
     */
    public static String mem(long mb, boolean noconvert) {
        if (mb <= 0) return "0";
        if (!noconvert) {
            if (mb % (1024L * 1024) == 0) return mb / (1024L * 1024) + "T";
            if (mb % 1024 == 0) return mb / 1024 + "G";
        }
        return mb + "M";
    }

    public static String mem(long mb) { return mem(mb, false); }

    /**
     * A TRES list: {@code cpu=N[,mem=X][,node=N],billing=N}. {@code memMb} 0 and {@code nodes} &lt; 0
     * are left out.
     */
    public static String tres(long cpus, long memMb, long nodes, long billing) {
        StringBuilder sb = new StringBuilder("cpu=").append(cpus);
        if (memMb > 0) sb.append(",mem=").append(mem(memMb));
        if (nodes >= 0) sb.append(",node=").append(nodes);
        if (billing >= 0) sb.append(",billing=").append(billing);
        return sb.toString();
    }
}
