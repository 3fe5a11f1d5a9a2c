package org.jslurm.cmd.squeue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jslurm.cmd.fmt.Layout;
import org.jslurm.cmd.testing.Fixtures;
import org.jslurm.model.Job;
import org.junit.jupiter.api.Test;

class SqueueFormatTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final long NOW = Fixtures.T43;

    static List<Job> sorted() {
        List<Job> jobs = new ArrayList<>(Fixtures.queue());
        jobs.sort(JobSort.parse(JobSort.DEFAULT, NOW));
        return jobs;
    }

    @Test
    void defaultLayoutMatchesTranscript() {
        assertEquals(List.of(
                "             JOBID PARTITION     NAME     USER ST       TIME  NODES NODELIST(REASON)",
                "                 5     debug needs2cp     root PD       0:00      1 (Resources)",
                "                 6     debug fromfile     root PD       0:00      1 (JobHeldUser)",
                "                 3     debug  heldjob     root PD       0:00      1 (JobHeldUser)",
                "                 1     debug     wrap     root  R       0:00      1 vm",
                "                 2     debug     wrap     root  R       0:00      1 vm"),
                SqueueFormat.render(sorted(), NOW, SqueueFormat.DEFAULT, UTC, false));
    }

    @Test
    void longLayoutMatchesTranscript() {
        assertEquals(List.of(
                "             JOBID PARTITION     NAME     USER    STATE       TIME TIME_LIMI  NODES NODELIST(REASON)",
                "                 5     debug needs2cp     root  PENDING       0:00 UNLIMITED      1 (Resources)",
                "                 6     debug fromfile     root  PENDING       0:00      5:00      1 (JobHeldUser)",
                "                 3     debug  heldjob     root  PENDING       0:00 UNLIMITED      1 (JobHeldUser)",
                "                 1     debug     wrap     root  RUNNING       0:00 UNLIMITED      1 vm",
                "                 2     debug     wrap     root  RUNNING       0:00 UNLIMITED      1 vm"),
                SqueueFormat.render(sorted(), NOW, SqueueFormat.LONG, UTC, false));
    }

    @Test
    void pipeSeparatedFormat() {
        assertEquals(List.of(
                "JOBID|NAME|STATE|REASON|CPUS|NODES|TIME_LIMIT|PARTITION",
                "5|needs2cpu|PENDING|Resources|2|1|UNLIMITED|debug",
                "6|fromfile|PENDING|JobHeldUser|1|1|5:00|debug",
                "3|heldjob|PENDING|JobHeldUser|1|1|UNLIMITED|debug",
                "1|wrap|RUNNING|None|1|1|UNLIMITED|debug",
                "2|wrap|RUNNING|None|1|1|UNLIMITED|debug"),
                SqueueFormat.render(sorted(), NOW, "%i|%j|%T|%r|%C|%D|%l|%P", UTC, false));
    }

    @Test
    void startLayout() {
        List<Job> jobs = new ArrayList<>(Fixtures.queue().stream().filter(Job::isPending).toList());
        jobs.sort(JobSort.parse(JobSort.START, NOW));
        assertEquals(List.of(
                "             JOBID PARTITION     NAME     USER ST          START_TIME  NODES SCHEDNODES           NODELIST(REASON)",
                "                 3     debug  heldjob     root PD                 N/A      1 (null)               (JobHeldUser)",
                "                 5     debug needs2cp     root PD                 N/A      1 (null)               (Resources)",
                "                 6     debug fromfile     root PD                 N/A      1 (null)               (JobHeldUser)"),
                SqueueFormat.render(jobs, NOW, SqueueFormat.START, UTC, false));
    }

    @Test
    void longNamesWithSuffixAreUnpadded() {
        JobFields f = new JobFields(NOW, UTC, false);
        Layout<Job> l = SqueueFormat.named("JobID:\u001f,JobArrayID:\u001f,StateCompact:\u001f,", f, e -> { });
        assertEquals("JOBID\u001fJOBID\u001fST\u001f", l.header());
        assertEquals("5\u001f5\u001fPD\u001f", l.row(Fixtures.job(Fixtures.queue(), 5)));
    }

    @Test
    void longNamesWidthsAndJustification() {
        JobFields f = new JobFields(NOW, UTC, false);
        Layout<Job> l = SqueueFormat.named("JobID:.10,Name:5|,State:", f, e -> { });
        assertEquals("     JOBIDNAME |STATE", l.header());
        assertEquals("         5needs|PENDING", l.row(Fixtures.job(Fixtures.queue(), 5)));
        Layout<Job> d = SqueueFormat.named("jobid,name", f, e -> { });
        assertEquals("JOBID               NAME                ", d.header());
    }

    @Test
    void unknownLetterIsReported() {
        List<String> errors = new ArrayList<>();
        Layout<Job> l = SqueueFormat.percent("%i %! %j", new JobFields(NOW, UTC, false), errors::add);
        assertEquals(List.of("squeue: error: Invalid job format specification: !"), errors);
        assertEquals("JOBID NAME", l.header());
    }

    @Test
    void manyLetters() {
        Job j1 = Fixtures.job(Fixtures.queue(), 1);
        Layout<Job> l = SqueueFormat.percent("%a|%B|%c|%e|%E|%F|%g|%G|%h|%K|%L|%m|%o|%p|%Q|%S|%V|%z|%Z",
                new JobFields(NOW + 13, UTC, false), e -> { });
        assertEquals("(null)|vm|1|NONE|(null)|1|root|0|OK|N/A|UNLIMITED|0|(null)|0.99998474121093|4294901759"
                + "|2026-11-22T03:56:43|2026-11-22T03:56:41|*:*:*|" + Fixtures.WD, l.row(j1));
        Job j6 = Fixtures.job(Fixtures.queue(), 6);
        assertEquals("(null)|n/a|1|N/A|(null)|6|root|0|OK|N/A|5:00|0|" + Fixtures.WD + "/job.sh|0.00000000000000|0"
                + "|N/A|2026-11-22T03:56:41|*:*:*|" + Fixtures.WD, l.row(j6));
    }
}
