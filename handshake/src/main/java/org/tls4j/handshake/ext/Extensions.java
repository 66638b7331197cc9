package org.tls4j.handshake.ext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

import static org.tls4j.handshake.ext.ExtensionContext.CERTIFICATE;
import static org.tls4j.handshake.ext.ExtensionContext.CERTIFICATE_REQUEST;
import static org.tls4j.handshake.ext.ExtensionContext.CLIENT_HELLO;
import static org.tls4j.handshake.ext.ExtensionContext.ENCRYPTED_EXTENSIONS;
import static org.tls4j.handshake.ext.ExtensionContext.HELLO_RETRY_REQUEST;
import static org.tls4j.handshake.ext.ExtensionContext.NEW_SESSION_TICKET;
import static org.tls4j.handshake.ext.ExtensionContext.SERVER_HELLO;

/**
 * An extension block: {@code Extension extensions<0..2^16-1>} (RFC 8446, Section 4.2), in the order
 * received.
 *
 * <p>Reading applies the rules of Section 4.2 that need no handshake state:
 * <ul>
 *   <li>"There MUST NOT be more than one extension of the same type in a given extension block":
 *       a duplicate is refused with illegal_parameter;</li>
 *   <li>each extension this package knows is parsed into its class, in the form for the message it is
 *       in ({@link ExtensionContext}); any other is kept as a {@link RawExtension};</li>
 *   <li>"If an implementation receives an extension which it recognizes and which is not specified for
 *       the message in which it appears, it MUST abort the handshake with an illegal_parameter alert."
 *       The table of Section 4.2 (plus record_size_limit, RFC 8449) is {@link #checkAllowedInTls13}.
 *       Messages that exist only in TLS 1.3 (HRR, EE, CR, CT, NST) apply it while reading; ClientHello
 *       and ServerHello are shared with TLS 1.2, so the TLS 1.3 state machine calls it for them once the
 *       version is known.</li>
 * </ul>
 */
public final class Extensions {
    /** An empty block (two zero length bytes on the wire). */
    public static final Extensions EMPTY = new Extensions(Collections.<Extension>emptyList());

    private static final Map<Integer, Set<ExtensionContext>> TLS13_ALLOWED =
            new HashMap<Integer, Set<ExtensionContext>>();

