package org.tls4j.record;

import java.util.Arrays;
import org.tls4j.crypto.cipher.StreamCipher;
import org.tls4j.crypto.ct.ConstantTime;

/**
 * Stream-cipher record protection, SSL 3.0 to TLS 1.2 (RFC 5246, Section 6.2.3.1; RFC 6101, Section
 * 5.2.3.1): {@code stream(content || MAC(seq, header, content))}. The MAC is HMAC, or the SSL 3.0 MAC
 * for SSL 3.0 ({@link RecordMac}). The cipher state runs on from one record to the next.
 *
 * <p>The only stream cipher TLS ever used is RC4, which is broken: its keystream biases reveal repeated
 * plaintext (RFC 7465 prohibits RC4 in TLS). tls4j keeps RC4 suites off by default. Without a cipher
 * ({@link #macOnly}) this class is the NULL-encryption suites with a MAC ({@code TLS_RSA_WITH_NULL_SHA}
 * and the like): integrity without confidentiality, for research and debugging only, off by default.
 *
 * <p>The MAC covers a public length (the content length is the record length minus the MAC length),
 * so its check has no padding oracle; it is compared in constant time.
 * constant-time: yes (the MAC comparison); RC4 itself is as constant-time as its implementation.
 */
public final class StreamProtection implements RecordProtection {
    private final StreamCipher cipher;
    private final RecordMac mac;
    private final byte[] expected;
    private final String name;

    private StreamProtection(StreamCipher cipher, RecordMac mac) {
        this.cipher = cipher;
        this.mac = mac;
        this.expected = new byte[mac.length()];
        this.name = (cipher == null ? "NULL" : cipher.algorithm()) + " " + mac.algorithm();
    }

    /** A stream cipher (RC4) with a MAC. */
    public static StreamProtection create(StreamCipher cipher, RecordMac mac) {
        if (cipher == null) {
            throw new IllegalArgumentException("no stream cipher: use macOnly for the NULL suites");
        }
        return new StreamProtection(cipher, mac);
    }

    /** NULL encryption with a MAC: the NULL cipher suites. */
    public static StreamProtection macOnly(RecordMac mac) {
        return new StreamProtection(null, mac);
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
    public int sealedLength(ContentType type, int len) {
        return len + mac.length();
    }

    @Override
    public int seal(ContentType type, ProtocolVersion version, long seq, byte[] in, int inOff, int len,
            byte[] out, int outOff) {
        int body = outOff + RecordHeader.LENGTH;
        System.arraycopy(in, inOff, out, body, len);
        mac.compute(seq, type.code, version.code, out, body, len, out, body + len);
        int n = len + mac.length();
        if (cipher != null) {
            cipher.process(out, body, n, out, body);
        }
        RecordHeader.write(out, outOff, type.code, version.code, n);
        return RecordHeader.LENGTH + n;
    }

    @Override
    public void open(long seq, Record rec) throws TlsAlert {
        byte[] buf = rec.array();
        int off = rec.offset();
        int len = rec.length();
        int macLen = mac.length();
        if (len < macLen) { // public length
            throw new TlsAlert(AlertDescription.BAD_RECORD_MAC, "record shorter than its MAC");
        }
        if (cipher != null) {
            cipher.process(buf, off, len, buf, off);
        }
        int contentLen = len - macLen;
        mac.compute(seq, rec.typeCode(), rec.versionCode(), buf, off, contentLen, expected, 0);
        if (ConstantTime.equals(expected, 0, buf, off + contentLen, macLen) == 0) {
            Arrays.fill(buf, off, off + len, (byte) 0);
            throw new TlsAlert(AlertDescription.BAD_RECORD_MAC, "record MAC does not verify");
        }
        rec.setPlaintext(rec.typeCode(), off, contentLen);
    }

    @Override
    public void destroy() {
        if (cipher != null) {
            cipher.destroy();
        }
        mac.destroy();
        ConstantTime.zero(expected);
    }
}
