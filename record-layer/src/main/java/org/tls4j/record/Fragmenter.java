package org.tls4j.record;

import java.nio.ByteBuffer;

/**
 * Splits outgoing data of one content type into records of at most
 * {@link WriteState#maxFragmentLength()} bytes (2^14, or less under the peer's record_size_limit,
 * RFC 8449) and seals each through the {@link WriteState} (RFC 5246, Section 6.2.1; RFC 8446,
 * Section 5.1).
 *
 * <p>1/n−1 record splitting (against BEAST): when the current protection asks for it (TLS 1.0 CBC,
 * see {@link TlsCbcProtection}), the first record of each application-data write carries one byte and
 * the rest follows in further records. That first record's MAC makes the IV of the second record
 * unpredictable to an attacker who chose the data before it was written. Later records of the same write
 * need no split: their data was fixed before any of their IVs were visible.
 *
 * <p>Handshake messages may be coalesced into, or split across, records by the caller: the fragmenter
 * only respects the limits. It never writes an empty handshake, alert or ChangeCipherSpec record; an
 * empty application-data write gives one empty record (allowed by RFC 5246, Section 6.2.1).
 */
public final class Fragmenter {
    private final WriteState ws;
    private byte[] scratchIn;
    private byte[] scratchOut;

    public Fragmenter(WriteState ws) {
        this.ws = ws;
    }

    private boolean split(ContentType type, int len) {
        return len > 1 && type.equals(ContentType.APPLICATION_DATA) && ws.protection().splitsFirstByte();
    }

    /** The number of bytes {@link #write} produces for {@code len} bytes of {@code type}. */
    public int sealedLength(ContentType type, int len) {
        int total = 0;
        int rest = len;
        if (split(type, len)) {
            total += ws.sealedRecordLength(type, 1);
            rest--;
        }
        int max = ws.maxFragmentLength();
        if (rest == 0 && total == 0) {
            return ws.sealedRecordLength(type, 0);
        }
        while (rest > 0) {
            int n = Math.min(rest, max);
            total += ws.sealedRecordLength(type, n);
            rest -= n;
        }
        return total;
    }

    /**
     * Writes all of {@code in[off .. off+len)} as records at {@code out[outOff]}, which must have
     * {@link #sealedLength} bytes free. Returns the number of bytes written.
     */
    public int write(ContentType type, byte[] in, int off, int len, byte[] out, int outOff) throws TlsAlert {
        int pos = outOff;
        int rest = len;
        int p = off;
        if (split(type, len)) {
            pos += ws.seal(type, in, p, 1, out, pos);
            p++;
            rest--;
        } else if (len == 0) {
            return ws.seal(type, in, off, 0, out, outOff);
        }
        int max = ws.maxFragmentLength();
        while (rest > 0) {
            int n = Math.min(rest, max);
            pos += ws.seal(type, in, p, n, out, pos);
            p += n;
            rest -= n;
        }
        return pos - outOff;
    }

    /**
     * Writes records from {@code src} into {@code dst} while the next whole record fits, advancing both
     * positions. Returns the number of content bytes consumed; fewer than {@code src.remaining()} means
     * {@code dst} is full, or that the current key reached the point where a KeyUpdate is due
     * ({@link WriteState#keyUpdateDue()}: the caller sends one, then calls again). Heap buffers are used in place; direct buffers go through a scratch array
     * allocated once.
     */
    public int write(ContentType type, ByteBuffer src, ByteBuffer dst) throws TlsAlert {
        int consumed = 0;
        boolean firstRecord = true;
        boolean doSplit = split(type, src.remaining());
        do {
            if (consumed > 0 && ws.keyUpdateDue()) {
                break; // RFC 8446, Section 5.5: the caller changes keys before the next record
            }
            int n = Math.min(src.remaining(), ws.maxFragmentLength());
            if (firstRecord && doSplit) {
                n = 1;
            }
            int need = ws.sealedRecordLength(type, n);
            if (dst.remaining() < need) {
                break;
            }
            byte[] inArr;
            int inOff;
            if (src.hasArray()) {
                inArr = src.array();
                inOff = src.arrayOffset() + src.position();
            } else {
                if (scratchIn == null) {
                    scratchIn = new byte[RecordHeader.MAX_PLAINTEXT];
                }
                src.duplicate().get(scratchIn, 0, n);
                inArr = scratchIn;
                inOff = 0;
            }
            int w;
            if (dst.hasArray()) {
                w = ws.seal(type, inArr, inOff, n, dst.array(), dst.arrayOffset() + dst.position());
                dst.position(dst.position() + w);
            } else {
                if (scratchOut == null) {
                    scratchOut = new byte[RecordHeader.MAX_RECORD];
                }
                w = ws.seal(type, inArr, inOff, n, scratchOut, 0);
                dst.put(scratchOut, 0, w);
            }
            src.position(src.position() + n);
            consumed += n;
            firstRecord = false;
        } while (src.hasRemaining());
        return consumed;
    }
}
