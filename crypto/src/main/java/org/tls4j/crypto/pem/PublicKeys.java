package org.tls4j.crypto.pem;

import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.x509.PublicKeyInfo;

/** Public keys in PEM: {@code PUBLIC KEY} blocks holding a SubjectPublicKeyInfo (RFC 7468, Section 13). */
public final class PublicKeys {
    private PublicKeys() {}

    /** The first PUBLIC KEY block of {@code text}. */
    public static PublicKeyInfo fromPem(String text) throws DerException {
        for (PemBlock b : Pem.decode(text)) {
            if (b.label().equals("PUBLIC KEY")) {
                return PublicKeyInfo.parse(b.data());
            }
        }
        throw new PemException("no PUBLIC KEY block in PEM text");
    }

    public static String toPem(PublicKeyInfo k) {
        return Pem.encode("PUBLIC KEY", k.encoded());
    }
}
