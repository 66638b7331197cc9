package org.tls4j.handshake.tls12;

/**
 * The record cipher of a TLS 1.0-1.2 suite, with the sizes RFC 5246, Section 6.3 and Appendix C need
 * to cut the key block: key length, fixed (key-block) IV length and record (explicit) IV length.
 *
 * <p>For AEADs the fixed IV is the implicit part of the nonce: a 4-byte salt for GCM (RFC 5288,
 * Section 3) and CCM (RFC 6655, Section 3), the whole 12-byte IV for ChaCha20-Poly1305 (RFC 7905,
 * Section 2). For CBC the fixed IV is the block size and is taken from the key block only in SSL 3.0 and
 * TLS 1.0, where records chain their IV; TLS 1.1 and 1.2 send a record IV of one block instead
 * (RFC 4346, Section 6.2.3.2) — {@link VersionRules#explicitCbcIv} decides.
 */
public enum BulkCipher12 {
    AES_128_GCM(Kind.AEAD, 16, 4, 8, 16),
    AES_256_GCM(Kind.AEAD, 32, 4, 8, 16),
    AES_128_CCM(Kind.AEAD, 16, 4, 8, 16),
    AES_256_CCM(Kind.AEAD, 32, 4, 8, 16),
    /** CCM with an 8-byte tag (RFC 6655): forgery chance 2^-64 per try; off by default. */
    AES_128_CCM_8(Kind.AEAD, 16, 4, 8, 8),
    /** CCM with an 8-byte tag (RFC 6655); off by default. */
    AES_256_CCM_8(Kind.AEAD, 32, 4, 8, 8),
    CHACHA20_POLY1305(Kind.AEAD, 32, 12, 0, 16),
    AES_128_CBC(Kind.BLOCK, 16, 16, 16, 0),
    AES_256_CBC(Kind.BLOCK, 32, 16, 16, 0),
    /** Triple DES: 64-bit blocks, so about 2^32 blocks under one key leak plaintext (SWEET32). Off by default. */
    DES3_EDE_CBC(Kind.BLOCK, 24, 8, 8, 0),
    /** RC4: keystream biases reveal repeated plaintext; RFC 7465 prohibits it. Off by default. */
    RC4_128(Kind.STREAM, 16, 0, 0, 0),
    /** No encryption at all (integrity only). Off by default. */
    NULL(Kind.STREAM, 0, 0, 0, 0);

    /** How records are protected. */
    public enum Kind {
        /** RFC 5246, Section 6.2.3.3. */
        AEAD,
        /** RFC 5246, Section 6.2.3.2. */
        BLOCK,
        /** RFC 5246, Section 6.2.3.1 (RC4 and NULL). */
        STREAM
    }

    public final Kind kind;
    /** enc_key_length in bytes. */
    public final int keyLength;
    /** fixed_iv_length: bytes of IV (or AEAD salt) taken from the key block. */
    public final int fixedIvLength;
    /** record_iv_length: explicit nonce (AEAD) or per-record IV (CBC, TLS 1.1+) on the wire. */
    public final int recordIvLength;
    /** AEAD tag length (0 for non-AEAD). */
    public final int tagLength;

    BulkCipher12(Kind kind, int keyLength, int fixedIvLength, int recordIvLength, int tagLength) {
        this.kind = kind;
        this.keyLength = keyLength;
        this.fixedIvLength = fixedIvLength;
        this.recordIvLength = recordIvLength;
        this.tagLength = tagLength;
    }
}
