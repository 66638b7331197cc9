package org.tls4j.handshake.tls13;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.crypto.sig.Signer;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.HostnameVerifier;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.SignatureScheme;

/**
 * A certificate chain (leaf first) and the leaf's private key: what a server presents in Certificate
 * and signs CertificateVerify with (RFC 8446, Section 4.4.2 and 4.4.3). A server may hold several and
 * picks one per handshake by SNI and the client's signature_algorithms ({@link #canSign},
 * {@link #matchesName}).
 *
 * <p>The private key is held as crypto's {@code TestPki.Key}, which loads RSA, EC, Ed25519 and Ed448
 * keys from PEM and makes a signer per algorithm. (A dedicated key type for the API is future work; the
 * class is not test-only despite its enclosing name.)
 */
public final class CertifiedKey implements Destroyable {
    private final List<Certificate> chain;
    private final TestPki.Key key;

    /** {@code chain} leaf first, non-empty; {@code key} must be the leaf's private key. */
    public CertifiedKey(List<Certificate> chain, TestPki.Key key) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the leaf");
        }
        if (!chain.get(0).publicKey().equals(key.publicKey())
                && !java.util.Arrays.equals(chain.get(0).publicKey().keyBytes(), key.publicKey().keyBytes())) {
            throw new IllegalArgumentException("the private key does not belong to the leaf certificate");
        }
        this.chain = Collections.unmodifiableList(new ArrayList<Certificate>(chain));
        this.key = key;
    }

    /** Loads a chain (PEM, leaf first) and its key (PEM: PKCS#8, PKCS#1 or SEC1). */
    public static CertifiedKey fromPem(String chainPem, String keyPem) throws CryptoException {
        List<Certificate> certs;
        try {
            certs = Pem.certificates(chainPem);
        } catch (DerException e) {
            throw new CryptoException("bad certificate PEM: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new CryptoException("no CERTIFICATE block in the chain PEM");
        }
        return new CertifiedKey(certs, TestPki.Key.fromPem(keyPem));
    }

    /** The chain, leaf first. */
    public List<Certificate> chain() {
        return chain;
    }

    /** The leaf certificate. */
    public Certificate leaf() {
        return chain.get(0);
    }

    /** True when this key can sign a TLS 1.3 CertificateVerify with {@code s}. */
    public boolean canSign(SignatureScheme s) {
        return SignatureSchemes13.fits(s, leaf().publicKey());
    }

    /** True when the leaf is valid for {@code host} (RFC 9525 matching, no CN fallback). */
    public boolean matchesName(String host) {
        return HostnameVerifier.matches(leaf(), host, false);
    }

    /** A signer for {@code s} ({@code random} serves RSA-PSS salts and hedged ECDSA). */
    public Signer signer(SignatureScheme s, RandomSource random) throws CryptoException {
        if (!canSign(s)) {
            throw new CryptoException(s + " does not fit the key of " + leaf().subject());
        }
        return key.signer(SignatureSchemes13.algorithm(s), random);
    }

    /**
     * The leaf's private key, for the TLS 1.0-1.2 machine (its signatures use algorithms TLS 1.3 forbids,
     * such as RSA PKCS#1 v1.5, and RSA key transport decrypts with it).
     */
    public TestPki.Key privateKey() {
        return key;
    }

    @Override
    public void destroy() {
        key.destroy();
    }
}
