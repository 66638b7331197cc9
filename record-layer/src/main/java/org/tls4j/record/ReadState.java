package org.tls4j.record;

/**
 * The receiving direction of a connection: the current protection, the protection waiting for a
 * ChangeCipherSpec, the 64-bit sequence number, and per-key counters.
 *
 * <p>Key changes:
 * <ul>
 * <li>SSL 3.0 to TLS 1.2: the handshake calls {@link #setPending} with the new keys; the
 *     ChangeCipherSpec record switches to them ({@link #changeCipherSpec}, RFC 5246, Section 7.1).</li>
 * <li>TLS 1.3: {@link #setProtection} switches at once (RFC 8446, Section 7.2, and KeyUpdate).</li>
 * </ul>
 * Either way the sequence number and the counters start again at zero (RFC 5246, Section 6.1; RFC 8446,
 * Section 5.3), and the old protection's keys are destroyed.
 *
 * <p>Sequence numbers never wrap: the value 2^64−1 is never used, and a record that would need it
 * is refused (RFC 5246, Section 6.1: "Sequence numbers ... MUST NOT wrap").
 *
 * <p>Not thread-safe: one connection direction, one thread at a time.
 */
public final class ReadState {
    private RecordProtection current = NullProtection.INSTANCE;
    private RecordProtection pending;
    private long seq;
    private long records;
    private long bytes;
    private long recordCap = Long.MAX_VALUE;
    private int receiveLimit = RecordHeader.MAX_PLAINTEXT + 1;
    private ProtocolVersion expectedVersion;

    /**
     * Once a version is negotiated (SSL 3.0 to TLS 1.2), records must carry it in their header: a
     * record with another version gives decode_error. This matters for SSL 3.0, whose MAC does not
     * cover the version (RFC 6101, Section 5.2.3.1); TLS 1.0-1.2 MAC it anyway. TLS 1.3 leaves it
     * unset, as RFC 8446, Section 5.1 says to ignore legacy_record_version (its AEAD covers it).
     * {@code null} accepts any version (before negotiation).
     */
    public void setExpectedVersion(ProtocolVersion v) {
        expectedVersion = v;
    }

    /** Arms {@code next} to take effect at the peer's ChangeCipherSpec (SSL 3.0 to TLS 1.2). */
    public void setPending(RecordProtection next) {
        if (pending != null && pending != next) {
            pending.destroy();
        }
        pending = next;
    }

    /** True when a ChangeCipherSpec would switch keys now. */
    public boolean hasPending() {
        return pending != null;
    }

    /**
     * The peer's ChangeCipherSpec arrived: switch to the pending protection.
     *
     * @throws TlsAlert unexpected_message when no keys are pending (RFC 5246, Section 7.1)
     */
    public void changeCipherSpec() throws TlsAlert {
        if (pending == null) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                    "ChangeCipherSpec received before the handshake had new keys to switch to");
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
        install(next);
    }

    private void install(RecordProtection next) {
        if (current != next) {
            current.destroy();
        }
        next.setReceiveLimit(receiveLimit);
        current = next;
        seq = 0;
        records = 0;
        bytes = 0;
    }

    public RecordProtection protection() {
        return current;
    }

    /** The sequence number the next protected record will be opened with. */
    public long sequenceNumber() {
        return seq;
    }

    /** Records opened under the current key. */
    public long recordsOpened() {
        return records;
    }

    /** Plaintext bytes opened under the current key. */
    public long bytesOpened() {
        return bytes;
    }

    /**
     * True once the peer has used 7/8 of the current read key's record limit (RFC 8446, Section 5.5, or
     * the cap of {@link #capRecordsPerKey}). The limit binds the sender; RFC 8446 names no alert for a
     * peer that ignores it, so the TLS 1.3 engine answers by asking the peer for a KeyUpdate
     * (update_requested, Section 4.6.3) rather than by closing.
     */
    public boolean peerKeyUpdateWanted() {
        long limit = Math.min(current.recordLimit(), recordCap);
        return limit != Long.MAX_VALUE && records >= WriteState.threshold(limit);
    }

    /** As {@link WriteState#capRecordsPerKey}, for the records the peer sends under one key. */
    public void capRecordsPerKey(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("record cap " + max);
        }
        recordCap = max;
    }

    /**
     * The record_size_limit we advertised and the peer accepted (RFC 8449, Section 4): from now on a
     * protected record whose plaintext (in TLS 1.3 the TLSInnerPlaintext: content, type and padding) is
     * longer gives record_overflow. "A TLS endpoint that receives a record larger than its advertised
     * limit MUST generate a fatal "record_overflow" alert".
     */
    public void setRecordSizeLimit(int limit) {
        if (limit < 64) {
            throw new IllegalArgumentException("record_size_limit below 64: " + limit);
        }
        receiveLimit = limit;
        current.setReceiveLimit(limit);
        if (pending != null) {
            pending.setReceiveLimit(limit);
        }
    }

    /** The longest fragment accepted now (record_overflow beyond it). */
    public int maxCiphertextLength() {
        return current.maxCiphertextLength();
    }

    /**
     * Opens one record in place and applies the post-decryption checks of RFC 8446, Section 5.1-5.4 and
     * RFC 5246, Section 6.2: the plaintext is at most 2^14 bytes (record_overflow), and only
     * application data may be empty (unexpected_message).
     */
    public void open(Record rec) throws TlsAlert {
        if (current.isTls13() && rec.typeCode() == ContentType.CHANGE_CIPHER_SPEC.code) {
            // RFC 8446, Section 5: change_cipher_spec is never protected in TLS 1.3 and uses no
            // sequence number; the caller checks it is the single byte 0x01 and drops it.
            return;
        }
        if (expectedVersion != null && rec.versionCode() != expectedVersion.code) {
            throw new TlsAlert(AlertDescription.DECODE_ERROR, "record version " + rec.version()
                    + " differs from the negotiated " + expectedVersion);
        }
        if (seq == -1L) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR,
                    "read sequence number exhausted: the peer had to change keys before 2^64-1 records");
        }
        current.open(seq, rec);
        seq++;
        records++;
        bytes += rec.length();
        if (rec.length() > RecordHeader.MAX_PLAINTEXT) {
            throw new TlsAlert(AlertDescription.RECORD_OVERFLOW,
                    "plaintext of " + rec.length() + " bytes exceeds 2^14 (RFC 8446, Section 5.2)");
        }
        if (rec.length() == 0 && rec.typeCode() != ContentType.APPLICATION_DATA.code) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE, "empty " + rec.type()
                    + " record: only application data may be empty (RFC 5246, Section 6.2.1; RFC 8446, Section 5.4)");
        }
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
}
