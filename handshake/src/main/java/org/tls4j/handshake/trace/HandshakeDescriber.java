package org.tls4j.handshake.trace;

import java.util.ArrayList;
import java.util.List;

import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.Name;
import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.ext.ApplicationLayerProtocolNegotiation;
import org.tls4j.handshake.ext.CertificateAuthorities;
import org.tls4j.handshake.ext.Cookie;
import org.tls4j.handshake.ext.EarlyData;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.KeyShareClientHello;
import org.tls4j.handshake.ext.KeyShareEntry;
import org.tls4j.handshake.ext.KeyShareHelloRetryRequest;
import org.tls4j.handshake.ext.KeyShareServerHello;
import org.tls4j.handshake.ext.Padding;
import org.tls4j.handshake.ext.PreSharedKeyClientHello;
import org.tls4j.handshake.ext.PreSharedKeyServerHello;
import org.tls4j.handshake.ext.PskIdentity;
import org.tls4j.handshake.ext.PskKeyExchangeModes;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.ext.RecordSizeLimit;
import org.tls4j.handshake.ext.ServerName;
import org.tls4j.handshake.ext.SignatureAlgorithms;
import org.tls4j.handshake.ext.SignatureAlgorithmsCert;
import org.tls4j.handshake.ext.SupportedGroups;
import org.tls4j.handshake.ext.SupportedVersionsClientHello;
import org.tls4j.handshake.ext.SupportedVersionsServerHello;
import org.tls4j.handshake.msg.CertificateEntry;
import org.tls4j.handshake.msg.CertificateRequest;
import org.tls4j.handshake.msg.CertificateVerify;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.EncryptedExtensions;
import org.tls4j.handshake.msg.EndOfEarlyData;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.msg.HelloRetryRequest;
import org.tls4j.handshake.msg.KeyUpdate;
import org.tls4j.handshake.msg.NewSessionTicket;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.handshake.tls12.ext.EcPointFormats;
import org.tls4j.handshake.tls12.ext.EncryptThenMac;
import org.tls4j.handshake.tls12.ext.ExtendedMasterSecret;
import org.tls4j.handshake.tls12.ext.MaxFragmentLength;
import org.tls4j.handshake.tls12.ext.RenegotiationInfo;
import org.tls4j.handshake.tls12.ext.SessionTicket;
import org.tls4j.handshake.tls12.ext.StatusRequest;
import org.tls4j.handshake.tls12.ext.Tls12Extensions;
import org.tls4j.handshake.tls12.msg.Certificate12;
import org.tls4j.handshake.tls12.msg.CertificateRequest12;
import org.tls4j.handshake.tls12.msg.CertificateStatus;
import org.tls4j.handshake.tls12.msg.CertificateVerify12;
import org.tls4j.handshake.tls12.msg.DheClientKeyExchange;
import org.tls4j.handshake.tls12.msg.DheServerKeyExchange;
import org.tls4j.handshake.tls12.msg.DigitallySigned;
import org.tls4j.handshake.tls12.msg.EcdheClientKeyExchange;
import org.tls4j.handshake.tls12.msg.EcdheServerKeyExchange;
import org.tls4j.handshake.tls12.msg.HelloRequest;
import org.tls4j.handshake.tls12.msg.NewSessionTicket12;
import org.tls4j.handshake.tls12.msg.RsaClientKeyExchange;
import org.tls4j.handshake.tls12.msg.ServerHelloDone;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * Describes handshake messages and extensions as {@link TraceNode} trees: every field under the name it
 * has in the RFC's struct definition, code points by their IANA registry names with the number
 * ({@code cipher_suites: TLS_AES_128_GCM_SHA256 (0x1301), ...}), byte strings as length and hex, and the
 * RFC section that defines each message and extension. This is what the {@code tls4j} command prints
 * for each message a {@link org.tls4j.handshake.tls13.TlsListener} sees, and what a student reads next
 * to the RFC.
 *
 * <p>It covers the TLS 1.3 messages ({@code org.tls4j.handshake.msg}), the SSL 3.0-TLS 1.2 ones
 * ({@code org.tls4j.handshake.tls12.msg}) and every extension class; an extension this package keeps
 * raw is shown as bytes (TLS 1.2 extensions inside a hello are first parsed with
 * {@link Tls12Extensions}, so a TLS 1.3 ClientHello's renegotiation_info shows its field). Describing
 * never fails: a value that cannot be decoded further (a certificate that does not parse) is shown as
 * bytes with the reason.
 *
 * <p>Byte strings longer than {@link #maxHexBytes} are cut to their first bytes in the text (the length
 * is always shown in full). Nothing here is secret: every field described is on the wire.
 */
public final class HandshakeDescriber {
    /** The describer the command uses: byte strings up to 64 bytes in full. */
    public static final HandshakeDescriber DEFAULT = new HandshakeDescriber(64);

    /** Byte strings longer than this show only their first {@code maxHexBytes / 2} bytes. */
    public final int maxHexBytes;

    /** @param maxHexBytes longest byte string shown whole (at least 2) */
    public HandshakeDescriber(int maxHexBytes) {
        if (maxHexBytes < 2) {
            throw new IllegalArgumentException("maxHexBytes must be at least 2");
        }
        this.maxHexBytes = maxHexBytes;
    }

    /** {@link #DEFAULT}'s description of {@code m}. */
    public static TraceNode of(HandshakeMessage m) {
        return DEFAULT.describe(m);
    }

    /** The RFC section that defines a message of this class, e.g. "RFC 8446, Section 4.1.2". */
    public static String section(HandshakeMessage m) {
        return DEFAULT.describe(m).section;
    }

    // ------------------------------------------------------------------------------------------------
    // Messages

    /** Describes one handshake message: its name, section and fields in wire order. */
    public TraceNode describe(HandshakeMessage m) {
        List<TraceNode> f = new ArrayList<TraceNode>();
        if (m instanceof ClientHello) {
            ClientHello ch = (ClientHello) m;
            f.add(TraceNode.field("legacy_version", version(ch.legacyVersion)));
            f.add(TraceNode.field("random", bytes(ch.random())));
            f.add(TraceNode.field("legacy_session_id", bytes(ch.legacySessionId())));
            f.add(TraceNode.field("cipher_suites", suites(ch.cipherSuites)));
            f.add(TraceNode.field("legacy_compression_methods", compressionMethods(ch.legacyCompressionMethods())));
            if (ch.extensions != null) {
                f.add(extensions(ch.extensions, ExtensionContext.CLIENT_HELLO));
            }
            return message("ClientHello", m, "RFC 8446, Section 4.1.2; RFC 5246, Section 7.4.1.2", f);
        }
        if (m instanceof HelloRetryRequest) {
            HelloRetryRequest h = (HelloRetryRequest) m;
            f.add(TraceNode.field("legacy_version", version(h.legacyVersion)));
            f.add(TraceNode.field("random", bytes(HelloRetryRequest.specialRandom())
                    + " (the HelloRetryRequest value, SHA-256(\"HelloRetryRequest\"))"));
            f.add(TraceNode.field("legacy_session_id_echo", bytes(h.legacySessionIdEcho())));
            f.add(TraceNode.field("cipher_suite", suite(h.cipherSuite)));
            f.add(TraceNode.field("legacy_compression_method", String.valueOf(h.legacyCompressionMethod)));
            f.add(extensions(h.extensions, ExtensionContext.HELLO_RETRY_REQUEST));
            return message("HelloRetryRequest", m, "RFC 8446, Section 4.1.4", f);
        }
        if (m instanceof ServerHello) {
            ServerHello sh = (ServerHello) m;
            f.add(TraceNode.field("legacy_version", version(sh.legacyVersion)));
            String sentinel = "";
            int s = sh.downgradeSentinel();
            if (s != 0) {
                sentinel = " (ends with the downgrade sentinel for TLS 1." + s + " and below, RFC 8446, Section 4.1.3)";
            }
            f.add(TraceNode.field("random", bytes(sh.random()) + sentinel));
            f.add(TraceNode.field("legacy_session_id_echo", bytes(sh.legacySessionIdEcho())));
            f.add(TraceNode.field("cipher_suite", suite(sh.cipherSuite)));
            f.add(TraceNode.field("legacy_compression_method", String.valueOf(sh.legacyCompressionMethod)));
            if (sh.extensions != null) {
                f.add(extensions(sh.extensions, ExtensionContext.SERVER_HELLO));
            }
            return message("ServerHello", m, "RFC 8446, Section 4.1.3; RFC 5246, Section 7.4.1.3", f);
        }
        if (m instanceof EncryptedExtensions) {
            f.add(extensions(((EncryptedExtensions) m).extensions, ExtensionContext.ENCRYPTED_EXTENSIONS));
            return message("EncryptedExtensions", m, "RFC 8446, Section 4.3.1", f);
        }
        if (m instanceof CertificateRequest) {
            CertificateRequest cr = (CertificateRequest) m;
            f.add(TraceNode.field("certificate_request_context", bytes(cr.context())));
            f.add(extensions(cr.extensions, ExtensionContext.CERTIFICATE_REQUEST));
            return message("CertificateRequest", m, "RFC 8446, Section 4.3.2", f);
        }
        if (m instanceof org.tls4j.handshake.msg.Certificate) {
            org.tls4j.handshake.msg.Certificate c = (org.tls4j.handshake.msg.Certificate) m;
            f.add(TraceNode.field("certificate_request_context", bytes(c.context())));
            List<TraceNode> entries = new ArrayList<TraceNode>();
            for (int i = 0; i < c.entries.size(); i++) {
                CertificateEntry e = c.entries.get(i);
                List<TraceNode> ef = new ArrayList<TraceNode>();
                ef.add(certData(e.data()));
                ef.add(extensions(e.extensions, ExtensionContext.CERTIFICATE));
                entries.add(new TraceNode("CertificateEntry " + i, null, null, ef));
            }
            f.add(new TraceNode("certificate_list", c.entries.size() + " entries", null, entries));
            return message("Certificate", m, "RFC 8446, Section 4.4.2", f);
        }
        if (m instanceof CertificateVerify) {
            CertificateVerify cv = (CertificateVerify) m;
            f.add(TraceNode.field("algorithm", scheme(cv.algorithm)));
            f.add(TraceNode.field("signature", bytes(cv.signature())));
            return message("CertificateVerify", m, "RFC 8446, Section 4.4.3", f);
        }
        if (m instanceof Finished) {
            f.add(TraceNode.field("verify_data", bytes(((Finished) m).verifyData())));
            return message("Finished", m, "RFC 8446, Section 4.4.4; RFC 5246, Section 7.4.9", f);
        }
        if (m instanceof NewSessionTicket) {
            NewSessionTicket t = (NewSessionTicket) m;
            f.add(TraceNode.field("ticket_lifetime", t.ticketLifetime + " seconds"));
            f.add(TraceNode.field("ticket_age_add", String.valueOf(t.ticketAgeAdd)));
            f.add(TraceNode.field("ticket_nonce", bytes(t.ticketNonce())));
            f.add(TraceNode.field("ticket", bytes(t.ticket())));
            f.add(extensions(t.extensions, ExtensionContext.NEW_SESSION_TICKET));
            return message("NewSessionTicket", m, "RFC 8446, Section 4.6.1", f);
        }
        if (m instanceof EndOfEarlyData) {
            return message("EndOfEarlyData", m, "RFC 8446, Section 4.5", f);
        }
        if (m instanceof KeyUpdate) {
            int r = ((KeyUpdate) m).requestUpdate;
            f.add(TraceNode.field("request_update", (r == 1 ? "update_requested" : r == 0 ? "update_not_requested"
                    : "unknown") + " (" + r + ")"));
            return message("KeyUpdate", m, "RFC 8446, Section 4.6.3", f);
        }
        return describe12(m, f);
    }

    /** The SSL 3.0-TLS 1.2 messages (RFC 5246, Section 7.4, and the RFCs that add to it). */
    private TraceNode describe12(HandshakeMessage m, List<TraceNode> f) {
        if (m instanceof HelloRequest) {
            return message("HelloRequest", m, "RFC 5246, Section 7.4.1.1", f);
        }
        if (m instanceof Certificate12) {
            List<byte[]> certs = ((Certificate12) m).certificates();
            List<TraceNode> list = new ArrayList<TraceNode>();
            for (byte[] c : certs) {
                list.add(certData(c));
            }
            f.add(new TraceNode("certificate_list", certs.size() + " certificates", null, list));
            return message("Certificate", m, "RFC 5246, Section 7.4.2", f);
        }
        if (m instanceof DheServerKeyExchange) {
            DheServerKeyExchange k = (DheServerKeyExchange) m;
            f.add(TraceNode.field("dh_p", bytes(k.p()) + " (" + bitLength(k.p()) + "-bit prime)"));
            f.add(TraceNode.field("dh_g", bytes(k.g())));
            f.add(TraceNode.field("dh_Ys", bytes(k.ys())));
            f.add(signed("signed_params", k.signature()));
            return message("ServerKeyExchange (DHE)", m, "RFC 5246, Section 7.4.3", f);
        }
        if (m instanceof EcdheServerKeyExchange) {
            EcdheServerKeyExchange k = (EcdheServerKeyExchange) m;
            f.add(TraceNode.field("curve_type", "named_curve (3)"));
            f.add(TraceNode.field("namedcurve", group(k.group)));
            f.add(TraceNode.field("public", bytes(k.point())));
            f.add(signed("signed_params", k.signature()));
            return message("ServerKeyExchange (ECDHE)", m, "RFC 8422, Section 5.4", f);
        }
        if (m instanceof CertificateRequest12) {
            CertificateRequest12 cr = (CertificateRequest12) m;
            StringBuilder types = new StringBuilder();
            for (byte t : cr.certificateTypes()) {
                append(types, clientCertificateType(t & 0xff));
            }
            f.add(TraceNode.field("certificate_types", types.toString()));
            if (cr.signatureAlgorithms != null) {
                f.add(TraceNode.field("supported_signature_algorithms", schemes(cr.signatureAlgorithms)));
            }
            f.add(distinguishedNames("certificate_authorities", cr.authorities()));
            return message("CertificateRequest", m, "RFC 5246, Section 7.4.4", f);
        }
        if (m instanceof ServerHelloDone) {
            return message("ServerHelloDone", m, "RFC 5246, Section 7.4.5", f);
        }
        if (m instanceof CertificateVerify12) {
            DigitallySigned s = ((CertificateVerify12) m).signed;
            if (s.algorithm != null) {
                f.add(TraceNode.field("algorithm", scheme(s.algorithm)));
            }
            f.add(TraceNode.field("signature", bytes(s.signature())));
            return message("CertificateVerify", m, "RFC 5246, Section 7.4.8", f);
        }
        if (m instanceof RsaClientKeyExchange) {
            RsaClientKeyExchange k = (RsaClientKeyExchange) m;
            f.add(TraceNode.field("encrypted_pre_master_secret", bytes(k.encrypted())
                    + (k.lengthPrefixed ? "" : " (no length prefix: SSL 3.0 form)")));
            return message("ClientKeyExchange (RSA)", m, "RFC 5246, Section 7.4.7.1", f);
        }
        if (m instanceof DheClientKeyExchange) {
            f.add(TraceNode.field("dh_Yc", bytes(((DheClientKeyExchange) m).yc())));
            return message("ClientKeyExchange (DHE)", m, "RFC 5246, Section 7.4.7.2", f);
        }
        if (m instanceof EcdheClientKeyExchange) {
            f.add(TraceNode.field("ecdh_Yc", bytes(((EcdheClientKeyExchange) m).point())));
            return message("ClientKeyExchange (ECDHE)", m, "RFC 8422, Section 5.7", f);
        }
        if (m instanceof NewSessionTicket12) {
            NewSessionTicket12 t = (NewSessionTicket12) m;
            f.add(TraceNode.field("ticket_lifetime_hint", t.lifetimeHint + " seconds"));
            f.add(TraceNode.field("ticket", bytes(t.ticket())));
            return message("NewSessionTicket", m, "RFC 5077, Section 3.3", f);
        }
        if (m instanceof CertificateStatus) {
            f.add(TraceNode.field("status_type", "ocsp (1)"));
            f.add(TraceNode.field("response", bytes(((CertificateStatus) m).ocspResponse())));
            return message("CertificateStatus", m, "RFC 6066, Section 8", f);
        }
        // A message class this describer does not know: its body as bytes.
        byte[] whole = m.encode();
        byte[] body = new byte[whole.length - 4];
        System.arraycopy(whole, 4, body, 0, body.length);
        f.add(TraceNode.field("body", bytes(body)));
        return message(m.getClass().getSimpleName(), m, "RFC 8446, Section 4", f);
    }

    private static TraceNode message(String name, HandshakeMessage m, String section, List<TraceNode> fields) {
        List<TraceNode> all = new ArrayList<TraceNode>();
        all.add(TraceNode.field("msg_type", type(m.type())));
        all.addAll(fields);
        return new TraceNode(name, null, section, all);
    }

    private TraceNode signed(String name, DigitallySigned s) {
        List<TraceNode> f = new ArrayList<TraceNode>();
        if (s.algorithm != null) {
            f.add(TraceNode.field("algorithm", scheme(s.algorithm)));
        }
        f.add(TraceNode.field("signature", bytes(s.signature())));
        return new TraceNode(name, null, null, f);
    }

    private TraceNode certData(byte[] der) {
        List<TraceNode> f = new ArrayList<TraceNode>();
        try {
            Certificate c = Certificate.parse(der);
            f.add(TraceNode.field("subject", c.subject().toString()));
            f.add(TraceNode.field("issuer", c.issuer().toString()));
        } catch (DerException e) {
            f.add(TraceNode.field("not an X.509 certificate tls4j can parse", e.getMessage()));
        }
        return new TraceNode("cert_data", bytes(der), null, f);
    }

    // ------------------------------------------------------------------------------------------------
    // Extensions

    /** The {@code extensions} field: one node per extension, in wire order. */
    public TraceNode extensions(Extensions block, ExtensionContext ctx) {
        List<TraceNode> list = new ArrayList<TraceNode>();
        for (Extension e : block.list()) {
            list.add(describe(e, ctx));
        }
        return new TraceNode("extensions", block.size() + (block.size() == 1 ? " extension" : " extensions"), null,
                list);
    }

    /**
     * Describes one extension as it appears in the message {@code ctx} (which decides how a raw TLS 1.2
     * extension is parsed; pass null when unknown).
     */
    public TraceNode describe(Extension e, ExtensionContext ctx) {
        if (e instanceof RawExtension && (ctx == ExtensionContext.CLIENT_HELLO || ctx == ExtensionContext.SERVER_HELLO)) {
            try {
                e = Tls12Extensions.parse((RawExtension) e, ctx);
            } catch (TlsAlert bad) {
                List<TraceNode> f = new ArrayList<TraceNode>();
                f.add(TraceNode.field("extension_data", bytes(((RawExtension) e).data())));
                f.add(TraceNode.field("malformed", bad.getMessage()));
                return extension(e.type(), f);
            }
        }
        List<TraceNode> f = new ArrayList<TraceNode>();
        if (e instanceof ServerName) {
            List<byte[]> names = ((ServerName) e).hostNames;
            if (names.isEmpty()) {
                f.add(TraceNode.field("server_name_list", "empty (the server acknowledges the name, RFC 6066, Section 3)"));
            } else {
                StringBuilder sb = new StringBuilder();
                for (byte[] n : names) {
                    append(sb, "host_name (0) \"" + printable(n) + "\"");
                }
                f.add(TraceNode.field("server_name_list", sb.toString()));
            }
        } else if (e instanceof SupportedGroups) {
            f.add(TraceNode.field("named_group_list", groups(((SupportedGroups) e).groups)));
        } else if (e instanceof SignatureAlgorithms) {
            f.add(TraceNode.field("supported_signature_algorithms", schemes(((SignatureAlgorithms) e).schemes)));
        } else if (e instanceof SignatureAlgorithmsCert) {
            f.add(TraceNode.field("supported_signature_algorithms", schemes(((SignatureAlgorithmsCert) e).schemes)));
        } else if (e instanceof SupportedVersionsClientHello) {
            StringBuilder sb = new StringBuilder();
            for (ProtocolVersion v : ((SupportedVersionsClientHello) e).versions) {
                append(sb, version(v));
            }
            f.add(TraceNode.field("versions", sb.toString()));
        } else if (e instanceof SupportedVersionsServerHello) {
            f.add(TraceNode.field("selected_version", version(((SupportedVersionsServerHello) e).selectedVersion)));
        } else if (e instanceof KeyShareClientHello) {
            List<TraceNode> shares = new ArrayList<TraceNode>();
            for (KeyShareEntry k : ((KeyShareClientHello) e).shares) {
                shares.add(keyShare("KeyShareEntry", k));
            }
            f.add(new TraceNode("client_shares", shares.size() + (shares.size() == 1 ? " share" : " shares"), null,
                    shares));
        } else if (e instanceof KeyShareServerHello) {
            f.add(keyShare("server_share", ((KeyShareServerHello) e).serverShare));
        } else if (e instanceof KeyShareHelloRetryRequest) {
            f.add(TraceNode.field("selected_group", group(((KeyShareHelloRetryRequest) e).selectedGroup)));
        } else if (e instanceof PskKeyExchangeModes) {
            StringBuilder sb = new StringBuilder();
            for (int mode : ((PskKeyExchangeModes) e).modes) {
                append(sb, (mode == 0 ? "psk_ke" : mode == 1 ? "psk_dhe_ke" : "unknown") + " (" + mode + ")");
            }
            f.add(TraceNode.field("ke_modes", sb.toString()));
        } else if (e instanceof PreSharedKeyClientHello) {
            PreSharedKeyClientHello p = (PreSharedKeyClientHello) e;
            List<TraceNode> ids = new ArrayList<TraceNode>();
            for (PskIdentity id : p.identities) {
                List<TraceNode> idf = new ArrayList<TraceNode>();
                idf.add(TraceNode.field("identity", bytes(id.identity())));
                idf.add(TraceNode.field("obfuscated_ticket_age", String.valueOf(id.obfuscatedTicketAge)));
                ids.add(new TraceNode("PskIdentity", null, null, idf));
            }
            f.add(new TraceNode("identities", String.valueOf(ids.size()), null, ids));
            List<TraceNode> binders = new ArrayList<TraceNode>();
            for (byte[] b : p.binders) {
                binders.add(TraceNode.field("PskBinderEntry", bytes(b)));
            }
            f.add(new TraceNode("binders", String.valueOf(binders.size()), null, binders));
        } else if (e instanceof PreSharedKeyServerHello) {
            f.add(TraceNode.field("selected_identity", String.valueOf(((PreSharedKeyServerHello) e).selectedIdentity)));
        } else if (e instanceof EarlyData) {
            EarlyData d = (EarlyData) e;
            if (d.hasMaxSize()) {
                f.add(TraceNode.field("max_early_data_size", d.maxEarlyDataSize() + " bytes"));
            }
        } else if (e instanceof Cookie) {
            f.add(TraceNode.field("cookie", bytes(((Cookie) e).cookie())));
        } else if (e instanceof CertificateAuthorities) {
            f.add(distinguishedNames("authorities", ((CertificateAuthorities) e).authorities));
        } else if (e instanceof ApplicationLayerProtocolNegotiation) {
            StringBuilder sb = new StringBuilder();
            for (byte[] p : ((ApplicationLayerProtocolNegotiation) e).protocols) {
                append(sb, "\"" + printable(p) + "\"");
            }
            f.add(TraceNode.field("protocol_name_list", sb.toString()));
        } else if (e instanceof RecordSizeLimit) {
            f.add(TraceNode.field("RecordSizeLimit", ((RecordSizeLimit) e).limit + " bytes"));
        } else if (e instanceof Padding) {
            f.add(TraceNode.field("padding", ((Padding) e).length + " zero bytes"));
        } else if (e instanceof EcPointFormats) {
            StringBuilder sb = new StringBuilder();
            for (byte b : ((EcPointFormats) e).formats()) {
                int v = b & 0xff;
                append(sb, (v == 0 ? "uncompressed" : v == 1 ? "ansiX962_compressed_prime"
                        : v == 2 ? "ansiX962_compressed_char2" : "unknown") + " (" + v + ")");
            }
            f.add(TraceNode.field("ec_point_format_list", sb.toString()));
        } else if (e instanceof EncryptThenMac || e instanceof ExtendedMasterSecret) {
            // empty extension_data: its presence is the message
            f.add(TraceNode.field("extension_data", "empty"));
        } else if (e instanceof MaxFragmentLength) {
            MaxFragmentLength mfl = (MaxFragmentLength) e;
            f.add(TraceNode.field("MaxFragmentLength", mfl.bytes() + " bytes (" + mfl.code + ")"));
        } else if (e instanceof RenegotiationInfo) {
            RenegotiationInfo ri = (RenegotiationInfo) e;
            f.add(TraceNode.field("renegotiated_connection", ri.isEmpty() ? "empty (initial handshake)"
                    : bytes(ri.renegotiatedConnection())));
        } else if (e instanceof SessionTicket) {
            byte[] t = ((SessionTicket) e).ticket();
            f.add(TraceNode.field("ticket", t.length == 0 ? "empty" : bytes(t)));
        } else if (e instanceof StatusRequest) {
            StatusRequest s = (StatusRequest) e;
            if (s.isServerForm()) {
                f.add(TraceNode.field("extension_data", "empty (a CertificateStatus will follow)"));
            } else {
                f.add(TraceNode.field("status_type", "ocsp (1)"));
                f.add(TraceNode.field("responder_id_list", s.responderIds().size() + " responder ids"));
                f.add(TraceNode.field("request_extensions", bytes(s.requestExtensions())));
            }
        } else if (e instanceof RawExtension) {
            f.add(TraceNode.field("extension_data", bytes(((RawExtension) e).data())));
        } else {
            f.add(TraceNode.field("extension_data", bytes(dataOf(e))));
        }
        return extension(e.type(), f);
    }

    private static byte[] dataOf(Extension e) {
        org.tls4j.handshake.TlsWriter w = new org.tls4j.handshake.TlsWriter();
        e.writeData(w);
        return w.toByteArray();
    }

    private static TraceNode extension(ExtensionType t, List<TraceNode> fields) {
        return new TraceNode(t.name() + " (" + t.code + ")", null, extensionSection(t), fields);
    }

    private TraceNode keyShare(String name, KeyShareEntry k) {
        List<TraceNode> f = new ArrayList<TraceNode>();
        f.add(TraceNode.field("group", group(k.group)));
        f.add(TraceNode.field("key_exchange", bytes(k.keyExchange())));
        return new TraceNode(name, null, null, f);
    }

    private TraceNode distinguishedNames(String name, List<byte[]> dns) {
        List<TraceNode> list = new ArrayList<TraceNode>();
        for (byte[] dn : dns) {
            String text;
            try {
                text = Name.parse(dn).toString();
            } catch (DerException ex) {
                text = bytes(dn) + " (not a DistinguishedName tls4j can parse: " + ex.getMessage() + ")";
            }
            list.add(TraceNode.field("DistinguishedName", text));
        }
        return new TraceNode(name, dns.size() + " names", null, list);
    }

    /** Where an extension is defined; GREASE values by RFC 8701; null for one tls4j does not know. */
    public static String extensionSection(ExtensionType t) {
        switch (t.code) {
            case 0x0000:
                return "RFC 6066, Section 3";
            case 0x0001:
                return "RFC 6066, Section 4";
            case 0x0005:
                return "RFC 6066, Section 8";
            case 0x000a:
                return "RFC 8446, Section 4.2.7";
            case 0x000b:
                return "RFC 8422, Section 5.1.2";
            case 0x000d:
            case 0x0032:
                return "RFC 8446, Section 4.2.3";
            case 0x0010:
                return "RFC 7301, Section 3.1";
            case 0x0012:
                return "RFC 6962, Section 3.3.1";
            case 0x0015:
                return "RFC 7685, Section 3";
            case 0x0016:
                return "RFC 7366, Section 2";
            case 0x0017:
                return "RFC 7627, Section 5.1";
            case 0x001b:
                return "RFC 8879, Section 3";
            case 0x001c:
                return "RFC 8449, Section 4";
            case 0x0023:
                return "RFC 5077, Section 3.2";
            case 0x0029:
                return "RFC 8446, Section 4.2.11";
            case 0x002a:
                return "RFC 8446, Section 4.2.10";
            case 0x002b:
                return "RFC 8446, Section 4.2.1";
            case 0x002c:
                return "RFC 8446, Section 4.2.2";
            case 0x002d:
                return "RFC 8446, Section 4.2.9";
            case 0x002f:
                return "RFC 8446, Section 4.2.4";
            case 0x0030:
                return "RFC 8446, Section 4.2.5";
            case 0x0031:
                return "RFC 8446, Section 4.2.6";
            case 0x0033:
                return "RFC 8446, Section 4.2.8";
            case 0xff01:
                return "RFC 5746, Section 3.2";
            default:
                return t.isGrease() ? "RFC 8701, Section 2 (GREASE)" : null;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Values

    /** {@code TLS_AES_128_GCM_SHA256 (0x1301)}; a value without a name as {@code unknown(0x1234)} or {@code GREASE(0x1a1a)}. */
    public static String suite(CipherSuite s) {
        return s.isKnown() ? s.name() + " (" + hex16(s.code) + ")" : s.name();
    }

    /** {@code x25519 (0x001d)}. */
    public static String group(NamedGroup g) {
        return g.isKnown() ? g.name() + " (" + hex16(g.code) + ")" : g.name();
    }

    /** {@code rsa_pss_rsae_sha256 (0x0804)}. */
    public static String scheme(SignatureScheme s) {
        return s.isKnown() ? s.name() + " (" + hex16(s.code) + ")" : s.name();
    }

    /** {@code TLSv1.2 (0x0303)}. */
    public static String version(ProtocolVersion v) {
        return v + " (" + hex16(v.code) + ")";
    }

    /** {@code client_hello (1)}. */
    public static String type(HandshakeType t) {
        return t.name() + " (" + t.code + ")";
    }

    private static String suites(List<CipherSuite> l) {
        StringBuilder sb = new StringBuilder();
        for (CipherSuite s : l) {
            append(sb, suite(s));
        }
        return sb.toString();
    }

    private static String groups(List<NamedGroup> l) {
        StringBuilder sb = new StringBuilder();
        for (NamedGroup g : l) {
            append(sb, group(g));
        }
        return sb.toString();
    }

    private static String schemes(List<SignatureScheme> l) {
        StringBuilder sb = new StringBuilder();
        for (SignatureScheme s : l) {
            append(sb, scheme(s));
        }
        return sb.toString();
    }

    private static String compressionMethods(byte[] methods) {
        StringBuilder sb = new StringBuilder();
        for (byte b : methods) {
            int v = b & 0xff;
            append(sb, (v == 0 ? "null" : v == 1 ? "DEFLATE" : "unknown") + " (" + v + ")");
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private static String clientCertificateType(int t) {
        String n;
        switch (t) {
            case 1:
                n = "rsa_sign";
                break;
            case 2:
                n = "dss_sign";
                break;
            case 3:
                n = "rsa_fixed_dh";
                break;
            case 4:
                n = "dss_fixed_dh";
                break;
            case 64:
                n = "ecdsa_sign";
                break;
            default:
                n = "unknown";
        }
        return n + " (" + t + ")";
    }

    /** {@code N bytes: hex}; empty as {@code empty}; longer than {@link #maxHexBytes} cut with "...". */
    public String bytes(byte[] b) {
        if (b.length == 0) {
            return "empty";
        }
        if (b.length <= maxHexBytes) {
            return b.length + (b.length == 1 ? " byte: " : " bytes: ") + Bytes.hex(b);
        }
        byte[] head = new byte[maxHexBytes / 2];
        System.arraycopy(b, 0, head, 0, head.length);
        return b.length + " bytes: " + Bytes.hex(head) + "...";
    }

    private static String hex16(int code) {
        String h = Integer.toHexString(code);
        return "0x" + "0000".substring(h.length()) + h;
    }

    private static int bitLength(byte[] unsigned) {
        for (int i = 0; i < unsigned.length; i++) {
            int v = unsigned[i] & 0xff;
            if (v != 0) {
                return (unsigned.length - i) * 8 - Integer.numberOfLeadingZeros(v) + 24;
            }
        }
        return 0;
    }

    /** ASCII text as is; any other byte as \xNN (names and ALPN ids are bytes on the wire). */
    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int v = x & 0xff;
            if (v >= 0x20 && v < 0x7f && v != '"' && v != '\\') {
                sb.append((char) v);
            } else {
                sb.append(String.format("\\x%02x", v));
            }
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String item) {
        if (sb.length() > 0) {
            sb.append(", ");
        }
        sb.append(item);
    }
}
