package org.tls4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tls4j server --http}: a client that closes right after the handshake, without a request, gets
 * close_notify and no 400 page (found by tlsfuzzer's test-cve-2016-6309.py, which expects only the alert).
 */
class HttpServerCloseTest {
    @TempDir
    File dir;

    @Test
    void closeWithoutARequestGetsNoPage() throws Exception {
        ClientServerCommandTest.Capture err = new ClientServerCommandTest.Capture();
        int port = ClientServerCommandTest.freePort();
        CompletableFuture<Integer> rc = ClientServerCommandTest.server(err, port, 1, "--http", "--versions", "1.2");
        try (OpensslPeer c = new OpensslPeer(dir, "s_client", "-connect", "127.0.0.1:" + port, "-servername", "localhost",
                "-tls1_2", "-msg")) {
            c.await("Verify return code", 15);
            c.closeStdin(); // s_client sends close_notify at the end of its input
            assertEquals(0, rc.get(30, TimeUnit.SECONDS));
            assertFalse(c.output().contains("HTTP/1.0 400"), c.output());
        }
        assertTrue(err.text().contains("closed by the client without a request"), err.text());
    }
}
