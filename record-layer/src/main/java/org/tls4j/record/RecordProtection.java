package org.tls4j.record;

import org.tls4j.crypto.Destroyable;

/**
 * The protection of one direction under one set of keys: NULL, stream cipher + MAC, CBC + MAC (SSL 3.0,
 * TLS MAC-then-encrypt, TLS encrypt-then-MAC), TLS 1.2 AEAD or TLS 1.3 AEAD. The handshake builds one
 * for each key change; {@link ReadState} and {@link WriteState} own it, supply the sequence number, and
 * destroy it when it is replaced.
 *
 * <p>Implementations allocate nothing per record, never release unverified plaintext, and report every
 * authentication failure, whatever its cause, as a single {@code bad_record_mac} (RFC 5246, Section
 * 6.2.3.2; RFC 8446, Section 5.2).
 */
public interface RecordProtection extends Destroyable {
    /** A short description, e.g. {@code "TLS 1.3 AES-128-GCM"}. */
    String name();

    /**
     * True for TLS 1.3 protection: the real content type travels inside the encrypted record, the outer
     * type is application_data, and change_cipher_spec records stay unprotected (RFC 8446, Section 5).
     */
    default boolean isTls13() {
        return false;
    }

    /** The longest fragment this protection accepts on receipt; longer gives record_overflow. */
    int maxCiphertextLength();

    /** The fragment length {@link #seal} produces for {@code len} plaintext bytes of {@code type}. */
    int sealedLength(ContentType type, int len);

    /**
     * Protects one fragment and writes the whole record, header included, at {@code out[outOff]}.
     * {@code in} may lie anywhere, including inside {@code out}: it is copied into place first.
     *
     * @param seq the 64-bit sequence number of this record
     * @return the number of bytes written: {@code 5 + sealedLength(type, len)}
     */
    int seal(ContentType type, ProtocolVersion version, long seq, byte[] in, int inOff, int len,
            byte[] out, int outOff) throws TlsAlert;

    /**
     * Verifies and decrypts {@code rec} in place: on return the record's range is the plaintext and its
     * type the real content type. On any failure the record's bytes are not plaintext and a
     * {@link TlsAlert} is thrown.
     */
    void open(long seq, Record rec) throws TlsAlert;

    /**
     * How many records may be protected under this key before the key must change (RFC 8446,
     * Section 5.5), or {@link Long#MAX_VALUE} when the sequence number runs out first.
     */
    default long recordLimit() {
        return Long.MAX_VALUE;
    }

    /** True when application data should be sent with 1/n−1 record splitting (TLS 1.0 CBC, BEAST). */
    default boolean splitsFirstByte() {
        return false;
    }

    /**
     * The largest plaintext per record the peer accepts (RFC 8449 record_size_limit, already reduced to
     * content bytes); TLS 1.3 protection keeps padding within it. The default ignores it.
     */
    default void setMaxPlaintext(int maxPlaintext) {}

    /**
     * The record_size_limit this side advertised and the peer accepted (RFC 8449, Section 4): the most
     * plaintext bytes one received record may carry (TLS 1.3: TLSInnerPlaintext, content type and
     * padding included); more gives record_overflow. The default ignores it.
     */
    default void setReceiveLimit(int maxPlaintext) {}
}
