package org.tls4j.handshake.tls12;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.ServerName;
import org.tls4j.handshake.ext.SignatureAlgorithms;
import org.tls4j.handshake.ext.SupportedGroups;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.handshake.tls12.ext.EcPointFormats;
import org.tls4j.handshake.tls12.ext.EncryptThenMac;
import org.tls4j.handshake.tls12.ext.ExtendedMasterSecret;
import org.tls4j.handshake.tls12.ext.RenegotiationInfo;
import org.tls4j.handshake.tls13.HandshakeConfig;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * Secure renegotiation (RFC 5746) for TLS 1.0-1.2, behind {@link Tls12Config#renegotiation()}. A
 * renegotiation is a complete new handshake run by the ordinary {@link Tls12Client} / {@link Tls12Server}
 * states in a fresh {@link Context12} whose {@link Context12#previous} holds what the established
 * connection proved; its records travel under the current keys until each side's ChangeCipherSpec, and the
 * new keys then replace the old ones (RFC 5246, Section 7.4.1.1-7.4.1.2).
 *
 * <ul>
 * <li>Only with a peer that showed RFC 5746 support on the handshake before (renegotiation_info or the
 * SCSV); a legacy peer's attempt gets a no_renegotiation warning (RFC 5746, Section 4.2, 4.4), which is
 * what {@link Connected12} sends for every attempt the policy refuses.
 * <li>The client's renegotiation_info carries client_verify_data, the server's client_verify_data ||
 * server_verify_data (Section 3.5, 3.7), both compared in constant time; a mismatch, a missing extension
 * or a renegotiating ClientHello with the SCSV is handshake_failure (Section 3.5, 3.7).
 * <li>The version stays the one negotiated first (a change is protocol_version).
 * <li>Triple handshake (Bhargavan, Delignat-Lavaud, Fournet, Pironti, Strub, "Triple Handshakes and
 * Cookie Cutters", IEEE S&amp;P 2014; RFC 7627, Section 1 and 5.4): an attacker who synchronised two
 * sessions' master secrets (possible without EMS) can make a renegotiation to him look, to the client,
 * like a renegotiation of its connection with the honest server, with a different server certificate.
 * tls4j's client requires the renegotiation to present exactly the same server leaf certificate as the
 * first handshake (bad_certificate otherwise), whether or not EMS was negotiated, as Go's crypto/tls does;
 * with EMS (required by default) the master secrets cannot be synchronised in the first place.
 * <li>Session resumption inside a renegotiation is not offered (the client's renegotiation ClientHello
 * has an empty session_id and no ticket), so every renegotiation is a full handshake.
 * </ul>
 */
final class Renegotiation12 {
    private Renegotiation12() {}

    /** What a renegotiation needs from the handshake before it. */
    static final class Previous {
        final ProtocolVersion version;
        final byte[] clientVerifyData;
        final byte[] serverVerifyData;
        /** Client: the server's leaf certificate; null on the server. */
        final Certificate serverLeaf;

        Previous(Context12 done) {
            version = done.rules.version;
            clientVerifyData = done.clientVerifyData.clone();
            serverVerifyData = done.serverVerifyData.clone();
            List<Certificate> peer = done.client ? done.summary().peerCertificates() : null;
            serverLeaf = peer == null || peer.isEmpty() ? null : peer.get(0);
        }
    }

    /** True when {@code done} (a completed handshake) may be renegotiated: policy and RFC 5746 support. */
    static boolean allowed(Context12 done) {
        return done.config12.renegotiation == Renegotiation.ACCEPT_SECURE && done.peerSecureRenegotiation
                && done.clientVerifyData != null && done.serverVerifyData != null && done.summary() != null;
    }

    /** True for the message that starts a renegotiation on this side: HelloRequest (client), ClientHello (server). */
    static boolean startsRenegotiation(boolean client, HandshakeMessage m) {
        return client ? m instanceof org.tls4j.handshake.tls12.msg.HelloRequest : m instanceof ClientHello;
    }

    private static byte[] both(Previous p) {
        byte[] b = Arrays.copyOf(p.clientVerifyData, p.clientVerifyData.length + p.serverVerifyData.length);
        System.arraycopy(p.serverVerifyData, 0, b, p.clientVerifyData.length, p.serverVerifyData.length);
        return b;
    }

    /**
     * Server: the ClientHello's renegotiation signals. Initial handshake: the extension, if any, must be
     * empty (RFC 5746, Section 3.6). Renegotiation: no SCSV, and the extension must be there and hold
     * client_verify_data (Section 3.7); all handshake_failure.
     */
    static void checkClientHello(Context12 cx, RenegotiationInfo ri, boolean scsv) throws TlsAlert {
        if (cx.previous == null) {
            if (ri != null && !ri.isEmpty()) {
                throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                        "non-empty renegotiation_info in an initial ClientHello (RFC 5746, Section 3.6)");
            }
            return;
        }
        if (scsv) {
            throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                    "TLS_EMPTY_RENEGOTIATION_INFO_SCSV in a renegotiating ClientHello (RFC 5746, Section 3.7)");
        }
        if (ri == null) {
            throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                    "renegotiating ClientHello without renegotiation_info (RFC 5746, Section 3.7)");
        }
        if (!ConstantTime.equals(ri.renegotiatedConnection(), cx.previous.clientVerifyData)) {
            throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                    "renegotiation_info does not carry client_verify_data (RFC 5746, Section 3.7)");
        }
    }

    /** Server: the ServerHello's renegotiation_info (empty initially, both verify_data on a renegotiation). */
    static RenegotiationInfo serverHelloInfo(Context12 cx) {
        if (cx.previous == null) {
            return RenegotiationInfo.EMPTY;
        }
        return new RenegotiationInfo(cx.config12.hooks.renegotiatedConnection(both(cx.previous)));
    }

    /**
     * Client: the ServerHello's renegotiation_info. Initial handshake: empty if present (RFC 5746, Section
     * 3.4); its presence is the server's RFC 5746 support. Renegotiation: present, equal to
     * client_verify_data || server_verify_data (Section 3.5), same version as before.
     */
    static void checkServerHello(Context12 cx, RenegotiationInfo ri) throws TlsAlert {
        if (cx.previous == null) {
            if (ri != null && !ri.isEmpty()) {
                throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                        "non-empty renegotiation_info on an initial handshake (RFC 5746, Section 3.4)");
            }
            cx.peerSecureRenegotiation = ri != null;
            return;
        }
        if (!cx.rules.version.equals(cx.previous.version)) {
            throw new TlsAlert(AlertDescription.PROTOCOL_VERSION, "the renegotiation chose " + cx.rules.version
                    + " instead of " + cx.previous.version + " (the version may not change)");
        }
        if (ri == null) {
            throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                    "renegotiation ServerHello without renegotiation_info (RFC 5746, Section 3.5)");
        }
        if (!ConstantTime.equals(ri.renegotiatedConnection(), both(cx.previous))) {
            throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                    "renegotiation_info does not carry both verify_data (RFC 5746, Section 3.5)");
        }
        cx.peerSecureRenegotiation = true;
    }

    /** Client: a renegotiation must present the first handshake's server certificate (see the class comment). */
    static void checkServerCertificate(Context12 cx, List<Certificate> chain) throws TlsAlert {
        if (cx.previous == null || cx.previous.serverLeaf == null) {
            return;
        }
        if (!Arrays.equals(chain.get(0).encoded(), cx.previous.serverLeaf.encoded())) {
            throw new TlsAlert(AlertDescription.BAD_CERTIFICATE,
                    "the server's certificate changed during renegotiation (triple handshake; RFC 7627, Section 1)");
        }
    }

    /**
     * Client: the renegotiating ClientHello, for {@code cx.previous.version} only: the enabled suites of that
     * version (no SCSV, RFC 5746, Section 3.5), renegotiation_info with client_verify_data,
     * extended_master_secret, encrypt_then_mac, supported_groups, ec_point_formats, signature_algorithms
     * (TLS 1.2) and server_name. Empty session_id: no resumption inside a renegotiation.
     */
    static ClientHello clientHello(Context12 cx) {
        HandshakeConfig c = cx.config;
        Tls12Config c12 = cx.config12;
        ProtocolVersion v = cx.previous.version;
        List<CipherSuite> suites = new ArrayList<CipherSuite>();
        boolean cbc = false;
        for (Suite12 s : c12.suites) {
            if (s.allowedIn(v)) {
                suites.add(s.suite);
                cbc |= s.cipher.kind == BulkCipher12.Kind.BLOCK;
            }
        }
        List<Extension> ext = new ArrayList<Extension>();
        if (c.serverName() != null) {
            ext.add(ServerName.ofHostName(c.serverName().getBytes(StandardCharsets.US_ASCII)));
        }
        ext.add(ExtendedMasterSecret.INSTANCE);
        if (c12.encryptThenMac && cbc) {
            ext.add(EncryptThenMac.INSTANCE);
        }
        ext.add(new RenegotiationInfo(c12.hooks.renegotiatedConnection(cx.previous.clientVerifyData)));
        ext.add(new SupportedGroups(c.groups()));
        ext.add(EcPointFormats.UNCOMPRESSED_ONLY);
        if (VersionRules.of(v).signatureAlgorithms) {
            List<SignatureScheme> schemes = new ArrayList<SignatureScheme>();
            for (SignatureScheme s : c.signatureSchemes()) {
                if (Signatures12.algorithm(s) != null) {
                    schemes.add(s);
                }
            }
            ext.add(new SignatureAlgorithms(schemes));
        }
        return new ClientHello(v, c.random().nextBytes(32), new byte[0], suites, new byte[] {0}, new Extensions(ext));
    }

    /** Client, renegotiating: waits for the ServerHello, then continues as {@link Tls12Client} does. */
    static final class ExpectServerHello implements State12 {
        private final ClientHello sent;

        ExpectServerHello(ClientHello sent) {
            this.sent = sent;
        }

        @Override
        public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
            ServerHello sh = cx.require(m, ServerHello.class);
            return Tls12Client.afterServerHello(cx, sent, sh, cx.received());
        }
    }
}
