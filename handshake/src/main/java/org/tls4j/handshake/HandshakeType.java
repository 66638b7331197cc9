package org.tls4j.handshake;

import java.util.Map;

/**
 * HandshakeType: the {@code msg_type} byte of a handshake message (RFC 8446, Section 4; older values
 * from RFC 5246, Section 7.4 and RFC 6347 for DTLS).
 *
 * <pre>
 * enum {
 *     client_hello(1), server_hello(2), new_session_ticket(4), end_of_early_data(5),
 *     encrypted_extensions(8), certificate(11), certificate_request(13), certificate_verify(15),
 *     finished(20), key_update(24), message_hash(254), (255)
 * } HandshakeType;
 * </pre>
 *
 * <p>A wire value, not a Java {@code enum}: {@link #of(int)} accepts every 8-bit code, so an
 * unknown value round-trips unchanged and prints in hex.
 *
 * <p>The code, the name, equality and the lookup table work as in the other wire-value classes: they
 * are shared in {@code WireCode}.
 */
public final class HandshakeType extends WireCode {
    private static final Registry<HandshakeType> KNOWN = new Registry<HandshakeType>(8);

    /** TLS 1.2 and older only (RFC 5246, Section 7.4.1.1); reserved in TLS 1.3. */
    public static final HandshakeType HELLO_REQUEST = define(0x00, "hello_request");
    public static final HandshakeType CLIENT_HELLO = define(0x01, "client_hello");
    /** Also carries HelloRetryRequest (RFC 8446, Section 4.1.3). */
    public static final HandshakeType SERVER_HELLO = define(0x02, "server_hello");
    /** DTLS only (RFC 6347). */
    public static final HandshakeType HELLO_VERIFY_REQUEST = define(0x03, "hello_verify_request");
    public static final HandshakeType NEW_SESSION_TICKET = define(0x04, "new_session_ticket");
    public static final HandshakeType END_OF_EARLY_DATA = define(0x05, "end_of_early_data");
    /** Used by TLS 1.3 drafts; reserved. */
    public static final HandshakeType HELLO_RETRY_REQUEST_RESERVED = define(0x06, "hello_retry_request_RESERVED");
    public static final HandshakeType ENCRYPTED_EXTENSIONS = define(0x08, "encrypted_extensions");
    public static final HandshakeType CERTIFICATE = define(0x0b, "certificate");
    /** TLS 1.2 and older only. */
    public static final HandshakeType SERVER_KEY_EXCHANGE = define(0x0c, "server_key_exchange");
    public static final HandshakeType CERTIFICATE_REQUEST = define(0x0d, "certificate_request");
    /** TLS 1.2 and older only. */
    public static final HandshakeType SERVER_HELLO_DONE = define(0x0e, "server_hello_done");
    public static final HandshakeType CERTIFICATE_VERIFY = define(0x0f, "certificate_verify");
    /** TLS 1.2 and older only. */
    public static final HandshakeType CLIENT_KEY_EXCHANGE = define(0x10, "client_key_exchange");
    public static final HandshakeType FINISHED = define(0x14, "finished");
    /** RFC 6066; reserved in TLS 1.3. */
    public static final HandshakeType CERTIFICATE_URL = define(0x15, "certificate_url");
    /** RFC 6066; reserved in TLS 1.3. */
    public static final HandshakeType CERTIFICATE_STATUS = define(0x16, "certificate_status");
    /** RFC 4680. */
    public static final HandshakeType SUPPLEMENTAL_DATA = define(0x17, "supplemental_data");
    public static final HandshakeType KEY_UPDATE = define(0x18, "key_update");
    /** RFC 8879. */
    public static final HandshakeType COMPRESSED_CERTIFICATE = define(0x19, "compressed_certificate");
    /** Never sent: the synthetic message that replaces ClientHello1 in the transcript after a HelloRetryRequest (RFC 8446, Section 4.4.1). */
    public static final HandshakeType MESSAGE_HASH = define(0xfe, "message_hash");

    private HandshakeType(int code, String name) {
        super(code, name, 8);
    }

    private static HandshakeType define(int code, String name) {
        return KNOWN.define(new HandshakeType(code, name));
    }

    /** The constant for {@code code}, or a new value that prints as {@code unknown(0x...)}. */
    public static HandshakeType of(int code) {
        HandshakeType v = KNOWN.get(code);
        return v != null ? v : new HandshakeType(code, null);
    }

    /** Every named constant, in declaration order. */
    public static Map<Integer, HandshakeType> known() {
        return KNOWN.view();
    }
}
