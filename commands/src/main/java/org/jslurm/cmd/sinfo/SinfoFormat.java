package org.jslurm.cmd.sinfo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jslurm.cmd.fmt.Layout;

/**
 * sinfo's layouts. The built-in ones use {@code #} for a width computed from the data: the
 * longest partition name or node list printed, at least 9.
 */
public final class SinfoFormat {
    private SinfoFormat() {}

    public static final String DEFAULT = "%#P %.5a %.10l %.6D %.6t %N";
    public static final String SUMMARIZE = "%#P %.5a %.10l %.16F %N";
    public static final String LONG = "%#P %.5a %.10l %.10s %.4r %.8h %.10g %.6D %.11T %N";
    public static final String NODE = "%#N %.6D %.#P %6t";
    public static final String NODE_LONG = "%#N %.6D %.#P %.11T %4c %.8z %.6m %.8d %.6w %.8f %20E";
    public static final String REASONS = "%20E %9u %19H %N";
    public static final String REASONS_LONG = "%20E %12U %19H %6t %N";

    /** The -o format the options select (before widths are computed), or null for -O. */
    public static String percentFormat(SinfoOptions o) {
        if (o.formatLong() != null) return null;
        if (o.format() != null) return o.format();
        if (o.reasons()) return o.longFormat() ? REASONS_LONG : REASONS;
        if (o.summarize()) return SUMMARIZE;
        if (o.nodeOriented()) return o.longFormat() ? NODE_LONG : NODE;
        return o.longFormat() ? LONG : DEFAULT;
    }

    /** Parses a layout with {@code #} widths replaced by the given ones. */
    public static Layout<SinfoRecord> layout(SinfoOptions o, String percent, SinfoFields fields, int partWidth,
            int nodeWidth, Consumer<String> err) {
        if (percent == null) {
            return Layout.named(o.formatLong(), fields::named,
                    n -> err.accept("sinfo: error: Invalid job format specification: " + n));
        }
        String f = percent.replace("%#P", "%" + partWidth + "P").replace("%.#P", "%." + partWidth + "P")
                .replace("%#N", "%" + nodeWidth + "N");
        return Layout.percent(f, fields::letter, c -> err.accept("Invalid node format specification: " + c));
    }

    /** The {@code #} width for partition names: the longest printed (with its {@code *}), at least 9. */
    public static int partitionWidth(List<SinfoRecord> records) {
        int w = 9;
        for (SinfoRecord r : records) {
            if (r.partition != null) w = Math.max(w, r.partition.name().length() + (r.partition.isDefault() ? 1 : 0));
        }
        return w;
    }

    /** The {@code #} width for node lists: the longest printed, at least 9. */
    public static int nodeWidth(List<SinfoRecord> records, SinfoFields fields) {
        int w = 9;
        Layout.Field<SinfoRecord> list = fields.letter('N');
        for (SinfoRecord r : records) w = Math.max(w, list.value().apply(r).length());
        return w;
    }

    /** Header and lines. */
    public static List<String> render(List<SinfoRecord> records, Layout<SinfoRecord> layout, boolean noHeader) {
        List<String> lines = new ArrayList<>();
        if (!noHeader) lines.add(layout.header());
        for (SinfoRecord r : records) lines.add(layout.row(r));
        return lines;
    }
}
