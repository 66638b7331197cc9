package org.tls4j.handshake;

import java.util.Arrays;

import org.tls4j.record.TlsAlert;

/**
 * Turns the payloads of handshake records into whole handshake messages.
 *
 * <p>RFC 8446, Section 5.1 (and RFC 5246, Section 6.2.1): handshake messages "MAY be coalesced into a
 * single TLSPlaintext record or fragmented across several records". So one record may end in the
 * middle of a message, and one record may hold several messages. Feed each record's payload to
 * {@link #add}, then call {@link #next()} until it returns null.
 *
 * <p>Limits, so that a peer cannot make us hold much memory:
 * <ul>
 *   <li>A message whose announced length exceeds {@link #maxMessageLength()} (64 KiB by default) is
 *       refused as soon as its header arrives, with decode_error. RFC 8446 gives no alert for "larger
 *       than we accept"; Section 6.2 defines decode_error as "a message could not be decoded because
 *       some field was out of the specified range or the length of the message was incorrect", which
 *       is the closest match (OpenSSL uses illegal_parameter, BoringSSL decode_error).</li>
 *   <li>The buffer grows with the bytes actually received, never to the announced length up front.</li>
 *   <li>An empty handshake record is refused with unexpected_message: "Implementations MUST NOT send
 *       zero-length fragments of Handshake types" (RFC 8446, Section 5.1).</li>
 * </ul>
 *
 * <p>Handshake messages must not span a key change (RFC 8446, Section 5.1: "If [it does], the
 * implementation MUST terminate the connection with an unexpected_message alert"): the engine checks
 * {@link #isEmpty()} before changing keys and calls {@link #requireEmpty(String)}.
 */
public final class HandshakeReassembler {
    /** The default bound on a message body: 64 KiB. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 1 << 16;

    private final int maxMessageLength;
    private byte[] buf = new byte[1024];
    private int start;
    private int end;

    public HandshakeReassembler() {
        this(DEFAULT_MAX_MESSAGE_LENGTH);
    }

    public HandshakeReassembler(int maxMessageLength) {
        if (maxMessageLength < 0 || maxMessageLength > 0xffffff) {
            throw new IllegalArgumentException("maxMessageLength must be 0..2^24-1");
        }
        this.maxMessageLength = maxMessageLength;
    }

    /** The largest body accepted. */
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /** Appends one handshake record's payload. */
    public void add(byte[] fragment, int off, int len) throws TlsAlert {
        if (off < 0 || len < 0 || off > fragment.length - len) {
            throw new IndexOutOfBoundsException();
        }
        if (len == 0) {
            throw Alerts.unexpectedMessage("zero-length handshake fragment (RFC 8446, Section 5.1)");
        }
        if (start > 0 && start == end) {
            start = 0;
            end = 0;
        }
        if (len > buf.length - end) {
            // Move the unread bytes to the front; grow (at most doubling) only when they and the new
            // fragment do not fit. The buffer therefore stays within twice the bytes actually held.
            int held = end - start;
            int need = held + len;
            byte[] nb = need <= buf.length ? buf : new byte[Math.max(need, 2 * buf.length)];
            System.arraycopy(buf, start, nb, 0, held);
            buf = nb;
            start = 0;
            end = held;
        }
        System.arraycopy(fragment, off, buf, end, len);
        end += len;
        checkHeader();
    }

    /** Appends a whole array. */
    public void add(byte[] fragment) throws TlsAlert {
        add(fragment, 0, fragment.length);
    }

    private void checkHeader() throws TlsAlert {
        if (end - start >= 4) {
            int length = (buf[start + 1] & 0xff) << 16 | (buf[start + 2] & 0xff) << 8 | (buf[start + 3] & 0xff);
            if (length > maxMessageLength) {
                throw Alerts.decodeError("handshake message of " + length + " bytes exceeds the limit of "
                        + maxMessageLength);
            }
        }
    }

    /** The next whole message, or null when more bytes are needed. */
    public RawHandshakeMessage next() throws TlsAlert {
        if (end - start < 4) {
            return null;
        }
        checkHeader();
        int length = (buf[start + 1] & 0xff) << 16 | (buf[start + 2] & 0xff) << 8 | (buf[start + 3] & 0xff);
        if (end - start - 4 < length) {
            return null;
        }
        HandshakeType type = HandshakeType.of(buf[start] & 0xff);
        byte[] body = Arrays.copyOfRange(buf, start + 4, start + 4 + length);
        start += 4 + length;
        checkHeader();
        return new RawHandshakeMessage(type, body);
    }

    /** True when no partial message is buffered (a record boundary is a message boundary). */
    public boolean isEmpty() {
        return start == end;
    }

    /** Fails with unexpected_message when a partial message is buffered (RFC 8446, Section 5.1). */
    public void requireEmpty(String why) throws TlsAlert {
        if (!isEmpty()) {
            throw Alerts.unexpectedMessage("handshake message spans a key change: " + why
                    + " (RFC 8446, Section 5.1)");
        }
    }

    /** Removes and returns every buffered byte (whole and partial messages), leaving this empty. */
    public byte[] takeRemaining() {
        byte[] out = Arrays.copyOfRange(buf, start, end);
        start = end;
        return out;
    }
}
