package org.tls4j.handshake.tls12;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.RecordProtection;
import org.tls4j.record.TlsAlert;

/**
 * The secrets of one TLS 1.0-1.2 connection: the master secret (extended when RFC 7627 was negotiated),
 * and the two record protections cut from its key block (RFC 5246, Sections 6.3 and 8.1). The
 * protections are handed to the engine at the ChangeCipherSpecs ({@link #takeClientWrite},
 * {@link #takeServerWrite}); the master secret stays for Finished and the exporter until
 * {@link #destroy()}.
 */
final class Keys12 implements Destroyable {
    final Suite12 suite;
    final VersionRules rules;
    final boolean extendedMasterSecret;
    final boolean encryptThenMac;
    private final byte[] master;
    private final byte[] clientRandom;
    private final byte[] serverRandom;
    private RecordProtection clientWrite;
    private RecordProtection serverWrite;

    private Keys12(Suite12 suite, VersionRules rules, boolean ems, boolean etm, byte[] master, byte[] clientRandom,
            byte[] serverRandom, RecordProtection clientWrite, RecordProtection serverWrite) {
        this.suite = suite;
        this.rules = rules;
        this.extendedMasterSecret = ems;
        this.encryptThenMac = etm;
        this.master = master;
        this.clientRandom = clientRandom.clone();
        this.serverRandom = serverRandom.clone();
        this.clientWrite = clientWrite;
        this.serverWrite = serverWrite;
    }

    /**
     * Derives everything from the premaster secret (which the caller zeroes). With {@code ems} the
     * master secret is {@code PRF(pre_master_secret, "extended master secret", session_hash)} where
     * session_hash is the hash of the transcript up to and including ClientKeyExchange (RFC 7627,
     * Section 4) — the caller passes exactly that transcript.
     */
    static Keys12 derive(Context12 cx, Suite12 suite, byte[] premaster, byte[] clientRandom, byte[] serverRandom,
            boolean ems, boolean etm, RandomSource random) throws TlsAlert {
        VersionRules rules = cx.rules;
        byte[] master = null;
        KeyBlock kb = null;
        try {
            master = ems ? rules.extendedMasterSecret(suite, premaster, rules.transcriptHash(suite, cx.transcript()))
                    : rules.masterSecret(suite, premaster, clientRandom, serverRandom);
            cx.masterSecret(master);
            kb = rules.keyBlock(suite, master, clientRandom, serverRandom);
            RecordProtection c = Protections12.create(suite, rules, kb, true, etm, random);
            RecordProtection s = Protections12.create(suite, rules, kb, false, etm, random);
            return new Keys12(suite, rules, ems, etm, master, clientRandom, serverRandom, c, s);
        } catch (CryptoException e) {
            if (master != null) {
                ConstantTime.zero(master);
            }
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "key derivation failed: " + e.getMessage(), e);
        } finally {
            if (kb != null) {
                kb.destroy();
            }
        }
    }

    /**
     * The keys of an abbreviated handshake (RFC 5246, Section 7.3): the resumed session's master secret
     * (copied; the caller zeroes {@code master}) with this connection's randoms.
     */
    static Keys12 resume(Context12 cx, Suite12 suite, byte[] master, byte[] clientRandom, byte[] serverRandom,
            boolean ems, boolean etm, RandomSource random) throws TlsAlert {
        VersionRules rules = cx.rules;
        byte[] m = master.clone();
        KeyBlock kb = null;
        try {
            cx.masterSecret(m);
            kb = rules.keyBlock(suite, m, clientRandom, serverRandom);
            RecordProtection c = Protections12.create(suite, rules, kb, true, etm, random);
            RecordProtection s = Protections12.create(suite, rules, kb, false, etm, random);
            return new Keys12(suite, rules, ems, etm, m, clientRandom, serverRandom, c, s);
        } catch (CryptoException e) {
            ConstantTime.zero(m);
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "key derivation failed: " + e.getMessage(), e);
        } finally {
            if (kb != null) {
                kb.destroy();
            }
        }
    }

    /** A copy of the master secret, for the session to resume later (the caller zeroes it). */
    byte[] masterCopy() {
        return master.clone();
    }

    /** The client's write protection, now owned by the caller. */
    RecordProtection takeClientWrite() {
        RecordProtection p = clientWrite;
        clientWrite = null;
        return p;
    }

    /** The server's write protection, now owned by the caller. */
    RecordProtection takeServerWrite() {
        RecordProtection p = serverWrite;
        serverWrite = null;
        return p;
    }

    /** verify_data of the side {@code fromClient} over {@code handshakeMessages} (RFC 5246, Section 7.4.9). */
    byte[] finished(boolean fromClient, byte[] handshakeMessages) throws TlsAlert {
        try {
            return rules.finished(suite, master, fromClient, handshakeMessages);
        } catch (CryptoException e) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "Finished: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the peer's Finished in constant time: "Recipients of Finished messages MUST verify that the
     * contents are correct" (RFC 5246, Section 7.4.9); a wrong value is decrypt_error (Section 7.2.2).
     */
    FinishedChecked checkFinished(boolean fromClient, byte[] handshakeMessages, Finished f) throws TlsAlert {
        byte[] expected = finished(fromClient, handshakeMessages);
        boolean ok = ConstantTime.equals(expected, f.verifyData());
        ConstantTime.zero(expected);
        if (!ok) {
            throw new TlsAlert(AlertDescription.DECRYPT_ERROR, "the " + (fromClient ? "client" : "server")
                    + "'s Finished does not verify (RFC 5246, Section 7.4.9)");
        }
        return new FinishedChecked();
    }

    /**
     * Keying material exporter (RFC 5705, Section 4): PRF(master_secret, label, client_random +
     * server_random [+ context_value_length + context_value])[length].
     */
    byte[] export(String label, byte[] context, int length) throws TlsAlert {
        byte[] l = label.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (context != null && context.length > 0xffff) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "exporter context over 65535 bytes");
        }
        int n = 64 + (context == null ? 0 : 2 + context.length);
        byte[] seed = new byte[n];
        System.arraycopy(clientRandom, 0, seed, 0, 32);
        System.arraycopy(serverRandom, 0, seed, 32, 32);
        if (context != null) {
            seed[64] = (byte) (context.length >>> 8);
            seed[65] = (byte) context.length;
            System.arraycopy(context, 0, seed, 66, context.length);
        }
        try {
            return rules.prf(suite, master, new String(l, java.nio.charset.StandardCharsets.US_ASCII), seed, length);
        } catch (CryptoException e) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "exporter: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        ConstantTime.zero(master);
        if (clientWrite != null) {
            clientWrite.destroy();
            clientWrite = null;
        }
        if (serverWrite != null) {
            serverWrite.destroy();
            serverWrite = null;
        }
    }

    /** Proof that the peer's Finished was checked; the connected state requires one. */
    static final class FinishedChecked {
        private FinishedChecked() {}
    }
}
