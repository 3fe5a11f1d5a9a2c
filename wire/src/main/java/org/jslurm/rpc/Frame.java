package org.jslurm.rpc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Framing for every message on a jslurm socket:
 * {@code 'J' 'S'}, a 16-bit protocol version, a 32-bit payload length, then the payload (a
 * protobuf {@code Request} or {@code Response}). The magic lets a daemon tell garbage from a
 * peer at once; the version lets it refuse an incompatible peer with a clear error rather than
 * misreading its bytes; the length is checked against a limit before anything is allocated.
 */
public final class Frame {
    private Frame() {}

    /** Bumped only for changes an older reader would misread (field additions need no bump). */
    public static final int PROTOCOL_VERSION = 1;
    public static final int MAGIC = ('J' << 8) | 'S';
    public static final int DEFAULT_MAX_REQUEST = 64 << 20;
    public static final int DEFAULT_MAX_RESPONSE = 1 << 30;

    /** A frame read from a stream: the peer's protocol version and its payload bytes. */
    public record Read(int version, byte[] payload) {}

    /** Thrown for bytes that are not a jslurm frame, or a frame over the size limit. */
    public static final class BadFrameException extends IOException {
        public BadFrameException(String message) { super(message); }
    }

    public static void write(OutputStream out, byte[] payload) throws IOException {
        write(out, PROTOCOL_VERSION, payload);
    }

    static void write(OutputStream out, int version, byte[] payload) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeShort(MAGIC);
        d.writeShort(version);
        d.writeInt(payload.length);
        d.write(payload);
        d.flush();
    }

    /**
     * Reads one frame. Returns null on a clean end of stream before the first byte.
     *
     * @throws BadFrameException bad magic, negative or oversized length
     * @throws EOFException      the stream ended inside a frame (truncated)
     */
    public static Read read(InputStream in, int maxPayload) throws IOException {
        int b0 = in.read();
        if (b0 < 0) return null;
        DataInputStream d = new DataInputStream(in);
        int b1 = d.readUnsignedByte();
        int magic = (b0 << 8) | b1;
        if (magic != MAGIC) throw new BadFrameException(String.format("not a jslurm frame (magic 0x%04x)", magic));
        int version = d.readUnsignedShort();
        int len = d.readInt();
        if (len < 0 || len > maxPayload) {
            throw new BadFrameException("frame length " + Integer.toUnsignedString(len) + " exceeds the limit of "
                    + maxPayload + " bytes");
        }
        byte[] payload = new byte[len];
        d.readFully(payload);
        return new Read(version, payload);
    }
}
