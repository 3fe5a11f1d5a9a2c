package org.jslurm.cmd.squeue;

import java.util.Comparator;
import java.util.function.Function;
import org.jslurm.cmd.fmt.JobView;
import org.jslurm.model.Job;

/**
 * squeue's ordering from a sort list such as {@code P,t,-p} (the default) or {@code -t,i}: field
 * letters as in the format, each optionally preceded by {@code +} or {@code -} for ascending or
 * descending. Unknown letters are ignored. Jobs still tied are shown newest first, unless the list
 * orders by job id itself.
 */
public final class JobSort {
    private JobSort() {}

    public static final String DEFAULT = "P,t,-p";
    /** The order of {@code --start}: expected start, then id. */
    public static final String START = "S,i";

    public static Comparator<Job> parse(String spec, long now) {
        Comparator<Job> c = null;
        boolean byId = false;
        for (String tok : spec.split(",")) {
            String t = tok.trim();
            if (t.isEmpty()) continue;
            boolean desc = t.charAt(0) == '-';
            if (t.charAt(0) == '-' || t.charAt(0) == '+') t = t.substring(1);
            if (t.isEmpty()) continue;
            char letter = t.charAt(0);
            Comparator<Job> k = key(letter, now);
            if (k == null) continue;
            if (letter == 'i' || letter == 'A' || letter == 'F') byId = true;
            if (desc) k = k.reversed();
            c = c == null ? k : c.thenComparing(k);
        }
        Comparator<Job> newestFirst = Comparator.comparingLong(Job::id).reversed();
        if (c == null) return newestFirst;
        return byId ? c : c.thenComparing(newestFirst);
    }

    private static Comparator<Job> key(char letter, long now) {
        return switch (letter) {
            case 'i', 'A', 'F' -> Comparator.comparingLong(Job::id);
            case 'P' -> str(Job::partition);
            case 't' -> str(j -> j.state().compact());
            case 'T' -> str(j -> j.state().name());
            case 'p', 'Q' -> Comparator.comparingLong(Job::priority);
            case 'u' -> str(Job::userName);
            case 'U' -> Comparator.comparingInt(Job::uid);
            case 'j' -> str(Job::name);
            case 'M' -> Comparator.comparingLong(j -> j.runSeconds(now));
            case 'l' -> Comparator.comparingLong(j -> j.timeLimitMin() < 0 ? Long.MAX_VALUE : j.timeLimitMin());
            case 'L' -> Comparator.comparingLong(j -> {
                long left = JobView.secondsLeft(j, now);
                return left < 0 ? Long.MAX_VALUE : left;
            });
            case 'D' -> Comparator.comparingInt(Job::nodeCount);
            case 'C' -> Comparator.comparingInt(Job::cpus);
            case 'c' -> Comparator.comparingLong(JobView::minCpusPerNode);
            case 'm' -> Comparator.comparingLong(JobView::minMemMb);
            case 'S' -> Comparator.comparingLong(Job::startTime);
            case 'V' -> Comparator.comparingLong(Job::submitTime);
            case 'e' -> Comparator.comparingLong(JobView::expectedEnd);
            case 'N' -> str(JobView::nodeList);
            case 'r', 'R' -> str(JobView::reason);
            case 'a' -> str(j -> j.spec().account());
            case 'k' -> str(j -> j.spec().comment());
            case 'G' -> Comparator.comparingInt(j -> j.spec().gid());
            case 'g' -> str(JobView::groupName);
            case 'y' -> Comparator.comparingInt(j -> j.spec().nice());
            case 'Z' -> str(j -> j.spec().workDir());
            case 'B' -> str(Job::batchHost);
            default -> null;
        };
    }

    private static Comparator<Job> str(Function<Job, String> f) {
        return Comparator.comparing(j -> {
            String s = f.apply(j);
            return s == null ? "" : s;
        });
    }
}
