package org.tls4j.record;

/**
 * The sending direction of a connection: the current protection, the protection waiting for our
 * ChangeCipherSpec, the 64-bit sequence number, the record version to write, the peer's record size
 * limit, and per-key counters that tell the handshake when to send a KeyUpdate.
 *
 * <p>Key changes work as in {@link ReadState}: {@link #setPending} then {@link #changeCipherSpec} right
 * after our ChangeCipherSpec record is written (SSL 3.0 to TLS 1.2), or {@link #setProtection} (TLS 1.3).
 * The sequence number and counters restart at zero; the old keys are destroyed.
 *
 * <p>{@link #seal} writes one record; {@link Fragmenter} splits longer data.
 *
 * <p>Not thread-safe: one connection direction, one thread at a time.
 */
public final class WriteState {
    /**
     * The share of an AEAD key's record limit after which {@link #keyUpdateDue()} says yes: at 7/8 of
     * the limit, leaving room for the records sent while the KeyUpdate is under way.
     */
    private static final int LIMIT_NUMERATOR = 7;
    private static final int LIMIT_DENOMINATOR = 8;

    private RecordProtection current = NullProtection.INSTANCE;
    private RecordProtection pending;
    private ProtocolVersion version = ProtocolVersion.TLS10;
    private int maxPlaintext = RecordHeader.MAX_PLAINTEXT;
    private long seq;
    private long records;
    private long bytes;
    private long recordCap = Long.MAX_VALUE;

    /**
     * The version written in record headers: 0x0301 for a first ClientHello, 0x0303 for TLS 1.3 and once
     * TLS 1.2 is negotiated (RFC 8446, Section 5.1), the negotiated version for SSL 3.0 to TLS 1.1.
     */
    public void setVersion(ProtocolVersion v) {
        version = v;
    }

    public ProtocolVersion version() {
        return version;
    }

    /**
     * Applies the peer's record_size_limit (RFC 8449, Section 4): at most {@code limit} bytes of
     * TLSPlaintext.fragment per record; in TLS 1.3 the limit counts the inner content type and padding,
     * so content gets one byte less. Values below 64 are invalid (the handshake reports them).
     */
    public void setRecordSizeLimit(int limit, boolean tls13) {
        if (limit < 64) {
            throw new IllegalArgumentException("record_size_limit below 64: " + limit);
        }
        int content = tls13 ? limit - 1 : limit;
        maxPlaintext = Math.min(RecordHeader.MAX_PLAINTEXT, content);
        current.setMaxPlaintext(maxPlaintext);
        if (pending != null) {
            pending.setMaxPlaintext(maxPlaintext);
        }
    }

    /** The most content bytes one record carries now. */
    public int maxFragmentLength() {
        return maxPlaintext;
    }

    public void setPending(RecordProtection next) {
        if (pending != null && pending != next) {
            pending.destroy();
        }
        next.setMaxPlaintext(maxPlaintext);
        pending = next;
    }

    public boolean hasPending() {
        return pending != null;
    }

    /** Our ChangeCipherSpec has been written: switch to the pending protection. */
    public void changeCipherSpec() throws TlsAlert {
        if (pending == null) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "ChangeCipherSpec sent with no keys pending");
        }
        RecordProtection next = pending;
        pending = null;
        install(next);
    }

    /** Switches to {@code next} now (TLS 1.3 key changes, KeyUpdate). */
    public void setProtection(RecordProtection next) {
        if (pending != null) {
            pending.destroy();
            pending = null;
        }
        next.setMaxPlaintext(maxPlaintext);
        install(next);
    }

    private void install(RecordProtection next) {
        if (current != next) {
            current.destroy();
        }
        current = next;
        seq = 0;
        records = 0;
        bytes = 0;
    }

    public RecordProtection protection() {
        return current;
    }

    /** The sequence number the next record will be sealed with. */
    public long sequenceNumber() {
        return seq;
    }

    /** Records sealed under the current key. */
    public long recordsSealed() {
        return records;
    }

    /** Plaintext bytes sealed under the current key. */
    public long bytesSealed() {
        return bytes;
    }

    /**
     * True once 7/8 of the current key's record limit is used (RFC 8446, Section 5.5): the TLS 1.3
     * handshake then sends a KeyUpdate; earlier versions renegotiate or close.
     */
    public boolean keyUpdateDue() {
        long limit = Math.min(current.recordLimit(), recordCap);
        return limit != Long.MAX_VALUE && records >= threshold(limit);
    }

    /**
     * 7/8 of {@code limit}, keeping at least one record of the limit free for the KeyUpdate itself and
     * at least one record per key (matters only for the tiny limits tests set).
     */
    static long threshold(long limit) {
        return Math.max(1, limit - Math.max(1, limit / LIMIT_DENOMINATOR * (LIMIT_DENOMINATOR - LIMIT_NUMERATOR)));
    }

    /**
     * Lowers the per-key record limit below the AEAD's own (RFC 8446, Section 5.5) to {@code max}
     * records, for every key from now on; {@link Long#MAX_VALUE} restores the AEAD's limit. Tests use a
     * tiny value to exercise the automatic KeyUpdate; an application may use it to change keys more
     * often than the AEAD requires.
     */
    public void capRecordsPerKey(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("record cap " + max);
        }
        recordCap = max;
    }

    /** The number of bytes {@link #seal} writes for {@code len} content bytes (header included). */
    public int sealedRecordLength(ContentType type, int len) {
        return RecordHeader.LENGTH + current.sealedLength(type, len);
    }

    /**
     * Protects one record of at most {@link #maxFragmentLength()} bytes and writes it, header included, at
     * {@code out[outOff]}; {@code out} must have {@link #sealedRecordLength} bytes free there.
     *
     * @return the number of bytes written
     * @throws TlsAlert internal_error when the fragment is too long, an empty non-application-data
     *     record is asked for, or the sequence number would wrap
     */
    public int seal(ContentType type, byte[] in, int off, int len, byte[] out, int outOff) throws TlsAlert {
        if (len > maxPlaintext) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR,
                    "fragment of " + len + " bytes exceeds the limit of " + maxPlaintext);
        }
        if (len == 0 && !type.equals(ContentType.APPLICATION_DATA)) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR,
                    "empty " + type + " record: RFC 5246, Section 6.2.1 forbids it");
        }
        if (seq == -1L) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR,
                    "write sequence number exhausted: keys must change before 2^64-1 records");
        }
        int n = current.seal(type, version, seq, in, off, len, out, outOff);
        seq++;
        records++;
        bytes += len;
        return n;
    }

    /** Destroys the current and pending keys. */
    public void destroy() {
        current.destroy();
        current = NullProtection.INSTANCE;
        if (pending != null) {
            pending.destroy();
            pending = null;
        }
    }

    /** Test hook: sets the sequence number, to exercise the refusal to wrap. */
    void setSequenceNumberForTest(long s) {
        seq = s;
    }

    /** Test hook: sets the per-key record counter, to exercise the KeyUpdate trigger. */
    void setRecordsSealedForTest(long r) {
        records = r;
    }
}
