package org.tls4j.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tls4j.crypto.cipher.AesCt64;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.RestorableDigest;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;

/**
 * Padding-oracle resistance of MAC-then-encrypt CBC (Lucky Thirteen; POODLE-style padding probing),
 * asserted on the operations performed, not on time. Records of the same public length are opened with
 * a counting digest and a counting block cipher ({@link Counting}). The padding length (0..255) varies,
 * and so does the defect: none, a wrong MAC, a wrong padding byte, a wrong padding length byte (for SSL 3.0:
 * one not shorter than a block). The bytes fed to the digest, the finalizations, the snapshot restores and the blocks
 * decrypted must not change, and every defect must give the same bad_record_mac.
 */
class CbcPaddingOracleProperties {
    enum Defect { NONE, BAD_MAC, BAD_PADDING_BYTE, WRONG_PADDING_LENGTH }

    enum Kind { TLS12_SHA256, TLS12_SHA384, TLS11_SHA1, SSL3_SHA1 }

    static final int ENC_LEN = 320; // public record length (20 AES blocks), the same for every case

    static RestorableDigest digest(Kind k) {
        switch (k) {
            case TLS12_SHA256:
                return new Sha256();
            case TLS12_SHA384:
                return new Sha384();
            default:
                return new Sha1();
        }
    }

    static final byte[] MAC_KEY = Suite.bytes(48, 100);
    static final byte[] ENC_KEY = Suite.bytes(16, 101);
    static final byte[] IV = Suite.bytes(16, 102);

    static RecordMac mac(Kind k, Digest d) {
        byte[] key = Arrays.copyOf(MAC_KEY, k == Kind.SSL3_SHA1 || k == Kind.TLS11_SHA1 ? 20 : d.digestLength());
        return k == Kind.SSL3_SHA1 ? RecordMac.ssl3(d, key) : RecordMac.hmac(d, key);
    }

    static ProtocolVersion version(Kind k) {
        switch (k) {
            case SSL3_SHA1:
                return ProtocolVersion.SSL3;
            case TLS11_SHA1:
                return ProtocolVersion.TLS11;
            default:
                return ProtocolVersion.TLS12;
        }
    }

    /** Builds the record fragment by hand: [IV] ‖ CBC(content ‖ MAC ‖ padding), with the requested defect. */
    static byte[] fragment(Kind k, int pad, Defect defect) throws Exception {
        RecordMac m = mac(k, digest(k));
        int macLen = m.length();
        ProtocolVersion v = version(k);
        boolean explicit = v.hasExplicitCbcIv();
        int contentLen = ENC_LEN - macLen - 1 - pad;
        byte[] plain = new byte[ENC_LEN];
        byte[] content = Suite.bytes(contentLen, pad);
        System.arraycopy(content, 0, plain, 0, contentLen);
        m.compute(7, ContentType.APPLICATION_DATA.code, v.code, plain, 0, contentLen, plain, contentLen);
        Arrays.fill(plain, contentLen + macLen, ENC_LEN, (byte) pad);
        switch (defect) {
            case BAD_MAC:
                plain[contentLen] ^= 0x40;
                break;
            case BAD_PADDING_BYTE:
                plain[ENC_LEN - 1 - Math.max(1, pad)] ^= 0x01; // for pad 0 this hits the MAC's last byte
                break;
            case WRONG_PADDING_LENGTH:
                // The length byte claims one byte more (or less) padding than there is.
                plain[ENC_LEN - 1] = (byte) (pad < 255 ? pad + 1 : pad - 1);
                if (k == Kind.SSL3_SHA1) {
                    plain[ENC_LEN - 1] = (byte) 16; // SSL 3.0: padding must be shorter than a block
                }
                break;
            default:
                break;
        }
        AesCt64 aes = new AesCt64(ENC_KEY);
        byte[] frag = new byte[(explicit ? 16 : 0) + ENC_LEN];
        if (explicit) {
            System.arraycopy(IV, 0, frag, 0, 16);
        }
        int off = explicit ? 16 : 0;
        byte[] prev = IV.clone();
        for (int b = 0; b < ENC_LEN; b += 16) {
            for (int i = 0; i < 16; i++) {
                frag[off + b + i] = (byte) (plain[b + i] ^ prev[i]);
            }
            aes.encryptBlock(frag, off + b, frag, off + b);
            System.arraycopy(frag, off + b, prev, 0, 16);
        }
        return frag;
    }

    static RecordProtection opener(Kind k, Counting.Tally t) throws Exception {
        RecordMac m = mac(k, new Counting.CountingDigest(digest(k), t));
        Counting.CountingCipher c = new Counting.CountingCipher(new AesCt64(ENC_KEY), t);
        if (k == Kind.SSL3_SHA1) {
            return Ssl3CbcProtection.create(c, m, IV, false);
        }
        return TlsCbcProtection.macThenEncrypt(version(k), c, m, null, (o, off, len) -> { }, false);
    }

    /** Opens the fragment and returns the work tally; checks the outcome. */
    static String work(Kind k, int pad, Defect defect) throws Exception {
        Counting.Tally t = new Counting.Tally();
        RecordProtection p = opener(k, t);
        t.clear();
        byte[] frag = fragment(k, pad, defect);
        Record r = new Record().set(ContentType.APPLICATION_DATA.code, version(k).code, frag, 0, frag.length);
        boolean valid = defect == Defect.NONE
                || (k == Kind.SSL3_SHA1 && defect == Defect.BAD_PADDING_BYTE && pad >= 1); // SSL 3.0 ignores padding bytes
        if (valid) {
            p.open(7, r);
            int macLen = mac(k, digest(k)).length();
            assertArrayEquals(Suite.bytes(ENC_LEN - macLen - 1 - pad, pad), r.copy());
        } else {
            TlsAlert a = assertThrows(TlsAlert.class, () -> p.open(7, r));
            assertEquals(AlertDescription.BAD_RECORD_MAC, a.description());
            // No plaintext left behind.
            for (int i = 0; i < frag.length; i++) {
                assertEquals(0, frag[i]);
            }
        }
        return t.summary();
    }

    @net.jqwik.api.Example
    void theReferenceWorkIsTheFullCandidateRange() throws Exception {
        // TLS 1.2, HMAC-SHA-256: content lengths 32..287 are all candidates, so 256 snapshots are finalized
        // (plus inner and outer finalization of the selected one), and all 20 blocks are decrypted.
        Counting.Tally t = new Counting.Tally();
        RecordProtection p = opener(Kind.TLS12_SHA256, t);
        t.clear();
        byte[] frag = fragment(Kind.TLS12_SHA256, 17, Defect.NONE);
        p.open(7, new Record().set(23, 0x0303, frag, 0, frag.length));
        assertEquals(256, t.restores);
        assertEquals(257, t.digestFinals);
        assertEquals(20, t.decryptBlocks);
        System.out.println("CBC MtE open, TLS 1.2 AES-128 HMAC-SHA-256, 320-byte record: " + t.summary());
    }

    @Property(tries = 120)
    void sameWorkWhateverThePaddingAndTheDefect(@ForAll Kind kind, @ForAll @IntRange(min = 0, max = 255) int pad,
            @ForAll Defect defect) throws Exception {
        int p = kind == Kind.SSL3_SHA1 ? pad % 16 : pad; // SSL 3.0 padding is shorter than a block
        String reference = work(kind, 0, Defect.NONE);
        assertEquals(reference, work(kind, p, defect), kind + " pad " + p + " " + defect);
    }
}
