package org.jslurm.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jslurm.model.Job;
import org.jslurm.model.JobSpec;
import org.jslurm.state.Event;
import org.jslurm.wire.proto.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    static Event submitted(long id) {
        JobSpec.Builder b = JobSpec.builder();
        b.name = "j" + id;
        b.script = "#!/bin/sh\ntrue\n";
        return new Event.JobSubmitted(Job.pending(id, b.build(), "debug", -1, 1000 - id, 1));
    }

    Journal.Recovered reopen() throws IOException {
        List<Journal.Recovered> got = new ArrayList<>();
        Journal j = Journal.open(dir, e -> { throw new AssertionError(e); }, got::add);
        j.close();
        return got.get(0);
    }

    @Test
    void everyAcknowledgedRecordIsReplayedInOrder() throws Exception {
        Journal j = Journal.open(dir, e -> { throw new AssertionError(e); }, r -> { });
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (long id = 1; id <= 100; id++) acks.add(j.append(submitted(id)));
        for (var f : acks) f.get();
        j.close();
        Journal.Recovered r = reopen();
        assertEquals(100, r.events().size());
        assertEquals(submitted(42), r.events().get(41));
        assertEquals(100, r.lastSeq());
    }

    @Test
    void concurrentAppendsShareSyncs() throws Exception {
        Journal j = Journal.open(dir, e -> { throw new AssertionError(e); }, r -> { });
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        synchronized (this) {
            for (long id = 1; id <= 1000; id++) acks.add(j.append(submitted(id)));
        }
        for (var f : acks) f.get();
        assertEquals(1000, j.recordCount());
        org.junit.jupiter.api.Assertions.assertTrue(j.syncCount() < 1000, "group commit: " + j.syncCount() + " syncs");
        j.close();
    }

    @Test
    void aTornRecordAtTheEndIsCutOffAndEverythingBeforeItSurvives() throws Exception {
        Journal j = Journal.open(dir, e -> { throw new AssertionError(e); }, r -> { });
        for (long id = 1; id <= 10; id++) j.append(submitted(id)).get();
        j.close();
        Path seg;
        try (var s = Files.list(dir)) {
            seg = s.filter(p -> p.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 50, 1, 2, 3})); // a header promising more than follows
        }
        Journal.Recovered r = reopen();
        assertEquals(10, r.events().size());
        // and appending after recovery continues the sequence
        Journal j2 = Journal.open(dir, e -> { throw new AssertionError(e); }, x -> { });
        j2.append(submitted(11)).get();
        j2.close();
        assertEquals(11, reopen().events().size());
    }

    @Test
    void damageBeforeTheEndStopsRecoveryWithTheFileNamed() throws Exception {
        Journal j = Journal.open(dir, e -> { throw new AssertionError(e); }, r -> { });
        for (long id = 1; id <= 3; id++) j.append(submitted(id)).get();
        j.rotateForSnapshot();
        j.append(submitted(4)).get();
        j.close();
        Path first;
        try (var s = Files.list(dir)) {
            first = s.map(Path::toString).filter(p -> p.contains("journal-")).sorted().map(Path::of).findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(first);
        b[10] ^= 0x55;
        Files.write(first, b);
        IOException e = assertThrows(IOException.class, this::reopen);
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(first.getFileName().toString()), e.getMessage());
    }

    @Test
    void aSnapshotBoundsReplay() throws Exception {
        Journal j = Journal.open(dir, e -> { throw new AssertionError(e); }, r -> { });
        for (long id = 1; id <= 5; id++) j.append(submitted(id)).get();
        long seq = j.rotateForSnapshot();
        j.append(submitted(6)).get();
        j.writeSnapshot(Snapshot.newBuilder().setSeq(seq).setNextJobId(6).build());
        j.append(submitted(7)).get();
        j.close();
        Journal.Recovered r = reopen();
        assertEquals(5, r.snapshot().getSeq());
        assertEquals(List.of(submitted(6), submitted(7)), r.events());
    }
}
