package org.tls4j.handshake.tls12.msg;

import java.util.Arrays;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * ClientKeyExchange for RSA key transport (RFC 5246, Section 7.4.7.1):
 *
 * <pre>
 * struct {
 *     public-key-encrypted PreMasterSecret pre_master_secret;
 * } EncryptedPreMasterSecret;
 * </pre>
 *
 * In TLS a public-key-encrypted value is an opaque vector with a two-byte length (RFC 5246, Section 4.7):
 * {@code opaque encrypted<0..2^16-1>}. SSL 3.0 sends the ciphertext bare, filling the body (RFC 6101,
 * Section 5.6.7.1; the "implementation note" of RFC 5246, Section 7.4.7.1). Which form is read is
 * {@code VersionRules.rsaPremasterLengthPrefix}; decrypting is {@code RsaPremaster}'s job.
 */
public final class RsaClientKeyExchange implements HandshakeMessage {
    private final byte[] encrypted;
    /** True for the TLS form (two-byte length), false for SSL 3.0. */
    public final boolean lengthPrefixed;

    public RsaClientKeyExchange(byte[] encrypted, boolean lengthPrefixed) {
        if (encrypted.length > 0xffff) {
            throw new IllegalArgumentException("EncryptedPreMasterSecret is at most 2^16-1 bytes");
        }
        this.encrypted = encrypted.clone();
        this.lengthPrefixed = lengthPrefixed;
    }

    /** Parses the body. */
    public static RsaClientKeyExchange read(TlsReader r, boolean lengthPrefixed) throws TlsAlert {
        byte[] enc = lengthPrefixed ? r.opaque16() : r.bytes(Math.min(r.remaining(), 0xffff));
        r.expectEnd();
        return new RsaClientKeyExchange(enc, lengthPrefixed);
    }

    /** A copy of the RSA ciphertext. */
    public byte[] encrypted() {
        return encrypted.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    @Override
    public void write(TlsWriter w) {
        if (lengthPrefixed) {
            w.opaque16(encrypted);
        } else {
            w.bytes(encrypted);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RsaClientKeyExchange && ((RsaClientKeyExchange) o).lengthPrefixed == lengthPrefixed
                && Arrays.equals(((RsaClientKeyExchange) o).encrypted, encrypted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encrypted);
    }

    @Override
    public String toString() {
        return "ClientKeyExchange{RSA " + encrypted.length + " bytes" + (lengthPrefixed ? "" : ", SSL 3.0") + "}";
    }
}
