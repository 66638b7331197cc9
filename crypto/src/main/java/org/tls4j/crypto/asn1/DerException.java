package org.tls4j.crypto.asn1;

import org.tls4j.crypto.CryptoException;

/**
 * The one documented parse exception of tls4j's ASN.1, X.509 and key parsers: the input is not a
 * strict DER encoding of the expected structure, or a field holds a value the specification forbids.
 * Parsers throw nothing else for any input, however hostile.
 */
public class DerException extends CryptoException {
    private static final long serialVersionUID = 1L;

    public DerException(String message) {
        super(message);
    }

    public DerException(String message, Throwable cause) {
        super(message, cause);
    }
}
