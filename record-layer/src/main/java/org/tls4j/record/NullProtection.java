package org.tls4j.record;

/**
 * No protection: records before the first key change (RFC 5246, Section 6.1: TLS_NULL_WITH_NULL_NULL;
 * RFC 8446, Section 5.1). The NULL cipher suites with a MAC ({@code TLS_RSA_WITH_NULL_SHA}) are
 * {@link StreamProtection#macOnly}, not this class.
 */
public final class NullProtection implements RecordProtection {
    /** The one instance: it holds no key. */
    public static final NullProtection INSTANCE = new NullProtection();

    private NullProtection() {}

    @Override
    public String name() {
        return "NULL";
    }

    @Override
    public int maxCiphertextLength() {
        return RecordHeader.MAX_PLAINTEXT;
    }

    @Override
    public int sealedLength(ContentType type, int len) {
        return len;
    }

    @Override
    public int seal(ContentType type, ProtocolVersion version, long seq, byte[] in, int inOff, int len,
            byte[] out, int outOff) {
        System.arraycopy(in, inOff, out, outOff + RecordHeader.LENGTH, len);
        RecordHeader.write(out, outOff, type.code, version.code, len);
        return RecordHeader.LENGTH + len;
    }

    @Override
    public void open(long seq, Record rec) {
        // Nothing to remove: the fragment is the plaintext.
    }

    @Override
    public void destroy() {
        // No key.
    }
}
