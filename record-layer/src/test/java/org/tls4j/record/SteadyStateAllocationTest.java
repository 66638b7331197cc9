package org.tls4j.record;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Steady-state records allocate nothing": after warm-up, sealing and opening records through
 * WriteState/Fragmenter and Deframer/ReadState allocates no heap memory on this thread, measured with
 * HotSpot's per-thread allocation counter, for every suite.
 */
class SteadyStateAllocationTest {
    static final int RECORDS = 300;

    static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void noAllocationPerRecord(Suite suite) throws Exception {
        WriteState ws = new WriteState();
        ws.setVersion(suite.recordVersion());
        ws.setProtection(suite.create());
        ReadState rs = new ReadState();
        rs.setProtection(suite.create());
        Fragmenter f = new Fragmenter(ws);
        Deframer d = new Deframer();
        Record r = new Record();
        byte[] data = Suite.bytes(32, 5);
        byte[] wire = new byte[f.sealedLength(ContentType.APPLICATION_DATA, data.length)];
        long total = 0;
        for (int round = 0; round < 3; round++) {
            long before = allocated();
            for (int i = 0; i < RECORDS; i++) {
                int n = f.write(ContentType.APPLICATION_DATA, data, 0, data.length, wire, 0);
                int pos = 0;
                while (pos < n) {
                    pos += d.feed(wire, pos, n - pos);
                    while (d.next(rs, r)) {
                        total += r.length();
                    }
                }
            }
            long used = allocated() - before;
            long b2 = allocated();
            long overhead = allocated() - b2; // what the measurement itself allocates
            if (round == 2) {
                // Any per-record allocation is at least 16 bytes per record (one object header); allow only
                // constant noise (JIT, allocation-buffer accounting) of under 4 bytes per record.
                long extra = used - overhead;
                assertTrue(extra < 4L * RECORDS, suite + ": " + extra + " bytes allocated by " + RECORDS
                        + " records in steady state");
            }
        }
        assertTrue(total > 0);
    }
}
