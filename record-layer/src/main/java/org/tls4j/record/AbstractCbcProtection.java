package org.tls4j.record;

import java.util.Arrays;
import org.tls4j.crypto.cipher.BlockCipher;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.rand.RandomSource;

/**
 * CBC record protection shared by {@link Ssl3CbcProtection} and {@link TlsCbcProtection}: CBC mode over
 * a {@link BlockCipher}, implicit (chained) or explicit IVs, MAC-then-encrypt with the constant-time
 * padding and MAC check, and encrypt-then-MAC. See the two public classes for the rules and the RFCs.
 */
abstract class AbstractCbcProtection implements RecordProtection {
    private final BlockCipher cipher;
    private final RecordMac mac;
    private final RandomSource random;
    private final boolean ssl3;
    private final boolean etm;
    private final boolean explicitIv;
    private final boolean split;
    private final int bs;
    private final int macLen;
    /** Implicit IV: the last ciphertext block of the previous record (RFC 2246, Section 6.2.3.2). */
    private final byte[] iv;
    private final byte[] blockA;
    private final byte[] blockB;
    private final byte[] expected;
    private final byte[] received;
    private final String name;

    AbstractCbcProtection(String name, BlockCipher cipher, RecordMac mac, boolean ssl3, boolean etm,
            boolean explicitIv, byte[] initialIv, RandomSource random, boolean split) {
        this.name = name;
        this.cipher = cipher;
        this.mac = mac;
        this.ssl3 = ssl3;
        this.etm = etm;
        this.explicitIv = explicitIv;
        this.random = random;
        this.split = split;
        this.bs = cipher.blockSize();
        this.macLen = mac.length();
        if (explicitIv) {
            if (random == null) {
                throw new IllegalArgumentException("explicit CBC IVs need a RandomSource");
            }
            this.iv = new byte[bs];
        } else {
            if (initialIv == null || initialIv.length != bs) {
                throw new IllegalArgumentException("implicit CBC IV must be " + bs + " bytes");
            }
            this.iv = initialIv.clone();
        }
        this.blockA = new byte[bs];
        this.blockB = new byte[bs];
        this.expected = new byte[macLen];
        this.received = new byte[macLen];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int maxCiphertextLength() {
        return RecordHeader.MAX_CIPHERTEXT_TLS12;
    }

    @Override
    public boolean splitsFirstByte() {
        return split;
    }

    private int ivLen() {
        return explicitIv ? bs : 0;
    }

    @Override
    public int sealedLength(ContentType type, int len) {
        int body = etm ? len + 1 : len + macLen + 1;
        int padded = (body + bs - 1) / bs * bs;
        return ivLen() + padded + (etm ? macLen : 0);
    }

    /** CBC-encrypts {@code n} blocks in place at {@code off}, chaining from {@code chain[chainOff]}. */
    private void encrypt(byte[] buf, int off, int n, byte[] chain, int chainOff) {
        byte[] prev = chain;
        int prevOff = chainOff;
        for (int b = 0; b < n; b++) {
            int p = off + b * bs;
            for (int i = 0; i < bs; i++) {
                buf[p + i] ^= prev[prevOff + i];
            }
            cipher.encryptBlock(buf, p, buf, p);
            prev = buf;
            prevOff = p;
        }
    }

    /**
     * CBC-decrypts {@code n} blocks in place at {@code off}; the first block chains from {@code firstIv}
     * (copied to {@code blockA} beforehand by the caller).
     */
    private void decrypt(byte[] buf, int off, int n) {
        byte[] prev = blockA;
        byte[] cur = blockB;
        for (int b = 0; b < n; b++) {
            int p = off + b * bs;
            System.arraycopy(buf, p, cur, 0, bs);
            cipher.decryptBlock(buf, p, buf, p);
            for (int i = 0; i < bs; i++) {
                buf[p + i] ^= prev[i];
            }
            byte[] t = prev;
            prev = cur;
            cur = t;
        }
    }

    @Override
    public int seal(ContentType type, ProtocolVersion version, long seq, byte[] in, int inOff, int len,
            byte[] out, int outOff) {
        int fragLen = sealedLength(type, len);
        int body = outOff + RecordHeader.LENGTH;
        int ivl = ivLen();
        int content = body + ivl;
        System.arraycopy(in, inOff, out, content, len);
        int plain = len;
        if (!etm) {
            mac.compute(seq, type.code, version.code, out, content, len, out, content + len);
            plain += macLen;
        }
        int encLen = fragLen - ivl - (etm ? macLen : 0);
        int pad = encLen - plain - 1;
        Arrays.fill(out, content + plain, content + encLen, (byte) pad);
        byte[] chain;
        int chainOff;
        if (explicitIv) {
            random.nextBytes(out, body, bs);
            chain = out;
            chainOff = body;
        } else {
            chain = iv;
            chainOff = 0;
        }
        encrypt(out, content, encLen / bs, chain, chainOff);
        if (!explicitIv) {
            System.arraycopy(out, content + encLen - bs, iv, 0, bs);
        }
        if (etm) {
            // RFC 7366, Section 3: MAC(MAC_write_key, seq_num + type + version + length + IV + ENC(content + padding)).
            mac.compute(seq, type.code, version.code, out, body, ivl + encLen, out, content + encLen);
        }
        RecordHeader.write(out, outOff, type.code, version.code, fragLen);
        return RecordHeader.LENGTH + fragLen;
    }

    @Override
    public void open(long seq, Record rec) throws TlsAlert {
        if (etm) {
            openEtm(seq, rec);
        } else {
            openMte(seq, rec);
        }
    }

    private TlsAlert badMac() {
        return new TlsAlert(AlertDescription.BAD_RECORD_MAC,
                "record failed the CBC integrity check (padding or MAC; the cause is not told, RFC 5246, Section 6.2.3.2)");
    }

    /** Sets blockA to the IV of this record and returns the offset of the encrypted part. */
    private int loadIv(byte[] buf, int off) {
        if (explicitIv) {
            System.arraycopy(buf, off, blockA, 0, bs);
            return off + bs;
        }
        System.arraycopy(iv, 0, blockA, 0, bs);
        return off;
    }

    /** Implicit IV: the next record chains from this record's last ciphertext block, valid or not. */
    private void saveNextIv(byte[] buf, int encOff, int encLen) {
        if (!explicitIv) {
            System.arraycopy(buf, encOff + encLen - bs, iv, 0, bs);
        }
    }

    private void openEtm(long seq, Record rec) throws TlsAlert {
        byte[] buf = rec.array();
        int off = rec.offset();
        int len = rec.length();
        int ivl = ivLen();
        int encLen = len - ivl - macLen;
        // Public length checks: the record's length is not secret.
        if (encLen < bs || encLen % bs != 0) {
            throw badMac();
        }
        mac.compute(seq, rec.typeCode(), rec.versionCode(), buf, off, ivl + encLen, expected, 0);
        int ok = ConstantTime.equals(expected, 0, buf, off + ivl + encLen, macLen);
        if (ok == 0) { // the MAC covers only public ciphertext: branching on its result reveals nothing
            throw badMac();
        }
        int enc = loadIv(buf, off);
        saveNextIv(buf, enc, encLen);
        decrypt(buf, enc, encLen / bs);
        // Authenticated plaintext: the padding is no longer an oracle, but stays checked (RFC 7366, Section 3).
        int p = buf[enc + encLen - 1] & 0xff;
        int good = paddingGood(buf, enc, encLen, p, 0);
        if (good == 0) {
            Arrays.fill(buf, off, off + len, (byte) 0);
            throw badMac();
        }
        rec.setPlaintext(rec.typeCode(), enc, encLen - p - 1);
    }

    /**
     * 1 when the padding of the {@code len}-byte plaintext at {@code off} (length byte {@code p}) is
     * well formed and leaves room for {@code reserve} MAC bytes; computed in constant time over the
     * last min(256, len) bytes.
     */
    private int paddingGood(byte[] buf, int off, int len, int p, int reserve) {
        int good = ConstantTime.le(p + 1 + reserve, len);
        if (ssl3) {
            // RFC 6101, Section 5.2.3.2: the padding bytes are arbitrary; only its length is bounded.
            // That is the POODLE weakness, inherent to SSL 3.0.
            return good & ConstantTime.lt(p, bs);
        }
        int toCheck = Math.min(256, len); // public
        for (int i = 0; i < toCheck; i++) {
            int b = buf[off + len - 1 - i] & 0xff;
            int inPad = ConstantTime.le(i, p);
            good &= ConstantTime.not(inPad) | ConstantTime.eq(b, p);
        }
        return good;
    }

    private void openMte(long seq, Record rec) throws TlsAlert {
        byte[] buf = rec.array();
        int off = rec.offset();
        int len = rec.length();
        int ivl = ivLen();
        int encLen = len - ivl;
        // Public length checks (RFC 5246, Section 6.2.3.2): whole blocks, room for the MAC and the
        // padding length byte.
        if (encLen < bs || encLen % bs != 0 || encLen < macLen + 1) {
            throw badMac();
        }
        int enc = loadIv(buf, off);
        saveNextIv(buf, enc, encLen);
        decrypt(buf, enc, encLen / bs);

        // From here on the padding length p, the content length and the MAC position are secret until
        // the MAC has been checked: no branch, index or loop bound depends on them.
        int p = buf[enc + encLen - 1] & 0xff;
        int good = paddingGood(buf, enc, encLen, p, macLen);
        // A bad padding is treated as no padding, so the MAC is still computed over a valid range.
        p = ConstantTime.mux(good, p, 0);
        int maxLen = encLen - macLen - 1;
        int minLen = Math.max(0, maxLen - (ssl3 ? bs - 1 : 255));
        int contentLen = maxLen - p;
        mac.computeConstantTime(seq, rec.typeCode(), rec.versionCode(), buf, enc, contentLen, minLen, maxLen,
                expected, 0);
        // Extract the received MAC from its secret position: every byte of the span that can hold it
        // is read, and kept only where it lines up.
        Arrays.fill(received, (byte) 0);
        int spanEnd = maxLen + macLen; // public
        for (int i = minLen; i < spanEnd; i++) {
            int b = buf[enc + i];
            int j0 = i - contentLen; // the MAC index this byte would be, if in range
            for (int j = 0; j < macLen; j++) {
                int m = -ConstantTime.eq(j, j0);
                received[j] |= (byte) (b & m);
            }
        }
        good &= ConstantTime.equals(expected, 0, received, 0, macLen);
        if (good == 0) { // the single, public outcome
            Arrays.fill(buf, off, off + len, (byte) 0);
            throw badMac();
        }
        rec.setPlaintext(rec.typeCode(), enc, contentLen);
    }

    @Override
    public void destroy() {
        cipher.destroy();
        mac.destroy();
        ConstantTime.zero(iv);
        ConstantTime.zero(blockA);
        ConstantTime.zero(blockB);
        ConstantTime.zero(expected);
        ConstantTime.zero(received);
    }
}
