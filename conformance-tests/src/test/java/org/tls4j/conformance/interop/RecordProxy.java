package org.tls4j.conformance.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay on 127.0.0.1 for one connection that notes the header of every TLS record passing each
 * way (content type and length), so a test can check record sizes on the wire (RFC 8449). It only
 * reads the 5-byte headers; it never changes a byte.
 */
final class RecordProxy implements AutoCloseable {
    /** One record header seen on the wire. */
    record Header(int type, int length) {}

    private final ServerSocket listener;
    private final List<Header> toServer = new ArrayList<>();
    private final List<Header> toClient = new ArrayList<>();
    private final Thread acceptor;
    private volatile Socket a;
    private volatile Socket b;

    /** Listens on an ephemeral port and relays its first connection to 127.0.0.1:{@code target}. */
    RecordProxy(int target) throws IOException {
        listener = new ServerSocket(0, 1, Ports.loopback());
        listener.setSoTimeout(Tls4j.TIMEOUT_MS);
        acceptor = new Thread(() -> {
            try {
                a = listener.accept();
                b = new Socket();
                b.connect(new InetSocketAddress(Ports.loopback(), target), Tls4j.TIMEOUT_MS);
                Thread up = relay(a.getInputStream(), b.getOutputStream(), toServer, b);
                Thread down = relay(b.getInputStream(), a.getOutputStream(), toClient, a);
                up.join();
                down.join();
            } catch (Exception e) {
                // the test sees the failure as a connection error on its side
            }
        }, "record-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private static Thread relay(InputStream in, OutputStream out, List<Header> seen, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[1 << 16];
            byte[] header = new byte[5];
            int inHeader = 0; // header bytes collected of the current record
            int bodyLeft = 0; // body bytes of the current record still to pass
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    for (int i = 0; i < n; ) {
                        if (bodyLeft > 0) {
                            int k = Math.min(bodyLeft, n - i);
                            bodyLeft -= k;
                            i += k;
                            continue;
                        }
                        header[inHeader++] = buf[i++];
                        if (inHeader == 5) {
                            int len = (header[3] & 0xff) << 8 | header[4] & 0xff;
                            synchronized (seen) {
                                seen.add(new Header(header[0] & 0xff, len));
                            }
                            bodyLeft = len;
                            inHeader = 0;
                        }
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                // connection closed
            }
        }, "record-proxy-relay");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The records sent by the client (towards the target) so far. */
    List<Header> toServer() {
        synchronized (toServer) {
            return new ArrayList<>(toServer);
        }
    }

    /** The records sent by the target (towards the client) so far. */
    List<Header> toClient() {
        synchronized (toClient) {
            return new ArrayList<>(toClient);
        }
    }

    /** The lengths of the protected records (outer type application_data, 23) in {@code headers}. */
    static List<Integer> protectedLengths(List<Header> headers) {
        List<Integer> l = new ArrayList<>();
        for (Header h : headers) {
            if (h.type() == 23) {
                l.add(h.length());
            }
        }
        return l;
    }

    @Override
    public void close() throws Exception {
        listener.close();
        for (Socket s : new Socket[] {a, b}) {
            if (s != null) {
                s.close();
            }
        }
        acceptor.join(Tls4j.TIMEOUT_MS);
    }
}
