package org.jslurm.auth;

import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Run by {@link CredentialServerTest} in a child JVM under another uid: connects to the socket
 * named by its argument and copies the answer to stdout. Uses nothing but the JDK, so that the
 * child needs only this class file.
 */
public final class PeerFetchMain {
    private PeerFetchMain() {}

    public static void main(String[] args) throws Exception {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(args[0]))) {
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read to EOF
            }
            System.out.write(buf.array(), 0, buf.position());
            System.out.flush();
        }
    }
}
