package org.tls4j.crypto.rsa;

import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha224;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.crypto.hash.Sha512;

/**
 * A hash function as RSA signatures use it: the digest itself, and the DER-encoded DigestInfo prefix that
 * EMSA-PKCS1-v1_5 puts in front of the hash (RFC 8017, Section 9.2, Note 1).
 *
 * <p>SHA-1 is here only to verify legacy signatures and the test-vector files: SHA-1 collisions are
 * practical (SHAttered, 2017; Shambles, 2020), and TLS 1.3 forbids SHA-1 signatures in CertificateVerify
 * (RFC 8446, Section 4.4.3); the TLS layer keeps it off for signing.
 *
 * <p>constant-time: yes (the hashes themselves are, see their classes; this class only holds constants).
 */
public final class RsaHash {
    /** SHA-1 (legacy; see the class comment). */
    public static final RsaHash SHA1 = new RsaHash("SHA-1", 20, new byte[] {
        0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14});
    /** SHA-224. */
    public static final RsaHash SHA224 = new RsaHash("SHA-224", 28, prefix(0x2d, 0x04, 0x1c));
    /** SHA-256. */
    public static final RsaHash SHA256 = new RsaHash("SHA-256", 32, prefix(0x31, 0x01, 0x20));
    /** SHA-384. */
    public static final RsaHash SHA384 = new RsaHash("SHA-384", 48, prefix(0x41, 0x02, 0x30));
    /** SHA-512. */
    public static final RsaHash SHA512 = new RsaHash("SHA-512", 64, prefix(0x51, 0x03, 0x40));

    private final String name;
    private final int length;
    private final byte[] digestInfoPrefix;

    private RsaHash(String name, int length, byte[] digestInfoPrefix) {
        this.name = name;
        this.length = length;
        this.digestInfoPrefix = digestInfoPrefix;
    }

    /**
     * DigestInfo ::= SEQUENCE { SEQUENCE { OID 2.16.840.1.101.3.4.2.x, NULL }, OCTET STRING (hash) } for the
     * SHA-2 family: the outer length, the last OID arc and the hash length differ.
     */
    private static byte[] prefix(int outerLen, int oidLast, int hashLen) {
        return new byte[] {0x30, (byte) outerLen, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03,
            0x04, 0x02, (byte) oidLast, 0x05, 0x00, 0x04, (byte) hashLen};
    }

    /** Looks a hash up by name ({@code "SHA-256"}, also {@code "SHA256"}); null when unknown. */
    public static RsaHash byName(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT).replace("-", "");
        switch (n) {
            case "SHA1": return SHA1;
            case "SHA224": return SHA224;
            case "SHA256": return SHA256;
            case "SHA384": return SHA384;
            case "SHA512": return SHA512;
            default: return null;
        }
    }

    /** The name, e.g. {@code "SHA-256"}. */
    public String name() {
        return name;
    }

    /** The output length in bytes. */
    public int length() {
        return length;
    }

    /** A fresh digest instance. */
    public Digest newDigest() {
        switch (name) {
            case "SHA-1": return new Sha1();
            case "SHA-224": return new Sha224();
            case "SHA-256": return new Sha256();
            case "SHA-384": return new Sha384();
            default: return new Sha512();
        }
    }

    byte[] digestInfoPrefix() {
        return digestInfoPrefix.clone();
    }

    byte[] hash(byte[] m, int off, int len) {
        Digest d = newDigest();
        d.update(m, off, len);
        return d.digest();
    }

    @Override
    public String toString() {
        return name;
    }
}
