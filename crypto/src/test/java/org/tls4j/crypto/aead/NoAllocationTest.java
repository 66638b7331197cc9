package org.tls4j.crypto.aead;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Once keyed, seal and open allocate nothing (the Aead contract, needed by a record layer that
 * allocates nothing per record). Measured with the JVM's per-thread allocation counter over 2000
 * seal+open pairs (in place and out of place) after a warm-up.
 */
class NoAllocationTest {
    @Test
    void sealAndOpenAllocateNothing() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        Aead[] all = {new AesGcm(new byte[16]), new AesGcm(new byte[32], 16), new AesCcm(new byte[16], 16),
            new AesCcm(new byte[16], 8), new ChaCha20Poly1305(new byte[32])};
        byte[] aad = new byte[13];
        byte[] msg = new byte[300];
        byte[] buf = new byte[316];
        for (Aead a : all) {
            byte[] nonce = new byte[a.nonceLength()];
            for (int i = 0; i < 200; i++) { // warm-up
                a.seal(nonce, 0, aad, 0, 13, msg, 0, 300, buf, 0);
                a.open(nonce, 0, aad, 0, 13, buf, 0, 300 + a.tagLength(), buf, 0);
            }
            long before = mx.getThreadAllocatedBytes(self);
            for (int i = 0; i < 2000; i++) {
                a.seal(nonce, 0, aad, 0, 13, msg, 0, 300, buf, 0);
                a.open(nonce, 0, aad, 0, 13, buf, 0, 300 + a.tagLength(), msg, 0);
            }
            long allocated = mx.getThreadAllocatedBytes(self) - before;
            // a single object per call would be at least 2 * 2000 * 16 bytes
            assertTrue(allocated < 4096, a.algorithm() + " allocated " + allocated + " bytes in 2000 seal+open pairs");
            System.out.println("no-allocation check " + a.algorithm() + ": " + allocated + " bytes in 2000 seal+open");
        }
    }
}
