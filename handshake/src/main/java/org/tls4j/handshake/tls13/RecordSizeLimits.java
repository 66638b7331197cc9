package org.tls4j.handshake.tls13;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.ext.RecordSizeLimit;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.tls12.ext.MaxFragmentLength;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * record_size_limit (RFC 8449) and max_fragment_length (RFC 6066, Section 4) in TLS 1.3, for both
 * sides. What each side does:
 *
 * <ul>
 * <li>The client offers {@link HandshakeConfig#recordSizeLimit} (at most 2^14 + 1 in TLS 1.3: "the
 *     maximum value is 2^14 + 1", RFC 8449, Section 4) in its ClientHello; 0 offers nothing. It never
 *     offers max_fragment_length.</li>
 * <li>The server answers in EncryptedExtensions with its own limit only when the client offered one
 *     ("In TLS 1.3, the server sends the "record_size_limit" extension in the EncryptedExtensions
 *     message", Section 4) and it has one configured. A client value above 2^14 + 1 is not an error for
 *     the server ("A server MUST NOT enforce this restriction"); it simply cannot raise the record size.</li>
 * <li>The client may refuse a server value above 2^14 + 1 ("A client MAY abort the handshake with an
 *     "illegal_parameter" alert", Section 4): tls4j does.</li>
 * <li>Once both sides sent the extension, each side caps its protected records to the peer's value
 *     and refuses, with record_overflow, protected records longer than its own
 *     ({@link HandshakeOutput.Kind#RECORD_SIZE_LIMIT}; the record layer applies both). A value below 64
 *     is illegal_parameter when parsed ({@link RecordSizeLimit#read}).</li>
 * <li>max_fragment_length from a client. RFC 8446, Section 4.2 still lists it for CH and EE in TLS 1.3,
 *     with RFC 6066's rules: the server "MAY accept the requested maximum fragment length by including
 *     an extension of type "max_fragment_length" in the (extended) server hello", so a server that does
 *     not answer has refused it, and the client then uses the normal limit. tls4j's server never
 *     answers it (record_size_limit does the job better; RFC 8449, Section 1 explains why MFL is
 *     unsatisfactory). When record_size_limit is in the same ClientHello, "A server that supports the
 *     "record_size_limit" extension MUST ignore a "max_fragment_length" that appears in a ClientHello if
 *     both extensions appear" (RFC 8449, Section 5): it is not even parsed. Alone, its value is still
 *     checked, since "If a server receives a maximum fragment length negotiation request for a value
 *     other than the allowed values, it MUST abort the handshake with an "illegal_parameter" alert"
 *     (RFC 6066, Section 4).</li>
 * <li>A server that answers max_fragment_length to the tls4j client, which never offers it, gets
 *     unsupported_extension (RFC 8446, Section 4.2), like any extension not requested.</li>
 * </ul>
 */
final class RecordSizeLimits {
    /** The TLS 1.3 maximum: 2^14 bytes of content plus the inner content type (RFC 8449, Section 4). */
    static final int TLS13_MAXIMUM = (1 << 14) + 1;

    private RecordSizeLimits() {}

    /** The client's offer, or null when none is configured. */
    static Extension clientOffer(HandshakeConfig c) {
        return c.recordSizeLimit == 0 ? null : new RecordSizeLimit(c.recordSizeLimit);
    }

    /**
     * Server, first ClientHello: checks max_fragment_length as described above (only when
     * record_size_limit is absent).
     */
    static void checkMaxFragmentLength(ClientHello ch) throws TlsAlert {
        Extension mfl = ch.extensions.get(ExtensionType.MAX_FRAGMENT_LENGTH);
        if (mfl == null || ch.extensions.find(RecordSizeLimit.class) != null) {
            return;
        }
        if (mfl instanceof RawExtension) {
            MaxFragmentLength.read(new TlsReader(((RawExtension) mfl).data())); // illegal_parameter if not 1..4
        }
    }

    /**
     * Server: when the client offered record_size_limit and the server has one configured, tells the
     * engine both limits and returns the extension for EncryptedExtensions; else null.
     */
    static RecordSizeLimit serverAnswer(HandshakeContext cx, Extensions clientHello) {
        RecordSizeLimit offered = clientHello.find(RecordSizeLimit.class);
        int own = cx.config.recordSizeLimit;
        if (offered == null || own == 0) {
            return null;
        }
        cx.recordSizeLimits(Math.min(offered.limit, TLS13_MAXIMUM), own);
        return new RecordSizeLimit(own);
    }

    /**
     * Client: the server's answer in EncryptedExtensions, if any (that it was requested is checked by
     * the caller); our own limit is the one the ClientHello {@code sent} carried.
     */
    static void clientAccept(HandshakeContext cx, Extensions encryptedExtensions, Extensions sent) throws TlsAlert {
        RecordSizeLimit answer = encryptedExtensions.find(RecordSizeLimit.class);
        if (answer == null) {
            return;
        }
        if (answer.limit > TLS13_MAXIMUM) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "record_size_limit " + answer.limit
                    + " exceeds the TLS 1.3 maximum of 2^14 + 1 (RFC 8449, Section 4)");
        }
        Extension own = sent.get(ExtensionType.RECORD_SIZE_LIMIT);
        // a test hook may have added the offer as raw bytes
        RecordSizeLimit mine = own instanceof RecordSizeLimit ? (RecordSizeLimit) own
                : RecordSizeLimit.read(new TlsReader(((RawExtension) own).data()));
        cx.recordSizeLimits(answer.limit, Math.min(mine.limit, TLS13_MAXIMUM));
    }
}
