package org.jslurm.cmd.squeue;

import java.util.List;
import java.util.function.Predicate;
import org.jslurm.model.Job;

/** Which jobs squeue shows, from its filter options. */
final class JobFilter implements Predicate<Job> {
    private final SqueueOptions o;

    JobFilter(SqueueOptions o) {
        this.o = o;
    }

    @Override
    public boolean test(Job j) {
        if (o.states() == null ? j.isFinished() : !o.states().contains(j.state())) return false;
        if (o.start() && !j.isPending()) return false;
        if (o.jobIds() != null && !o.jobIds().contains(j.id())) return false;
        if (!o.users().isEmpty() && !o.users().contains(j.userName())
                && !o.users().contains(Integer.toString(j.uid()))) return false;
        if (!o.partitions().isEmpty() && !o.partitions().contains(j.partition())) return false;
        if (!o.names().isEmpty() && !o.names().contains(j.name())) return false;
        if (!o.accounts().isEmpty() && !o.accounts().contains(j.spec().account())) return false;
        return o.nodes().isEmpty() || intersects(o.nodes(), j.nodeNames());
    }

    private static boolean intersects(List<String> a, List<String> b) {
        for (String s : b) if (a.contains(s)) return true;
        return false;
    }
}
