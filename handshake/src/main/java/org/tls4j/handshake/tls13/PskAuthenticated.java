package org.tls4j.handshake.tls13;

import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.handshake.ext.PreSharedKeyClientHello;
import org.tls4j.handshake.ext.PreSharedKeyServerHello;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * Proof that a resumed handshake is authenticated by a PSK instead of certificates (RFC 8446, Section
 * 2.2): on the server, the client's binder for the selected identity was checked; on the client, the
 * server selected an identity it offered, with a suite of the PSK's hash. The connected states of a
 * resumed handshake require one (where a full handshake requires a {@link SignatureVerified}); only
 * {@link #checkBinder} and {@link #checkSelection} make one.
 */
public final class PskAuthenticated {
    /** The index of the accepted identity. */
    final int index;

    private PskAuthenticated(int index) {
        this.index = index;
    }

    /**
     * Server: "the server MUST validate the corresponding binder value ... If this value is not present
     * or does not validate, the server MUST abort the handshake" (Section 4.2.11), with decrypt_error as
     * for Finished (Section 6.2: "a handshake (not record layer) cryptographic operation failed"). The
     * binder is HMAC(finished_key(binder_key), Transcript-Hash(truncated ClientHello)) (Section
     * 4.2.11.2), compared in constant time; the length of a binder is public.
     */
    static PskAuthenticated checkBinder(KeySchedule13 ks, byte[] binderKey, byte[] truncatedHash, byte[] got,
            int index) throws TlsAlert {
        byte[] expected = ks.verifyData(binderKey, truncatedHash);
        boolean ok = expected.length == got.length && ConstantTime.equals(expected, got);
        ConstantTime.zero(expected);
        if (!ok) {
            throw new TlsAlert(AlertDescription.DECRYPT_ERROR,
                    "the PSK binder of identity " + index + " does not verify (RFC 8446, Section 4.2.11.2)");
        }
        return new PskAuthenticated(index);
    }

    /**
     * Client: "Clients MUST verify that the server's selected_identity is within the range supplied by
     * the client, that the server selected a cipher suite indicating a Hash associated with the PSK, and
     * that a server "key_share" extension is present if required by the ClientHello
     * "psk_key_exchange_modes" extension. If these values are not consistent, the client MUST abort the
     * handshake with an "illegal_parameter" alert." (Section 4.2.11)
     */
    static PskAuthenticated checkSelection(PreSharedKeyClientHello offered, PreSharedKeyServerHello selected,
            Tls13Suite pskSuite, Tls13Suite chosen, boolean keyShare, boolean pskKeOffered, boolean pskDheKeOffered)
            throws TlsAlert {
        if (offered == null) {
            throw new TlsAlert(AlertDescription.UNSUPPORTED_EXTENSION,
                    "ServerHello selects a PSK the client did not offer (RFC 8446, Section 4.2)");
        }
        if (selected.selectedIdentity >= offered.identities.size()) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "ServerHello selects PSK identity "
                    + selected.selectedIdentity + " of " + offered.identities.size() + " offered (RFC 8446, Section 4.2.11)");
        }
        if (pskSuite.hashLength() != chosen.hashLength()) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the server resumes with " + chosen
                    + ", whose hash is not the PSK's (" + pskSuite + ") (RFC 8446, Section 4.2.11)");
        }
        if (keyShare ? !pskDheKeOffered : !pskKeOffered) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the server resumes with"
                    + (keyShare ? "" : "out") + " a key share, a PSK mode the client did not offer (RFC 8446, Section 4.2.11)");
        }
        return new PskAuthenticated(selected.selectedIdentity);
    }
}
