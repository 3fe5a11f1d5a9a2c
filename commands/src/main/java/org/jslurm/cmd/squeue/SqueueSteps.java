package org.jslurm.cmd.squeue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jslurm.cmd.fmt.Layout;
import org.jslurm.cmd.fmt.Layout.Field;
import org.jslurm.cmd.fmt.Times;
import org.jslurm.model.Job;

/**
 * {@code squeue -s}: job steps. The controller reports no steps yet, so each running batch job
 * shows its batch step ({@code 12.batch}) on its batch host.
 */
final class SqueueSteps {
    private SqueueSteps() {}

    static final String FORMAT = "%.15i %.8j %.9P %.8u %.9M %N";

    static List<String> render(List<Job> jobs, long now, ZoneId zone, String format, boolean noHeader,
            Consumer<String> err) {
        Layout<Job> layout = Layout.percent(format == null ? FORMAT : format, c -> field(c, now, zone),
                c -> err.accept("squeue: error: Invalid job step format specification: " + c));
        List<String> lines = new ArrayList<>();
        if (!noHeader) lines.add(layout.header());
        for (Job j : jobs) {
            if (j.holdsResources() && j.batchHost() != null) lines.add(layout.row(j));
        }
        return lines;
    }

    private static Field<Job> field(char c, long now, ZoneId zone) {
        return switch (c) {
            case 'i' -> new Field<>("STEPID", j -> j.id() + ".batch");
            case 'j' -> new Field<>("NAME", j -> "batch");
            case 'P' -> new Field<>("PARTITION", Job::partition);
            case 'u' -> new Field<>("USER", Job::userName);
            case 'U' -> new Field<>("UID", j -> Integer.toString(j.uid()));
            case 'M' -> new Field<>("TIME", j -> Times.elapsed(j.runSeconds(now)));
            case 'N' -> new Field<>("NODELIST", Job::batchHost, false);
            case 'A' -> new Field<>("TASKS", j -> "1");
            case 'l' -> new Field<>("TIME_LIMIT", j -> Times.limit(j.timeLimitMin()));
            case 'S' -> new Field<>("START_TIME", j -> Times.iso(j.startTime(), zone, "N/A"));
            default -> null;
        };
    }
}
