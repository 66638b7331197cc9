package org.tls4j.crypto.pem;

import org.tls4j.crypto.asn1.DerException;

/**
 * Malformed PEM text (RFC 7468). It extends {@link DerException} so that callers reading certificates or
 * keys from PEM catch one documented parse exception.
 */
public class PemException extends DerException {
    private static final long serialVersionUID = 1L;

    public PemException(String message) {
        super(message);
    }

    public PemException(String message, Throwable cause) {
        super(message, cause);
    }
}
