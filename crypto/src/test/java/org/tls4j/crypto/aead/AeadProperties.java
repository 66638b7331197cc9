package org.tls4j.crypto.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tls4j.crypto.AuthenticationException;
import org.tls4j.crypto.CryptoException;

/**
 * Properties of every AEAD and key size: round trip, rejection of any single-bit change, in place equals
 * out of place, and equality with an independent oracle (the JDK's SunJCE for GCM and ChaCha20-Poly1305;
 * for CCM, which SunJCE lacks, a straight RFC 3610 reference written here on top of the JDK's AES).
 */
class AeadProperties {
    enum Kind {
        GCM128(16), GCM192(24), GCM256(32), GCM256_NONCE1(32), GCM128_NONCE60(16),
        CCM128(16), CCM192(24), CCM256(32), CCM8_128(16), CCM128_NONCE7(16), CHACHA(32);

        final int keyLen;

        Kind(int keyLen) {
            this.keyLen = keyLen;
        }

        Aead create(byte[] key) throws CryptoException {
            switch (this) {
                case GCM256_NONCE1: return new AesGcm(key, 1);
                case GCM128_NONCE60: return new AesGcm(key, 60);
                case CCM128: case CCM192: case CCM256: return new AesCcm(key, 16);
                case CCM8_128: return new AesCcm(key, 8);
                case CCM128_NONCE7: return new AesCcm(key, 10, 7);
                case CHACHA: return new ChaCha20Poly1305(key);
                default: return new AesGcm(key);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> bytes32() {
        return Arbitraries.bytes().array(byte[].class).ofSize(64);
    }

    static byte[] take(byte[] src, int n) {
        byte[] r = new byte[n];
        for (int i = 0; i < n; i++) {
            r[i] = src[i % src.length];
        }
        return r;
    }

    @Property(tries = 300)
    void roundTrip(@ForAll Kind kind, @ForAll("bytes32") byte[] seed, @ForAll @Size(max = 300) byte[] msg,
            @ForAll @Size(max = 40) byte[] aad) throws Exception {
        Aead a = kind.create(take(seed, kind.keyLen));
        byte[] nonce = take(seed, a.nonceLength());
        byte[] sealed = new byte[msg.length + a.tagLength()];
        assertEquals(sealed.length, a.seal(nonce, 0, aad, 0, aad.length, msg, 0, msg.length, sealed, 0));
        byte[] pt = new byte[msg.length];
        assertEquals(msg.length, a.open(nonce, 0, aad, 0, aad.length, sealed, 0, sealed.length, pt, 0));
        assertArrayEquals(msg, pt);
    }

    @Property(tries = 400)
    void anySingleBitFlipIsRejected(@ForAll Kind kind, @ForAll("bytes32") byte[] seed,
            @ForAll @Size(max = 100) byte[] msg, @ForAll @Size(max = 20) byte[] aad,
            @ForAll @IntRange(min = 0, max = 3) int where, @ForAll @IntRange(min = 0, max = 100000) int pos)
            throws Exception {
        Aead a = kind.create(take(seed, kind.keyLen));
        byte[] nonce = take(seed, a.nonceLength());
        byte[] sealed = new byte[msg.length + a.tagLength()];
        a.seal(nonce, 0, aad, 0, aad.length, msg, 0, msg.length, sealed, 0);
        byte[] n2 = nonce.clone();
        byte[] aad2 = aad.clone();
        byte[] s2 = sealed.clone();
        if (where == 0 && msg.length > 0) {                 // ciphertext
            s2[(pos >>> 3) % msg.length] ^= (byte) (1 << (pos & 7));
        } else if (where == 1 || (where == 0)) {            // tag
            s2[msg.length + (pos >>> 3) % a.tagLength()] ^= (byte) (1 << (pos & 7));
        } else if (where == 2) {                            // nonce
            n2[(pos >>> 3) % n2.length] ^= (byte) (1 << (pos & 7));
        } else if (aad.length > 0) {                        // aad
            aad2[(pos >>> 3) % aad.length] ^= (byte) (1 << (pos & 7));
        } else {
            s2[msg.length] ^= 1;
        }
        byte[] pt = new byte[msg.length];
        Arrays.fill(pt, (byte) 0x77);
        assertThrows(AuthenticationException.class,
                () -> a.open(n2, 0, aad2, 0, aad2.length, s2, 0, s2.length, pt, 0));
        assertArrayEquals(new byte[msg.length], pt, "output must be zeroed after a failed open");
    }

    @Property(tries = 200)
    void inPlaceEqualsOutOfPlace(@ForAll Kind kind, @ForAll("bytes32") byte[] seed,
            @ForAll @Size(max = 300) byte[] msg, @ForAll @Size(max = 40) byte[] aad,
            @ForAll @IntRange(min = 0, max = 7) int off) throws Exception {
        Aead a = kind.create(take(seed, kind.keyLen));
        byte[] nonce = take(seed, a.nonceLength());
        byte[] sealed = new byte[msg.length + a.tagLength()];
        a.seal(nonce, 0, aad, 0, aad.length, msg, 0, msg.length, sealed, 0);
        byte[] buf = new byte[off + sealed.length];
        System.arraycopy(msg, 0, buf, off, msg.length);
        a.seal(nonce, 0, aad, 0, aad.length, buf, off, msg.length, buf, off);
        assertArrayEquals(sealed, Arrays.copyOfRange(buf, off, buf.length));
        a.open(nonce, 0, aad, 0, aad.length, buf, off, sealed.length, buf, off);
        assertArrayEquals(msg, Arrays.copyOfRange(buf, off, off + msg.length));
    }

    @Property(tries = 300)
    void matchesOracle(@ForAll Kind kind, @ForAll("bytes32") byte[] seed, @ForAll @Size(max = 300) byte[] msg,
            @ForAll @Size(max = 40) byte[] aad) throws Exception {
        byte[] key = take(seed, kind.keyLen);
        Aead a = kind.create(key);
        byte[] nonce = take(seed, a.nonceLength());
        byte[] sealed = new byte[msg.length + a.tagLength()];
        a.seal(nonce, 0, aad, 0, aad.length, msg, 0, msg.length, sealed, 0);
        byte[] expected;
        if (kind == Kind.CHACHA) {
            Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
            c.updateAAD(aad);
            expected = c.doFinal(msg);
        } else if (kind.name().startsWith("GCM")) {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad);
            expected = c.doFinal(msg);
        } else {
            expected = referenceCcm(key, nonce, aad, msg, a.tagLength());
        }
        assertArrayEquals(expected, sealed);
    }

    /** RFC 3610, Section 2, written out plainly on the JDK's AES (test oracle only). */
    static byte[] referenceCcm(byte[] key, byte[] nonce, byte[] aad, byte[] msg, int m) throws Exception {
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        int l = 15 - nonce.length;
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write((aad.length > 0 ? 64 : 0) + 8 * ((m - 2) / 2) + (l - 1));
        b.write(nonce);
        for (int i = l - 1; i >= 0; i--) {
            b.write((int) ((long) msg.length >>> (8 * i)));
        }
        if (aad.length > 0) {
            b.write(aad.length >>> 8);
            b.write(aad.length);
            b.write(aad);
            while (b.size() % 16 != 0) {
                b.write(0);
            }
        }
        b.write(msg);
        while (b.size() % 16 != 0) {
            b.write(0);
        }
        byte[] blocks = b.toByteArray();
        byte[] x = new byte[16];
        for (int off = 0; off < blocks.length; off += 16) {
            for (int i = 0; i < 16; i++) {
                x[i] ^= blocks[off + i];
            }
            x = ecb.doFinal(x);
        }
        byte[] out = new byte[msg.length + m];
        for (int i = 0; i <= (msg.length + 15) / 16; i++) {
            byte[] ai = new byte[16];
            ai[0] = (byte) (l - 1);
            System.arraycopy(nonce, 0, ai, 1, nonce.length);
            ai[15] = (byte) i;
            ai[14] = (byte) (i >>> 8);
            byte[] s = ecb.doFinal(ai);
            if (i == 0) {
                for (int j = 0; j < m; j++) {
                    out[msg.length + j] = (byte) (x[j] ^ s[j]);
                }
            } else {
                for (int j = 0; j < 16 && 16 * (i - 1) + j < msg.length; j++) {
                    out[16 * (i - 1) + j] = (byte) (msg[16 * (i - 1) + j] ^ s[j]);
                }
            }
        }
        return out;
    }

    @Property(tries = 50)
    void badLengthsThrowCryptoException(@ForAll Kind kind, @ForAll("bytes32") byte[] seed) throws Exception {
        Aead a = kind.create(take(seed, kind.keyLen));
        byte[] nonce = take(seed, a.nonceLength());
        byte[] small = new byte[a.tagLength() - 1];
        assertThrows(CryptoException.class, () -> a.open(nonce, 0, null, 0, 0, small, 0, small.length, small, 0));
        byte[] msg = new byte[10];
        assertThrows(CryptoException.class, () -> a.seal(nonce, 0, null, 0, 0, msg, 0, 10, new byte[10], 0));
        assertThrows(CryptoException.class, () -> a.seal(new byte[a.nonceLength() - 1], 0, null, 0, 0, msg, 0, 10,
                new byte[10 + a.tagLength()], 0));
        assertThrows(CryptoException.class, () -> a.seal(nonce, 0, msg, 5, 6, msg, 0, 10,
                new byte[10 + a.tagLength()], 0));
        a.destroy();
    }
}
