package org.jslurm.journal;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.zip.CRC32C;
import org.jslurm.state.Event;
import org.jslurm.wire.proto.JournalRecord;
import org.jslurm.wire.proto.Snapshot;

/**
 * The controller's write-ahead journal: an append-only sequence of {@link Event}s in segment files
 * under {@code StateSaveLocation}, plus periodic snapshots that bound replay.
 *
 * <p>Durability: {@link #append} queues an event and returns a future that completes only after
 * the record is on disk (fsync). One writer thread takes every record queued meanwhile and syncs
 * them together (group commit), so concurrent submitters share one fsync.
 *
 * <p>Each record is framed as {@code [u32 length][u32 crc32c][JournalRecord bytes]}. At recovery a
 * torn record at the end of the last segment (a crash mid-write) is cut off; that record was never
 * acknowledged. Damage anywhere else stops recovery with an error naming the file.
 *
 * <p>Another controller can follow the same directory by replaying new records (HA, later).
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    private static final String SNAPSHOT = "snapshot.pb";
    private static final int SNAP_MAGIC = 0x4a534e31; // "JSN1"

    /** What recovery found: the latest snapshot (or null) and the events after it, in order. */
    public record Recovered(Snapshot snapshot, List<Event> events, long lastSeq) {}

    private sealed interface Entry {}
    private record Append(long seq, Event event, CompletableFuture<Void> done) implements Entry {}
    private record Rotate(long startSeq) implements Entry {}

    private final Path dir;
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Consumer<Throwable> onFatal;
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final Thread writer;
    private long nextSeq;
    private FileChannel segment;
    private volatile boolean closed;

    private Journal(Path dir, long nextSeq, Consumer<Throwable> onFatal) throws IOException {
        this.dir = dir;
        this.nextSeq = nextSeq;
        this.onFatal = onFatal;
        this.segment = openSegment(nextSeq);
        this.writer = Thread.ofPlatform().name("journal-writer").daemon(true).start(this::writeLoop);
    }

    /**
     * Reads the snapshot and every record after it, then opens the journal for appending.
     *
     * @param onFatal called if a write or sync fails: the controller must stop, since it can no
     *                longer promise durability
     */
    public static Journal open(Path dir, Consumer<Throwable> onFatal, Consumer<Recovered> recovered)
            throws IOException {
        Files.createDirectories(dir);
        Snapshot snap = readSnapshot(dir);
        long after = snap == null ? 0 : snap.getSeq();
        List<Event> events = new ArrayList<>();
        long last = after;
        List<Path> segs = segments(dir);
        for (int i = 0; i < segs.size(); i++) {
            last = Math.max(last, replaySegment(segs.get(i), i == segs.size() - 1, after, events));
        }
        recovered.accept(new Recovered(snap, events, last));
        return new Journal(dir, last + 1, onFatal);
    }

    /** Queues an event; the future completes when it is durable. Call in the order events were applied. */
    public synchronized CompletableFuture<Void> append(Event e) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IOException("journal closed"));
            return done;
        }
        queue.add(new Append(nextSeq++, e, done));
        return done;
    }

    /** Sequence number of the last event appended (durable or not). */
    public synchronized long lastSeq() { return nextSeq - 1; }

    /**
     * Starts a new segment after the last appended record. Call while holding the same lock as
     * {@link #append} callers, at the moment a snapshot's state is captured; returns that seq.
     */
    public synchronized long rotateForSnapshot() {
        long last = nextSeq - 1;
        queue.add(new Rotate(nextSeq));
        return last;
    }

    /** Writes a snapshot atomically, then deletes the segments it makes redundant. */
    public void writeSnapshot(Snapshot snap) throws IOException {
        byte[] body = snap.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(body);
        ByteBuffer buf = ByteBuffer.allocate(12 + body.length);
        buf.putInt(SNAP_MAGIC).putInt((int) crc.getValue()).putInt(body.length).put(body).flip();
        Path tmp = dir.resolve(SNAPSHOT + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDir();
        for (Path p : segments(dir)) {
            if (startSeqOf(p) <= snap.getSeq() && !isCurrent(p)) Files.deleteIfExists(p);
        }
    }

    public long syncCount() { return syncs.get(); }
    public long recordCount() { return records.get(); }

    // ---------------------------------------------------------------- writer thread

    private void writeLoop() {
        List<Entry> batch = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        while (!closed || !queue.isEmpty()) {
            try {
                batch.clear();
                Entry first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch);
                List<CompletableFuture<Void>> done = new ArrayList<>(batch.size());
                for (Entry e : batch) {
                    switch (e) {
                        case Append a -> {
                            buf = writeRecord(buf, EventCodec.encode(a.seq(), a.event()).toByteArray());
                            done.add(a.done());
                        }
                        case Rotate r -> {
                            flush(buf);
                            segment.force(false);
                            segment.close();
                            segment = openSegment(r.startSeq());
                        }
                    }
                }
                flush(buf);
                segment.force(false);
                syncs.incrementAndGet();
                records.addAndGet(done.size());
                done.forEach(f -> f.complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                for (Entry en : batch) if (en instanceof Append a) a.done().completeExceptionally(e);
                LOG.severe("journal write failed: " + e);
                onFatal.accept(e);
                return;
            }
        }
    }

    private ByteBuffer writeRecord(ByteBuffer buf, byte[] body) throws IOException {
        if (buf.remaining() < body.length + 8) {
            flush(buf);
            if (buf.capacity() < body.length + 8) buf = ByteBuffer.allocate(body.length + 8);
        }
        CRC32C crc = new CRC32C();
        crc.update(body);
        buf.putInt(body.length).putInt((int) crc.getValue()).put(body);
        return buf;
    }

    private void flush(ByteBuffer buf) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) segment.write(buf);
        buf.clear();
    }

    private FileChannel openSegment(long startSeq) throws IOException {
        Path p = dir.resolve(String.format("journal-%020d.log", startSeq));
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        currentSegment = p;
        syncDir();
        return ch;
    }

    private volatile Path currentSegment;

    private boolean isCurrent(Path p) { return p.equals(currentSegment); }

    private void syncDir() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some filesystems cannot sync a directory; the file syncs still hold
        }
    }

    // ---------------------------------------------------------------- recovery

    private static List<Path> segments(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "journal-*.log")) {
            ds.forEach(out::add);
        }
        out.sort((a, b) -> Long.compare(startSeqOf(a), startSeqOf(b)));
        return out;
    }

    private static long startSeqOf(Path p) {
        String n = p.getFileName().toString();
        return Long.parseLong(n.substring("journal-".length(), n.length() - ".log".length()));
    }

    private static long replaySegment(Path p, boolean last, long after, List<Event> out) throws IOException {
        long maxSeq = 0;
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer all = ByteBuffer.allocate((int) ch.size());
            while (all.hasRemaining() && ch.read(all) >= 0) { /* read fully */ }
            all.flip();
            long good = 0;
            while (all.remaining() > 0) {
                String problem = null;
                JournalRecord rec = null;
                if (all.remaining() < 8) {
                    problem = "truncated record header";
                } else {
                    int len = all.getInt(all.position());
                    int crc = all.getInt(all.position() + 4);
                    if (len < 0 || len > all.remaining() - 8) {
                        problem = "truncated record";
                    } else {
                        byte[] body = new byte[len];
                        all.get(all.position() + 8, body);
                        CRC32C c = new CRC32C();
                        c.update(body);
                        if ((int) c.getValue() != crc) {
                            problem = "checksum mismatch";
                        } else {
                            try {
                                rec = JournalRecord.parseFrom(body);
                            } catch (InvalidProtocolBufferException e) {
                                problem = "undecodable record";
                            }
                        }
                        if (problem == null) all.position(all.position() + 8 + len);
                    }
                }
                if (problem != null) {
                    if (!last) throw new IOException(p + ": " + problem + " at offset " + good
                            + "; the journal is damaged before its end");
                    LOG.warning(p + ": " + problem + " at offset " + good + " (torn write at the end): cut off");
                    ch.truncate(good);
                    ch.force(true);
                    break;
                }
                good = all.position();
                maxSeq = Math.max(maxSeq, rec.getSeq());
                if (rec.getSeq() > after) out.add(EventCodec.decode(rec));
            }
        }
        return maxSeq;
    }

    private static Snapshot readSnapshot(Path dir) throws IOException {
        Path p = dir.resolve(SNAPSHOT);
        if (!Files.exists(p)) return null;
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p));
        if (b.remaining() < 12 || b.getInt() != SNAP_MAGIC) throw new IOException(p + ": not a jslurm snapshot");
        int crc = b.getInt();
        int len = b.getInt();
        if (len != b.remaining()) throw new IOException(p + ": snapshot truncated");
        byte[] body = new byte[len];
        b.get(body);
        CRC32C c = new CRC32C();
        c.update(body);
        if ((int) c.getValue() != crc) throw new IOException(p + ": snapshot checksum mismatch");
        return Snapshot.parseFrom(body);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            writer.join(5000);
            segment.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
