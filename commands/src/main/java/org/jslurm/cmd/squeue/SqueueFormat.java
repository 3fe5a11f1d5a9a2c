package org.jslurm.cmd.squeue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jslurm.cmd.fmt.Layout;
import org.jslurm.model.Job;

/**
 * Turns jobs into squeue's lines: picks the layout (default, {@code -l}, {@code --start},
 * {@code -o}, {@code -O}) and renders a header and one line per job. Independent of any controller.
 */
public final class SqueueFormat {
    private SqueueFormat() {}

    public static final String DEFAULT = "%.18i %.9P %.8j %.8u %.2t %.10M %.6D %R";
    public static final String LONG = "%.18i %.9P %.8j %.8u %.8T %.10M %.9l %.6D %R";
    public static final String START = "%.18i %.9P %.8j %.8u %.2t %.19S %.6D %20Y %R";

    /** A {@code -o} layout; unknown letters are reported to {@code err} as squeue does. */
    public static Layout<Job> percent(String format, JobFields fields, Consumer<String> err) {
        return Layout.percent(format, fields::letter,
                c -> err.accept("squeue: error: Invalid job format specification: " + c));
    }

    /** A {@code -O} layout. */
    public static Layout<Job> named(String format, JobFields fields, Consumer<String> err) {
        return Layout.named(format, fields::named,
                n -> err.accept("squeue: error: Invalid job format specification: " + n));
    }

    /** The layout the options ask for. */
    public static Layout<Job> layout(SqueueOptions o, JobFields fields, Consumer<String> err) {
        if (o.formatLong() != null) return named(o.formatLong(), fields, err);
        if (o.format() != null) return percent(o.format(), fields, err);
        if (o.start()) return percent(START, fields, err);
        return percent(o.longFormat() ? LONG : DEFAULT, fields, err);
    }

    /** Header (unless {@code noHeader}) and one line per job, in the given order. */
    public static List<String> render(List<Job> jobs, Layout<Job> layout, boolean noHeader) {
        List<String> lines = new ArrayList<>(jobs.size() + 1);
        if (!noHeader) lines.add(layout.header());
        for (Job j : jobs) lines.add(layout.row(j));
        return lines;
    }

    /** Convenience for a {@code -o} format string, as of {@code now}. */
    public static List<String> render(List<Job> jobs, long now, String format, ZoneId zone, boolean noHeader) {
        return render(jobs, percent(format, new JobFields(now, zone, false), e -> { }), noHeader);
    }
}
