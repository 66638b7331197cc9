package org.tls4j.handshake.tls12;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.tls12.ext.MaxFragmentLength;
import org.tls4j.handshake.tls13.HandshakeOutput;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * max_fragment_length (RFC 6066, Section 4) in TLS 1.0-1.2. The client may request 2^9..2^12 bytes; a
 * server echoes the request (an out-of-range code is illegal_parameter when parsed) unless it answers
 * record_size_limit, which takes precedence (RFC 8449, Section 5). Once negotiated, the limit caps the
 * plaintext of every record in both directions, and a longer received record is record_overflow (the
 * engine applies it through the same {@code RECORD_SIZE_LIMIT} output as record_size_limit, from the
 * next record on: the limit is in force right after ServerHello, RFC 6066, Section 4).
 */
final class MaxFragmentLength12 {
    private MaxFragmentLength12() {}

    /** The request in {@code block} (parsed, so an invalid code is illegal_parameter), or null. */
    static MaxFragmentLength requested(Extensions block) throws TlsAlert {
        if (block == null) {
            return null;
        }
        Extension e = block.get(ExtensionType.MAX_FRAGMENT_LENGTH);
        if (e == null) {
            return null;
        }
        return e instanceof MaxFragmentLength ? (MaxFragmentLength) e
                : MaxFragmentLength.read(new TlsReader(((RawExtension) e).data()));
    }

    /**
     * Client: the server's answer must be the value requested ("the client MUST abort the handshake with
     * an illegal_parameter alert" otherwise, RFC 6066, Section 4), and not come with record_size_limit.
     */
    static void clientAccept(Context12 cx, Extensions offered, Extensions answered, boolean rslAnswered) throws TlsAlert {
        MaxFragmentLength got = requested(answered);
        if (got == null) {
            return;
        }
        MaxFragmentLength asked = requested(offered);
        if (asked == null || asked.code != got.code) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the server answered " + got + " to a request of "
                    + asked + " (RFC 6066, Section 4)");
        }
        if (rslAnswered) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                    "the server answered both record_size_limit and max_fragment_length (RFC 8449, Section 5)");
        }
        cx.output(HandshakeOutput.For12.recordSizeLimit(got.bytes(), got.bytes()));
    }
}