    static {
        // RFC 8446, Section 4.2, the table of extensions and the messages they may appear in.
        allow(ExtensionType.SERVER_NAME, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS));
        allow(ExtensionType.MAX_FRAGMENT_LENGTH, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS));
        allow(ExtensionType.STATUS_REQUEST, EnumSet.of(CLIENT_HELLO, CERTIFICATE_REQUEST, CERTIFICATE));
        allow(ExtensionType.SUPPORTED_GROUPS, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS));
        allow(ExtensionType.SIGNATURE_ALGORITHMS, EnumSet.of(CLIENT_HELLO, CERTIFICATE_REQUEST));
        allow(ExtensionType.USE_SRTP, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS));
        allow(ExtensionType.HEARTBEAT, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS));
        allow(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS));
        allow(ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP, EnumSet.of(CLIENT_HELLO, CERTIFICATE_REQUEST, CERTIFICATE));
        allow(ExtensionType.CLIENT_CERTIFICATE_TYPE, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS));
        allow(ExtensionType.SERVER_CERTIFICATE_TYPE, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS));
        allow(ExtensionType.PADDING, EnumSet.of(CLIENT_HELLO));
        allow(ExtensionType.PRE_SHARED_KEY, EnumSet.of(CLIENT_HELLO, SERVER_HELLO));
        allow(ExtensionType.EARLY_DATA, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS, NEW_SESSION_TICKET));
        allow(ExtensionType.PSK_KEY_EXCHANGE_MODES, EnumSet.of(CLIENT_HELLO));
        allow(ExtensionType.COOKIE, EnumSet.of(CLIENT_HELLO, HELLO_RETRY_REQUEST));
        allow(ExtensionType.SUPPORTED_VERSIONS, EnumSet.of(CLIENT_HELLO, SERVER_HELLO, HELLO_RETRY_REQUEST));
        allow(ExtensionType.CERTIFICATE_AUTHORITIES, EnumSet.of(CLIENT_HELLO, CERTIFICATE_REQUEST));
        allow(ExtensionType.OID_FILTERS, EnumSet.of(CERTIFICATE_REQUEST));
        allow(ExtensionType.POST_HANDSHAKE_AUTH, EnumSet.of(CLIENT_HELLO));
        allow(ExtensionType.SIGNATURE_ALGORITHMS_CERT, EnumSet.of(CLIENT_HELLO, CERTIFICATE_REQUEST));
        allow(ExtensionType.KEY_SHARE, EnumSet.of(CLIENT_HELLO, SERVER_HELLO, HELLO_RETRY_REQUEST));
        // RFC 8449, Section 4: record_size_limit in ClientHello and EncryptedExtensions.
        allow(ExtensionType.RECORD_SIZE_LIMIT, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS));
    }

    private static void allow(ExtensionType t, Set<ExtensionContext> where) {
        TLS13_ALLOWED.put(t.code, Collections.unmodifiableSet(where));
    }

    private final List<Extension> list;

    /** A block holding {@code extensions} in this order; two of the same type are a bug. */
    public Extensions(List<? extends Extension> extensions) {
        Set<ExtensionType> seen = new HashSet<ExtensionType>();
        for (Extension e : extensions) {
            if (!seen.add(e.type())) {
                throw new IllegalArgumentException("duplicate extension " + e.type());
            }
        }
        this.list = Collections.unmodifiableList(new ArrayList<Extension>(extensions));
    }

    /** Reads a block with its two-byte length, parsing each extension in the form for {@code ctx}. */
    public static Extensions read(TlsReader r, ExtensionContext ctx) throws TlsAlert {
        TlsReader block = r.sub16();
        List<Extension> out = new ArrayList<Extension>();
        Set<ExtensionType> seen = new HashSet<ExtensionType>();
        while (!block.atEnd()) {
            ExtensionType type = ExtensionType.of(block.u16());
            TlsReader data = block.sub16();
            if (!seen.add(type)) {
                throw Alerts.illegalParameter("duplicate extension " + type + " (RFC 8446, Section 4.2)");
            }
            out.add(parse(type, data, ctx));
        }
        Extensions e = new Extensions(out);
        if (ctx != CLIENT_HELLO && ctx != SERVER_HELLO) {
            e.checkAllowedInTls13(ctx);
        }
        return e;
    }

    /** Parses one {@code extension_data} in the form for {@code ctx}; unknown types stay raw. */
    static Extension parse(ExtensionType type, TlsReader data, ExtensionContext ctx) throws TlsAlert {
        switch (type.code) {
            case 0: // server_name
                if (ctx == CLIENT_HELLO) {
                    return ServerName.readClient(data);
                }
                if (ctx == SERVER_HELLO || ctx == ENCRYPTED_EXTENSIONS) {
                    return ServerName.readServer(data);
                }
                break;
            case 10: // supported_groups
                if (ctx == CLIENT_HELLO || ctx == ENCRYPTED_EXTENSIONS) {
                    return SupportedGroups.read(data);
                }
                break;
            case 13: // signature_algorithms
                if (ctx == CLIENT_HELLO || ctx == CERTIFICATE_REQUEST) {
                    return SignatureAlgorithms.read(data);
                }
                break;
            case 16: // application_layer_protocol_negotiation
                if (ctx == CLIENT_HELLO) {
                    return ApplicationLayerProtocolNegotiation.readClient(data);
                }
                if (ctx == SERVER_HELLO || ctx == ENCRYPTED_EXTENSIONS) {
                    return ApplicationLayerProtocolNegotiation.readServer(data);
                }
                break;
            case 21: // padding
                if (ctx == CLIENT_HELLO) {
                    return Padding.read(data);
                }
                break;
            case 28: // record_size_limit
                if (ctx == CLIENT_HELLO || ctx == ENCRYPTED_EXTENSIONS || ctx == SERVER_HELLO) {
                    return RecordSizeLimit.read(data);
                }
                break;
            case 41: // pre_shared_key
                if (ctx == CLIENT_HELLO) {
                    return PreSharedKeyClientHello.read(data);
                }
                if (ctx == SERVER_HELLO) {
                    return PreSharedKeyServerHello.read(data);
                }
                break;
            case 42: // early_data
                if (ctx == CLIENT_HELLO || ctx == ENCRYPTED_EXTENSIONS) {
                    return EarlyData.readEmpty(data);
                }
                if (ctx == NEW_SESSION_TICKET) {
                    return EarlyData.readTicket(data);
                }
                break;
            case 43: // supported_versions
                if (ctx == CLIENT_HELLO) {
                    return SupportedVersionsClientHello.read(data);
                }
                if (ctx == SERVER_HELLO || ctx == HELLO_RETRY_REQUEST) {
                    return SupportedVersionsServerHello.read(data);
                }
                break;
            case 44: // cookie
                if (ctx == CLIENT_HELLO || ctx == HELLO_RETRY_REQUEST) {
                    return Cookie.read(data);
                }
                break;
            case 45: // psk_key_exchange_modes
                if (ctx == CLIENT_HELLO) {
                    return PskKeyExchangeModes.read(data);
                }
                break;
            case 47: // certificate_authorities
                if (ctx == CLIENT_HELLO || ctx == CERTIFICATE_REQUEST) {
                    return CertificateAuthorities.read(data);
                }
                break;
            case 50: // signature_algorithms_cert
                if (ctx == CLIENT_HELLO || ctx == CERTIFICATE_REQUEST) {
                    return SignatureAlgorithmsCert.read(data);
                }
                break;
            case 51: // key_share
                if (ctx == CLIENT_HELLO) {
                    return KeyShareClientHello.read(data);
                }
                if (ctx == SERVER_HELLO) {
                    return KeyShareServerHello.read(data);
                }
                if (ctx == HELLO_RETRY_REQUEST) {
                    return KeyShareHelloRetryRequest.read(data);
                }
                break;
            default:
                break;
        }
        return new RawExtension(type, data.bytes(data.remaining()));
    }

    /**
     * Refuses, with illegal_parameter, any extension that RFC 8446, Section 4.2 (and RFC 8449 for
     * record_size_limit) does not allow in {@code ctx}. Extensions outside that table are left alone.
     */
    public void checkAllowedInTls13(ExtensionContext ctx) throws TlsAlert {
        for (Extension e : list) {
            Set<ExtensionContext> allowed = TLS13_ALLOWED.get(e.type().code);
            if (allowed != null && !allowed.contains(ctx)) {
                throw Alerts.illegalParameter("extension " + e.type() + " is not allowed in "
                        + ctx.abbreviation + " (RFC 8446, Section 4.2)");
            }
        }
    }

    /** Writes the block with its two-byte length. */
    public void write(TlsWriter w) {
        int block = w.begin16();
        for (Extension e : list) {
            w.u16(e.type().code);
            int m = w.begin16();
            e.writeData(w);
            w.end16(m);
        }
        w.end16(block);
    }

    /** The extensions in order. */
    public List<Extension> list() {
        return list;
    }

    /** The extension of this type, or null. */
    public Extension get(ExtensionType type) {
        for (Extension e : list) {
            if (e.type().equals(type)) {
                return e;
            }
        }
        return null;
    }

    /** The extension of this class, or null. */
    public <T extends Extension> T find(Class<T> cls) {
        for (Extension e : list) {
            if (cls.isInstance(e)) {
                return cls.cast(e);
            }
        }
        return null;
    }

    /** True when an extension of this type is present. */
    public boolean contains(ExtensionType type) {
        return get(type) != null;
    }

    /** Number of extensions. */
    public int size() {
        return list.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extensions && ((Extensions) o).list.equals(list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
