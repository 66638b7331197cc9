package org.tls4j.conformance.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback addresses and free ports for peers that cannot report the port they bound. */
final class Ports {
    static final String LOOPBACK = "127.0.0.1";

    private Ports() {}

    static InetAddress loopback() {
        try {
            return InetAddress.getByName(LOOPBACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A port that was free on 127.0.0.1 a moment ago. Another process can take it before the peer binds
     * it, so callers that start a server on it retry with a fresh port when the bind fails.
     */
    static int free() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, loopback())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
