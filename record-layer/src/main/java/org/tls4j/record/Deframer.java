package org.tls4j.record;

import java.nio.ByteBuffer;
import org.tls4j.record.ssl2.Ssl2RecordHeader;

/**
 * Turns incoming bytes, split over any number of reads, into verified plaintext records (RFC 8446,
 * Section 5.1-5.2; RFC 5246, Section 6.2).
 *
 * <p>Use: {@link #feed} what the transport delivered (the deframer takes what fits in its buffer and
 * says how much; it never reads past what it was given), then call {@link #next} until it returns
 * false. Each record it returns has been opened by the {@link ReadState}: its fragment is the plaintext,
 * its type the real content type. A record split over several reads is kept until it is whole; several
 * records in one read come out one per call.
 *
 * <p>The header is checked as soon as its 5 bytes are here, before the body arrives: a content type
 * other than 20..23 gives unexpected_message (RFC 8446, Section 5), a length over the current limit
 * gives record_overflow (2^14 before keys, 2^14+2048 up to TLS 1.2, 2^14+256 in TLS 1.3). The version
 * field is not checked here (RFC 8446, Section 5.1 says to ignore it); it is exposed in the
 * {@link Record} for the caller. Which record types may arrive when (handshake, alert, ChangeCipherSpec,
 * application data interleaving) is also the caller's rule.
 *
 * <p>The buffer ({@link RecordHeader#MAX_RECORD} bytes) is allocated once; reading records allocates
 * nothing. After a {@link TlsAlert} the deframer stays failed and throws the same alert again.
 *
 * <p>Not thread-safe: one connection direction, one thread at a time.
 */
public final class Deframer {
    private final byte[] buf = new byte[RecordHeader.MAX_RECORD];
    private int start;
    private int end;
    private boolean acceptSsl2;
    private boolean first = true;
    private TlsAlert failure;

    /**
     * Lets the first record be an SSL 2.0-format ClientHello (RFC 5246, Appendix E.2), as old clients
     * send it. Off by default; servers that accept SSL 2.0-compatible hellos turn it on before reading.
     */
    public void setAcceptSsl2ClientHello(boolean accept) {
        acceptSsl2 = accept;
    }

    /** Copies as much of {@code in[off .. off+len)} as fits and returns how many bytes it took. */
    public int feed(byte[] in, int off, int len) {
        if (off < 0 || len < 0 || off > in.length - len) {
            throw new IndexOutOfBoundsException("range outside the array");
        }
        compact();
        int n = Math.min(len, buf.length - end);
        System.arraycopy(in, off, buf, end, n);
        end += n;
        return n;
    }

    /** Takes as many bytes from {@code in} as fit (advancing its position); returns how many. */
    public int feed(ByteBuffer in) {
        compact();
        int n = Math.min(in.remaining(), buf.length - end);
        in.get(buf, end, n);
        end += n;
        return n;
    }

    private void compact() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
    }

    /** Bytes held but not yet returned as records. */
    public int buffered() {
        return end - start;
    }

    /**
     * Hands back up to {@code len} buffered bytes that have not been returned as records, removing them:
     * what the peer sent after the last record the caller wants (after close_notify, or when the
     * connection switches protocols). Returns how many were copied.
     */
    public int drain(byte[] out, int off, int len) {
        int n = Math.min(len, end - start);
        System.arraycopy(buf, start, out, off, n);
        start += n;
        return n;
    }

    /**
     * How many more bytes the next record needs: 0 when a whole record is buffered, at least 1
     * otherwise (before the header is complete, what completes the header).
     */
    public int wanted() {
        int avail = end - start;
        if (avail < RecordHeader.LENGTH) {
            return RecordHeader.LENGTH - avail;
        }
        int need = RecordHeader.LENGTH + RecordHeader.length(buf, start);
        return Math.max(0, need - avail);
    }

    /**
     * Decodes and opens the next record if it is complete.
     *
     * @param rs the receiving state whose protection opens the record
     * @param out filled with the record on success; valid until the next call into this deframer
     * @return true when {@code out} holds a record, false when more bytes are needed
     * @throws TlsAlert a malformed header, a failed integrity check, or an earlier failure
     */
    public boolean next(ReadState rs, Record out) throws TlsAlert {
        if (failure != null) {
            throw failure;
        }
        try {
            return decode(rs, out);
        } catch (TlsAlert e) {
            failure = e;
            throw e;
        }
    }

    private boolean decode(ReadState rs, Record out) throws TlsAlert {
        int avail = end - start;
        if (avail == 0) {
            return false;
        }
        if (first && acceptSsl2 && (buf[start] & 0x80) != 0) {
            return decodeSsl2Hello(out, avail);
        }
        if (avail < RecordHeader.LENGTH) {
            return false;
        }
        int type = RecordHeader.type(buf, start);
        int version = RecordHeader.version(buf, start);
        int length = RecordHeader.length(buf, start);
        if (!ContentType.isRecordType(type)) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                    "record of content type " + ContentType.of(type) + " (RFC 8446, Section 5)");
        }
        if (length > rs.maxCiphertextLength()) {
            throw new TlsAlert(AlertDescription.RECORD_OVERFLOW, "record length " + length
                    + " exceeds the limit of " + rs.maxCiphertextLength() + " (RFC 8446, Section 5.2; RFC 5246, Section 6.2)");
        }
        if (avail < RecordHeader.LENGTH + length) {
            return false;
        }
        out.set(type, version, buf, start + RecordHeader.LENGTH, length);
        start += RecordHeader.LENGTH + length;
        first = false;
        rs.open(out);
        return true;
    }

    private boolean decodeSsl2Hello(Record out, int avail) throws TlsAlert {
        Ssl2RecordHeader h = Ssl2RecordHeader.read(buf, start, avail);
        if (h == null || avail < h.headerLength + 1) {
            return false;
        }
        if ((buf[start + h.headerLength] & 0xff) != Ssl2RecordHeader.MSG_CLIENT_HELLO) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                    "SSL 2.0 record that is not a CLIENT-HELLO as the first record");
        }
        if (h.recordLength > RecordHeader.MAX_CIPHERTEXT_TLS12) {
            throw new TlsAlert(AlertDescription.RECORD_OVERFLOW,
                    "SSL 2.0 ClientHello record of " + h.recordLength + " bytes");
        }
        if (avail < h.headerLength + h.recordLength) {
            return false;
        }
        out.set(ContentType.HANDSHAKE.code, ProtocolVersion.SSL2.code, buf, start + h.headerLength,
                h.recordLength);
        out.setSsl2(true);
        start += h.headerLength + h.recordLength;
        first = false;
        return true;
    }
}
