package org.tls4j;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.HandshakeDriver;
import org.tls4j.handshake.tls12.ClientSessions12;
import org.tls4j.handshake.tls12.Renegotiation;
import org.tls4j.handshake.tls12.Tls12Config;
import org.tls4j.handshake.tls12.VersionNegotiation;
import org.tls4j.handshake.tls13.HandshakeConfig;
import org.tls4j.handshake.tls13.HandshakeOutput;
import org.tls4j.handshake.tls13.HandshakeSummary;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.AlertLevel;
import org.tls4j.record.ContentType;
import org.tls4j.record.Deframer;
import org.tls4j.record.Fragmenter;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.ReadState;
import org.tls4j.record.Record;
import org.tls4j.record.RecordHeader;
import org.tls4j.record.TlsAlert;
import org.tls4j.record.WriteState;

/**
 * One TLS connection, without I/O and without threads: you move bytes between this engine and the
 * network yourself. {@link #wrap} turns application bytes into records for the network (and emits the
 * handshake's own records); {@link #unwrap} turns records from the network into application bytes (and
 * feeds the handshake). Each call returns a {@link TlsResult} that says what the handshake needs next.
 * TLS 1.3 (RFC 8446) and TLS 1.2 (RFC 5246) are on by default; TLS 1.1 and 1.0 (deprecated, RFC 8996)
 * can be enabled in {@link TlsConfig}. The client offers its whole range in one ClientHello, the server
 * picks the highest common version ({@code VersionNegotiation}), and everything after that runs in the
 * machine of that version.
 *
 * <p>Differences from {@code javax.net.ssl.SSLEngine}, to make misuse harder: the handshake starts by
 * itself (no {@code beginHandshake}); there are no delegated tasks; application data is refused until
 * the handshake is complete (wrap then consumes nothing and says NEED_UNWRAP or NEED_WRAP); a failure
 * throws a {@link TlsException} naming the alert, the alert record is produced by the next
 * {@link #wrap}, the keys are destroyed at once, and the engine stays closed. TLS 1.0-1.2 renegotiation
 * is refused by default (a HelloRequest or a renegotiating ClientHello gets a no_renegotiation warning);
 * with {@link TlsConfig.Builder#renegotiation} set to accept it, either side may start one
 * ({@link #renegotiate()}); application data is delivered while it runs, and ours is sent after it.
 *
 * <p>Inside, one call flows like this (names are the real classes):
 * <pre>
 * unwrap: src → Deframer (+ ReadState: Aead13Protection / Aead12Protection / TlsCbcProtection .open)
 *           → record type?
 *           handshake        → VersionNegotiation (server: reads the ClientHello, picks the version)
 *                              → Tls13Handshake → Tls13Messages.parse → Tls13Client/Tls13Server states
 *                              | Tls12Handshake → Tls12Messages.parse → Tls12Client/Tls12Server states
 *                              → HandshakeOutputs
 *           change_cipher_spec → TLS 1.3: checked and dropped; TLS 1.0-1.2: the state switches the
 *                              read protection (READ_PROTECTION output)
 *           alert            → close_notify: inbound closed; others: TlsException
 *           application_data → dst
 * HandshakeOutputs, in order: HANDSHAKE bytes → Fragmenter (+ WriteState: seal) → pending network bytes;
 *           CHANGE_CIPHER_SPEC → the TLS 1.3 dummy record, or a real TLS 1.0-1.2 record followed by
 *           WRITE_PROTECTION; READ_KEYS/WRITE_KEYS → TrafficSecret.protection() installed (TLS 1.3);
 *           READ_PROTECTION/WRITE_PROTECTION → Protections12 objects installed (TLS 1.0-1.2);
 *           VERSION → record versions (RFC 5246, Appendix E.1); WARNING_ALERT → an alert record;
 *           COMPLETE → session()
 * wrap:   pending network bytes → dst; then application data → Fragmenter (1/n−1 splitting for TLS 1.0
 *           CBC, against BEAST) → dst
 * </pre>
 *
 * <p>Record versions: the first ClientHello record carries 0x0301 and later ones 0x0303 (RFC 8446,
 * Section 5.1); once TLS 1.0-1.2 is negotiated, records are written with that version and must arrive
 * with it.
 *
 * <p>A complete client and server, with the two engines talking in memory (the same loop works with
 * a SocketChannel in place of the buffers {@code c2s}/{@code s2c}):
 * <pre>{@code
 * TlsConfig serverConfig = TlsConfig.builder().certificate(chainPem, keyPem).alpnProtocols("h2").build();
 * TlsConfig clientConfig = TlsConfig.builder().trustAnchors(roots).serverName("example.com")
 *         .alpnProtocols("h2", "http/1.1").build();
 * TlsEngine client = TlsEngine.client(clientConfig);
 * TlsEngine server = TlsEngine.server(serverConfig);
 * ByteBuffer c2s = ByteBuffer.allocate(client.packetBufferSize());  // "network", client to server
 * ByteBuffer s2c = ByteBuffer.allocate(server.packetBufferSize());  // "network", server to client
 * ByteBuffer empty = ByteBuffer.allocate(0);
 * ByteBuffer app = ByteBuffer.allocate(client.applicationBufferSize());
 * while (client.handshakeStatus() != TlsResult.HandshakeStatus.NOT_HANDSHAKING
 *         || server.handshakeStatus() != TlsResult.HandshakeStatus.NOT_HANDSHAKING) {
 *     client.wrap(empty, c2s);                     // client → network
 *     c2s.flip(); server.unwrap(c2s, app); c2s.compact();
 *     server.wrap(empty, s2c);                     // server → network
 *     s2c.flip(); client.unwrap(s2c, app); s2c.compact();
 * }
 * System.out.println(client.session());            // TLSv1.3 TLS_AES_128_GCM_SHA256 x25519 ... alpn=h2
 *                                                  // (TLSv1.2 TLS_ECDHE_... with a TLS 1.2-only peer)
 * client.wrap(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)), c2s);
 * c2s.flip(); app.clear(); server.unwrap(c2s, app); c2s.compact();
 * app.flip();                                      // "hello"
 * client.closeOutbound(); client.wrap(empty, c2s); // close_notify
 * c2s.flip(); server.unwrap(c2s, app);             // status CLOSED: the client will send no more
 * }</pre>
 * Each call throws {@link TlsException} on failure; then call {@link #wrap} once more to get the alert
 * record and send it before closing the transport.
 *
 * <p>Not thread-safe: use one engine from one thread at a time (wrap and unwrap from different threads
 * need external locking).
 */
public final class TlsEngine {
    private final boolean client;
    private final HandshakeDriver hs;
    /** The negotiated version once it is TLS 1.0-1.2 (they change keys at ChangeCipherSpec); else null. */
    private ProtocolVersion legacyVersion;
    private final Deframer deframer = new Deframer();
    private final ReadState readState = new ReadState();
    private final WriteState writeState = new WriteState();
    private final Fragmenter fragmenter = new Fragmenter(writeState);
    private final Record record = new Record();
    /** Opens nothing: for the unprotected alert of {@link #plaintextAlertAllowed()}. */
    private final ReadState plainAlertState = new ReadState();
    /** The content type byte of the record being buffered (the engine feeds one record at a time). */
    private int nextRecordType = -1;

    /** Network bytes waiting for wrap: the handshake's records, alerts. */
    private byte[] outNet = new byte[4096];
    private int outStart;
    private int outEnd;
    /** Plaintext of an application data record not yet delivered by unwrap. */
    private final byte[] appIn = new byte[RecordHeader.MAX_PLAINTEXT];
    private int appStart;
    private int appEnd;

    private int readEpochs;
    /** Server: one record of possible early data being collected before the skip decision. */
    private byte[] earlyRecord;
    private int earlyLen;
    private int earlySkipped;
    /** The read epoch for which we already sent update_requested (see {@link #askForPeerKeyUpdate}). */
    private int peerUpdateAskedAt = -1;
    private boolean firstFlightQueued;
    private HandshakeSummary summary;
    private boolean finishedReported;
    private TlsException failure;
    private boolean outboundClosed;
    private boolean inboundClosed;
    /** The versions this engine enables, highest first (TlsSocket names them when versions do not match). */
    private final List<ProtocolVersion> enabledVersions;

    private TlsEngine(TlsConfig config, boolean client) {
        this(config.handshakeConfig(), config.tls12Config(), client);
    }

    private TlsEngine(TlsConfig config, String peerHost, int peerPort) {
        this(config.handshakeConfig(peerHost, peerPort), config.tls12Config(), true,
                config.sessionCache() == null ? null : config.sessionCache().forPeer12(peerHost, peerPort));
    }

    /**
     * An engine over a handshake configuration, TLS 1.3 only (tests use it for hooks the public config
     * does not offer).
     */
    TlsEngine(HandshakeConfig handshakeConfig, boolean client) {
        this(handshakeConfig, Tls12Config.tls13Only(), client);
    }

    /** An engine over both handshake configurations (the TLS 1.3 one carries the client's older-versions offer). */
    TlsEngine(HandshakeConfig handshakeConfig, Tls12Config tls12Config, boolean client) {
        this(handshakeConfig, tls12Config, client, null);
    }

    /** As above; a client keeps and offers TLS 1.0-1.2 sessions in {@code sessions12} (null: none). */
    TlsEngine(HandshakeConfig handshakeConfig, Tls12Config tls12Config, boolean client, ClientSessions12 sessions12) {
        this.client = client;
        List<ProtocolVersion> enabled = new ArrayList<ProtocolVersion>();
        if (tls12Config.tls13()) {
            enabled.add(ProtocolVersion.TLS13);
        }
        enabled.addAll(tls12Config.versions());
        this.enabledVersions = Collections.unmodifiableList(enabled);
        // RFC 8446, Section 5.1 and RFC 5246, Appendix E.1: 0x0301 for the first ClientHello record.
        writeState.setVersion(client ? ProtocolVersion.TLS10 : ProtocolVersion.TLS12);
        HandshakeDriver h;
        try {
            h = client ? VersionNegotiation.client(handshakeConfig, tls12Config, sessions12)
                    : VersionNegotiation.server(handshakeConfig, tls12Config);
        } catch (TlsAlert a) {
            throw new IllegalStateException("cannot start the handshake: " + a.getMessage(), a);
        }
        this.hs = h;
        try {
            applyOutputs();
        } catch (TlsAlert a) {
            fail(a);
        }
    }

    /**
     * A client engine; its ClientHello is ready for the first {@link #wrap}.
     *
     * @throws IllegalStateException when the handshake cannot start, e.g. a client that verifies host
     *     names was given no {@link TlsConfig.Builder#serverName server name}
     */
    public static TlsEngine client(TlsConfig config) {
        return new TlsEngine(config, true);
    }

    /**
     * A client engine for a connection to {@code peerHost:peerPort}: it offers a ticket from the
     * config's {@link TlsConfig#sessionCache() session cache} kept under that server name and port
     * (RFC 8446, Section 2.2), or a TLS 1.0-1.2 session (by session ID or RFC 5077 ticket), and keeps
     * the tickets and sessions this connection receives there. {@link TlsSocket}
     * and {@link Transport} call it with the server name (or host) and port they connect to; an
     * in-memory engine names its peer here. {@link #client(TlsConfig)} does not resume.
     */
    public static TlsEngine client(TlsConfig config, String peerHost, int peerPort) {
        if (peerHost == null) {
            throw new IllegalArgumentException("peer host is null (use client(config) for no resumption)");
        }
        SessionCache.key(peerHost, peerPort); // validates
        return new TlsEngine(config, peerHost, peerPort);
    }

    /** A server engine, waiting for a ClientHello in {@link #unwrap}. */
    public static TlsEngine server(TlsConfig config) {
        return new TlsEngine(config, false);
    }

    /** The versions this engine enables, highest first. */
    List<ProtocolVersion> enabledVersions() {
        return enabledVersions;
    }

    /** True for a client engine. */
    public boolean isClient() {
        return client;
    }

    /**
     * Produces network bytes into {@code dst}: first whatever the handshake or a close has queued, then,
     * once the handshake is complete, {@code src} as application data records.
     *
     * @return OK; BUFFER_OVERFLOW when {@code dst} cannot take the next record; CLOSED once the outbound
     *     side is closed (close_notify or an alert sent) and nothing is left to produce
     * @throws TlsException the connection has failed (the result of a previous call)
     */
    public TlsResult wrap(ByteBuffer src, ByteBuffer dst) throws TlsException {
        int produced = drainNet(dst);
        if (pending() > 0) {
            return result(produced == 0 ? TlsResult.Status.BUFFER_OVERFLOW : TlsResult.Status.OK, 0, produced);
        }
        if (failure != null || outboundClosed) {
            destroyIfDone();
            return result(TlsResult.Status.CLOSED, 0, produced);
        }
        if (!hs.isComplete()) {
            // Also while a TLS 1.0-1.2 renegotiation runs: RFC 5246 lets data interleave until the
            // ChangeCipherSpec, but OpenSSL refuses application data in the middle of its handshake
            // (unexpected_message), so ours waits in src until the new keys are in place. What the peer
            // sends meanwhile is still accepted (unwrap).
            return result(TlsResult.Status.OK, 0, produced);
        }
        int consumed = 0;
        try {
            while (true) {
                // RFC 8446, Section 4.6.3: the answer to the peer's update_requested goes before our next
                // record; Section 5.5: a new write key before the current one reaches its limit.
                // (TLS 1.0-1.2 have no KeyUpdate: legacyVersion set.)
                if (legacyVersion == null && (hs.keyUpdateOwed() || (src.hasRemaining() && writeState.keyUpdateDue()))) {
                    hs.keyUpdate(false);
                    applyOutputs();
                    produced += drainNet(dst);
                    if (pending() > 0) {
                        break;
                    }
                }
                if (!src.hasRemaining()) {
                    break;
                }
                int before = dst.position();
                int n = fragmenter.write(ContentType.APPLICATION_DATA, src, dst);
                consumed += n;
                produced += dst.position() - before;
                if (n == 0 || legacyVersion != null || !writeState.keyUpdateDue()) {
                    break; // dst is full, or src is done
                }
            }
        } catch (TlsAlert a) {
            throw fail(a);
        } catch (RuntimeException e) {
            throw fail(new TlsAlert(AlertDescription.INTERNAL_ERROR, "internal error: " + e, e));
        }
        boolean overflow = src.hasRemaining() && consumed == 0 || pending() > 0 && produced == 0;
        return result(overflow ? TlsResult.Status.BUFFER_OVERFLOW : TlsResult.Status.OK, consumed, produced);
    }

    /**
     * Consumes network bytes from {@code src}, runs the handshake, and delivers application data into
     * {@code dst}, record after record while {@code dst} has room. Bytes of an incomplete record are taken
     * and kept inside (they count in bytesConsumed; the call then reports BUFFER_UNDERFLOW if it could do
     * nothing else); bytes after the last record processed stay in {@code src}, so "src has remaining
     * bytes" always means "call unwrap again".
     *
     * @return OK; BUFFER_UNDERFLOW when no whole record is available; BUFFER_OVERFLOW when application
     *     data is waiting and {@code dst} is full; CLOSED once the peer's close_notify arrived
     * @throws TlsException the connection failed now or earlier (an alert to send or one received)
     */
    public TlsResult unwrap(ByteBuffer src, ByteBuffer dst) throws TlsException {
        if (failure != null) {
            throw failure;
        }
        int produced = drainApp(dst);
        if (appEnd > appStart) {
            return result(produced == 0 ? TlsResult.Status.BUFFER_OVERFLOW : TlsResult.Status.OK, 0, produced);
        }
        if (inboundClosed) {
            return result(TlsResult.Status.CLOSED, 0, produced);
        }
        int consumed = 0;
        boolean progress = false;
        try {
            while (!inboundClosed) {
                produced += drainApp(dst);
                if (appEnd > appStart) {
                    break; // dst is full; the rest of src stays there for the next call
                }
                if (!client && hs.skippingEarlyData() && deframer.buffered() == 0) {
                    int n = collectEarly(src);
                    consumed += n;
                    if (earlyLen > 0 && !earlyRecordComplete()) {
                        break; // wait for the rest of the record
                    }
                    if (earlyLen > 0) {
                        progress = true;
                        decideEarly();
                        continue;
                    }
                    if (n == 0) {
                        break;
                    }
                }
                long seqBefore = readState.sequenceNumber();
                if (deframer.next(plaintextAlertAllowed() ? plainAlertState : readState, record)) {
                    progress = true;
                    boolean wasProtected = readState.protection().isTls13() && readState.sequenceNumber() != seqBefore;
                    handleRecord(wasProtected);
                    askForPeerKeyUpdate();
                    if (hs.isComplete() && hs.keyUpdateOwed()) {
                        // Return now, so the caller can send the answer (NEED_WRAP) before the next
                        // record: each update_requested a driver reads then gets its own KeyUpdate,
                        // whatever the TCP segmentation (a caller that keeps unwrapping coalesces them).
                        break;
                    }
                    continue;
                }
                // Feed only what the next record needs, so bytes beyond it stay in src (nothing hides
                // inside the engine when dst fills up). next() has already checked a complete header.
                int want = deframer.wanted();
                if (want == 0 || !src.hasRemaining()) {
                    break;
                }
                int take = Math.min(want, src.remaining());
                if (deframer.buffered() == 0) {
                    nextRecordType = src.get(src.position()) & 0xff;
                }
                int n;
                if (src.hasArray()) {
                    // A heap buffer: copy from its array, without a duplicate() per read (steady-state
                    // records then allocate nothing here).
                    n = deframer.feed(src.array(), src.arrayOffset() + src.position(), take);
                } else {
                    ByteBuffer part = src.duplicate();
                    part.limit(src.position() + take);
                    n = deframer.feed(part);
                }
                if (n == 0) {
                    break;
                }
                src.position(src.position() + n);
                consumed += n;
            }
        } catch (TlsAlert a) {
            throw fail(a);
        } catch (RuntimeException e) {
            throw fail(new TlsAlert(AlertDescription.INTERNAL_ERROR, "internal error: " + e, e));
        }
        produced += drainApp(dst);
        if (inboundClosed) {
            return result(TlsResult.Status.CLOSED, consumed, produced);
        }
        if (!progress) {
            return result(TlsResult.Status.BUFFER_UNDERFLOW, consumed, produced);
        }
        return result(TlsResult.Status.OK, consumed, produced);
    }

    /** Takes bytes of the next record from {@code src} into {@link #earlyRecord}, up to its end. */
    private int collectEarly(ByteBuffer src) {
        if (earlyRecord == null) {
            earlyRecord = new byte[RecordHeader.LENGTH + RecordHeader.MAX_CIPHERTEXT_TLS13];
        }
        int want = earlyLen < RecordHeader.LENGTH ? RecordHeader.LENGTH - earlyLen : earlyTotal() - earlyLen;
        int n = Math.max(0, Math.min(want, src.remaining()));
        src.get(earlyRecord, earlyLen, n);
        earlyLen += n;
        if (earlyLen == RecordHeader.LENGTH && n > 0 && earlyTotal() > earlyLen) {
            return n + collectEarly(src);
        }
        return n;
    }

    /** The collected record's whole size (header and fragment), capped at the buffer. */
    private int earlyTotal() {
        int len = ((earlyRecord[3] & 0xff) << 8) | (earlyRecord[4] & 0xff);
        return Math.min(RecordHeader.LENGTH + len, earlyRecord.length);
    }

    private boolean earlyRecordComplete() {
        return earlyLen >= RecordHeader.LENGTH && earlyLen == earlyTotal();
    }

    /**
     * RFC 8446, Section 4.2.10: a server that refuses 0-RTT "skips past early data by attempting to
     * deprotect received records using the handshake traffic key, discarding records which fail
     * deprotection (up to the configured max_early_data_size). Once a record is deprotected
     * successfully, it is treated as the start of the client's second flight"; after a
     * HelloRetryRequest it "skip[s] all records with an external content type of "application_data"
     * ... until it receives the second ClientHello". A record that is skipped is dropped here; any
     * other goes to the {@link Deframer} as usual (a record over the skip budget therefore fails there
     * with bad_record_mac).
     */
    private void decideEarly() throws TlsAlert {
        int type = earlyRecord[0] & 0xff;
        int len = earlyLen - RecordHeader.LENGTH;
        boolean skip = false;
        if (type == ContentType.APPLICATION_DATA.code) {
            skip = readEpochs == 0 || !decrypts(len);
        }
        if (skip && earlySkipped + len <= hs.maxEarlyDataSkip()) {
            earlySkipped += len;
            earlyLen = 0;
            return;
        }
        if (type == ContentType.APPLICATION_DATA.code && !skip) {
            hs.endEarlyDataSkip();
        }
        nextRecordType = type;
        deframer.feed(ByteBuffer.wrap(earlyRecord, 0, earlyLen));
        earlyLen = 0;
    }

    /** Trial decryption of the collected record with the current read keys, on a copy. */
    private boolean decrypts(int len) {
        byte[] copy = Arrays.copyOfRange(earlyRecord, RecordHeader.LENGTH, earlyLen);
        Record r = new Record().set(earlyRecord[0] & 0xff, ((earlyRecord[1] & 0xff) << 8) | (earlyRecord[2] & 0xff),
                copy, 0, len);
        try {
            readState.protection().open(readState.sequenceNumber(), r);
            return true;
        } catch (TlsAlert a) {
            return false;
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    /**
     * RFC 8446, Section 5.5 binds the sender ("Implementations SHOULD NOT attempt to encrypt more than
     * ..."), and names no alert for a peer that goes on past the limit. So when the peer has used 7/8 of
     * its key's limit, we send a KeyUpdate with update_requested (Section 4.6.3), once per read key; the
     * peer's answer switches the read key and the counter starts again. We never close for it.
     */
    private void askForPeerKeyUpdate() throws TlsAlert {
        if (summary != null && !outboundClosed && peerUpdateAskedAt != readEpochs && readState.peerKeyUpdateWanted()) {
            peerUpdateAskedAt = readEpochs;
            hs.keyUpdate(true);
            applyOutputs();
        }
    }

    /**
     * Test hook (package-private, not an API): lowers the records allowed under one key in both
     * directions to {@code max}, so the automatic KeyUpdate of RFC 8446, Section 5.5 happens after a few
     * records instead of about 2^24.5 (AES-GCM).
     */
    void capRecordsPerKeyForTest(long max) {
        writeState.capRecordsPerKey(max);
        readState.capRecordsPerKey(max);
    }

    /**
     * True when the buffered record is an alert with the plaintext outer type while the peer's handshake
     * keys are in use. A peer that fails on our flight before switching its own write keys sends its
     * alert unprotected (OpenSSL 3.0 does, e.g. for a certificate it refuses); RFC 8446 expects it
     * protected, but refusing it would hide the peer's reason behind an unexpected_message of our own.
     * Only alerts get this treatment, and only in that window; such an alert is fatal anyway.
     */
    private boolean plaintextAlertAllowed() {
        return nextRecordType == ContentType.ALERT.code && readEpochs == 1 && summary == null;
    }

    private void handleRecord(boolean wasProtected) throws TlsAlert {
        int type = record.typeCode();
        if (type != ContentType.HANDSHAKE.code && hs.hasPartialMessage()) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                    "a " + record.type() + " record inside a fragmented handshake message (RFC 8446, Section 5.1)");
        }
        if (type == ContentType.HANDSHAKE.code) {
            hs.handshakeRecord(record.array(), record.offset(), record.length());
            applyOutputs();
        } else if (type == ContentType.CHANGE_CIPHER_SPEC.code) {
            if (wasProtected) {
                throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                        "a protected change_cipher_spec record (RFC 8446, Section 5)");
            }
            hs.changeCipherSpec(record.array(), record.offset(), record.length());
            applyOutputs(); // TLS 1.0-1.2: the new read protection
        } else if (type == ContentType.ALERT.code) {
            handleAlert();
        } else if (type == ContentType.APPLICATION_DATA.code) {
            if (legacyVersion != null ? !hs.applicationDataAllowed() : readEpochs < 2) {
                throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                        "application data before the handshake keys allow it (RFC 8446, Section 2; RFC 5246, Section 7.4.9)");
            }
            System.arraycopy(record.array(), record.offset(), appIn, 0, record.length());
            appStart = 0;
            appEnd = record.length();
        } else {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                    "record of content type " + record.type() + " (RFC 8446, Section 5)");
        }
    }

    /**
     * An alert record (RFC 8446, Section 6). close_notify closes the inbound side ("any data received
     * after a closure alert has been received MUST be ignored"); user_canceled is noted and ignored;
     * every other alert is fatal whatever its level ("all alerts ... other than close_notify and
     * user_canceled ... MUST be treated as error alerts").
     */
    private void handleAlert() throws TlsAlert {
        if (record.length() != 2) {
            throw new TlsAlert(AlertDescription.DECODE_ERROR, "alert record of " + record.length() + " bytes");
        }
        int level = record.array()[record.offset()] & 0xff;
        int desc = record.array()[record.offset() + 1] & 0xff;
        if (desc == AlertDescription.CLOSE_NOTIFY.code) {
            inboundClosed = true;
            readState.destroy();
            destroyIfDone();
            return;
        }
        if (desc == AlertDescription.USER_CANCELED.code) {
            return;
        }
        throw TlsAlert.received(AlertLevel.of(level), AlertDescription.of(desc));
    }

    /**
     * Applies the handshake's outputs in order (see the class comment). Consecutive handshake messages
     * share records (as RFC 8446, Section 5.1 allows and RFC 8448 shows); a key change or a
     * ChangeCipherSpec ends the run, so no message spans a key change.
     */
    private void applyOutputs() throws TlsAlert {
        java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
        for (HandshakeOutput o : hs.drainOutputs()) {
            if (o.kind == HandshakeOutput.Kind.HANDSHAKE) {
                byte[] b = o.bytes();
                run.write(b, 0, b.length);
                continue;
            }
            flushHandshake(run);
            switch (o.kind) {
                case CHANGE_CIPHER_SPEC:
                    if (legacyVersion != null) {
                        // RFC 5246, Section 7.1: a real record under the current write protection.
                        queue(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1});
                    } else {
                        queueChangeCipherSpec();
                    }
                    break;
                case VERSION:
                    legacyVersion = o.version();
                    writeState.setVersion(o.version());
                    readState.setExpectedVersion(o.version());
                    break;
                case READ_PROTECTION:
                    readState.setProtection(o.protection());
                    break;
                case WRITE_PROTECTION:
                    writeState.setProtection(o.protection());
                    break;
                case WARNING_ALERT:
                    queue(ContentType.ALERT, new byte[] {1, (byte) o.alert().code});
                    break;
                case READ_KEYS:
                    readState.setProtection(o.secret().protection());
                    o.secret().destroy();
                    readEpochs++;
                    break;
                case WRITE_KEYS:
                    writeState.setProtection(o.secret().protection());
                    o.secret().destroy();
                    break;
                case COMPLETE:
                    summary = o.summary();
                    break;
                case RECORD_SIZE_LIMIT:
                    // RFC 8449, Section 4: the peer's limit caps what we seal, ours what we open.
                    writeState.setRecordSizeLimit(o.peerRecordSizeLimit(), legacyVersion == null);
                    readState.setRecordSizeLimit(o.ownRecordSizeLimit());
                    break;
                default:
                    throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "unknown handshake output " + o);
            }
        }
        flushHandshake(run);
    }

    private void flushHandshake(java.io.ByteArrayOutputStream run) throws TlsAlert {
        if (run.size() == 0) {
            return;
        }
        queue(ContentType.HANDSHAKE, run.toByteArray());
        run.reset();
        if (!firstFlightQueued) {
            firstFlightQueued = true;
            // RFC 8446, Section 5.1: legacy_record_version 0x0301 for the initial ClientHello, 0x0303 after
            // (until ServerHello fixes a TLS 1.0-1.2 version: RFC 5246, Appendix E.1).
            if (legacyVersion == null) {
                writeState.setVersion(ProtocolVersion.TLS12);
            }
        }
    }

    /** Seals {@code b} as records of {@code type} into the pending network bytes. */
    private void queue(ContentType type, byte[] b) throws TlsAlert {
        int need = fragmenter.sealedLength(type, b.length);
        if (outNet.length - outEnd < need) {
            int live = outEnd - outStart;
            byte[] n = outNet.length - live >= need ? outNet : new byte[Math.max(outNet.length * 2, live + need)];
            System.arraycopy(outNet, outStart, n, 0, live);
            outNet = n;
            outStart = 0;
            outEnd = live;
        }
        outEnd += fragmenter.write(type, b, 0, b.length, outNet, outEnd);
    }

    /**
     * The dummy ChangeCipherSpec of middlebox compatibility mode: always the plaintext record
     * {@code 14 03 03 00 01 01}, outside record protection and without a sequence number, whatever the
     * current write keys (RFC 8446, Section 5 and Appendix D.4).
     */
    private void queueChangeCipherSpec() {
        byte[] ccs = {(byte) ContentType.CHANGE_CIPHER_SPEC.code, 3, 3, 0, 1, 1};
        if (outNet.length - outEnd < ccs.length) {
            outNet = Arrays.copyOf(outNet, outNet.length * 2 + ccs.length);
        }
        System.arraycopy(ccs, 0, outNet, outEnd, ccs.length);
        outEnd += ccs.length;
    }

    private int pending() {
        return outEnd - outStart;
    }

    private int drainNet(ByteBuffer dst) {
        int n = Math.min(pending(), dst.remaining());
        dst.put(outNet, outStart, n);
        outStart += n;
        if (outStart == outEnd) {
            outStart = 0;
            outEnd = 0;
        }
        return n;
    }

    private int drainApp(ByteBuffer dst) {
        int n = Math.min(appEnd - appStart, dst.remaining());
        dst.put(appIn, appStart, n);
        appStart += n;
        if (appStart == appEnd) {
            Arrays.fill(appIn, 0, appEnd, (byte) 0);
            appStart = 0;
            appEnd = 0;
        }
        return n;
    }

    /**
     * The one place a failure is handled (CONVENTIONS, "Errors"): the alert record is queued for the
     * next wrap (unless the peer sent it), the keys are destroyed, and the engine stays closed.
     */
    private TlsException fail(TlsAlert a) {
        if (failure != null) {
            return failure;
        }
        failure = new TlsException(a);
        // Outputs of the failed call are dropped (nothing of that flight was sent), except the version a
        // ServerHello fixed earlier in the same record: the alert goes out with it (RFC 5246, Appendix E.1).
        try {
            for (HandshakeOutput o : hs.drainOutputs()) {
                if (o.kind == HandshakeOutput.Kind.VERSION) {
                    writeState.setVersion(o.version());
                } else if (o.protection() != null) {
                    o.protection().destroy();
                }
            }
        } catch (RuntimeException ignored) {
            // nothing to apply
        }
        if (!a.isReceived()) {
            try {
                queue(ContentType.ALERT, new byte[] {2, (byte) a.description().code});
            } catch (TlsAlert | RuntimeException ignored) {
                // The write state itself is unusable (e.g. sequence number exhausted): close without an alert.
            }
        }
        readState.destroy();
        writeState.destroy();
        hs.destroy();
        Arrays.fill(appIn, (byte) 0);
        appStart = 0;
        appEnd = 0;
        return failure;
    }

    /**
     * Closes the outbound side: a close_notify alert is queued for the next wrap (RFC 8446, Section
     * 6.1), after which wrap reports CLOSED. The inbound side stays open until the peer's close_notify
     * (half-close). Calling it again, or after a failure, does nothing.
     */
    public void closeOutbound() {
        if (outboundClosed || failure != null) {
            return;
        }
        outboundClosed = true;
        try {
            queue(ContentType.ALERT, new byte[] {1, (byte) AlertDescription.CLOSE_NOTIFY.code});
        } catch (TlsAlert a) {
            fail(a);
        }
    }

    /**
     * Once nothing more will be written, the write keys go; once neither direction is open, every
     * secret of the handshake goes too (traffic secrets, exporter).
     */
    private void destroyIfDone() {
        if (pending() == 0 && (outboundClosed || failure != null)) {
            writeState.destroy();
            if (inboundClosed || failure != null) {
                hs.destroy();
            }
        }
    }

    /** True once nothing more will be produced: close_notify or an alert sent, or the engine failed. */
    public boolean isOutboundDone() {
        return (outboundClosed || failure != null) && pending() == 0;
    }

    /** True once the peer's close_notify arrived or the engine failed. */
    public boolean isInboundDone() {
        return inboundClosed || failure != null;
    }

    /**
     * What the handshake needs next: NEED_WRAP while bytes are queued for the network, and while the
     * answer to a peer's KeyUpdate(update_requested) is owed, so that a driver sends it at once rather
     * than with our next application data (a peer may wait for it before it sends more, as tlsfuzzer's
     * "app data split" probe does; RFC 8446, Section 4.6.3 only says "prior to sending its next
     * Application Data record").
     */
    public TlsResult.HandshakeStatus handshakeStatus() {
        if (pending() > 0) {
            return TlsResult.HandshakeStatus.NEED_WRAP;
        }
        if (failure == null && !outboundClosed && hs.isComplete() && hs.keyUpdateOwed()) {
            return TlsResult.HandshakeStatus.NEED_WRAP;
        }
        if (failure == null && !hs.isComplete() && !inboundClosed) {
            return TlsResult.HandshakeStatus.NEED_UNWRAP;
        }
        return TlsResult.HandshakeStatus.NOT_HANDSHAKING;
    }

    /**
     * The last two results handed out. TlsResult is immutable, so an identical result is returned again
     * instead of a new object: a steady stream of equal-sized records (wrap and unwrap alternating)
     * then allocates nothing per call.
     */
    private final TlsResult[] recent = new TlsResult[2];
    private int recentNext;

    private TlsResult result(TlsResult.Status status, int consumed, int produced) {
        TlsResult.HandshakeStatus h = handshakeStatus();
        if (h == TlsResult.HandshakeStatus.NOT_HANDSHAKING && summary != null && !finishedReported) {
            finishedReported = true;
            h = TlsResult.HandshakeStatus.FINISHED;
        }
        for (TlsResult r : recent) {
            if (r != null && r.is(status, h, consumed, produced)) {
                return r;
            }
        }
        TlsResult r = new TlsResult(status, h, consumed, produced);
        recent[recentNext] = r;
        recentNext ^= 1;
        return r;
    }

    /**
     * Exports keying material (RFC 8446, Section 7.5; RFC 5705): both ends of a connection get the same
     * bytes for the same label and context. {@code context} may be null (the same as empty in TLS 1.3).
     *
     * @throws IllegalStateException before the handshake is complete, after a failure, or once both
     *     directions are closed (the secrets are destroyed then)
     * @throws IllegalArgumentException for a label over 249 bytes or a length over 255 hash lengths
     */
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        if (summary == null || failure != null || (inboundClosed && isOutboundDone())) {
            throw new IllegalStateException("keying material can be exported only from an established, open connection");
        }
        try {
            return hs.exportKeyingMaterial(label, context, length);
        } catch (TlsAlert a) {
            throw new IllegalArgumentException(a.getMessage(), a);
        }
    }

    /**
     * Sends a KeyUpdate on the next {@link #wrap} and switches to the next write key (RFC 8446, Section
     * 4.6.3); with {@code requestPeerUpdate} the peer is asked to update its key too. The engine also
     * does this by itself before a key reaches its usage limit (Section 5.5).
     *
     * @throws IllegalStateException before the handshake is complete or once the outbound side is closed
     */
    public void requestKeyUpdate(boolean requestPeerUpdate) throws TlsException {
        if (summary == null || failure != null || outboundClosed) {
            throw new IllegalStateException("KeyUpdate needs an established connection with its outbound side open");
        }
        try {
            hs.keyUpdate(requestPeerUpdate);
            applyOutputs();
        } catch (TlsAlert a) {
            throw fail(a);
        }
    }

    /**
     * TLS 1.0-1.2 secure renegotiation (RFC 5746): a client queues a new ClientHello, a server a
     * HelloRequest, for the next {@link #wrap}; the new handshake then runs under the current keys, and its
     * keys replace the old ones at each side's ChangeCipherSpec. Application data the peer sends during
     * the handshake is delivered (RFC 5246, Section 7.4.1.1 allows it until the ChangeCipherSpec); ours
     * waits in {@code src} (wrap consumes nothing) from the renegotiating ClientHello until the
     * handshake is complete, because OpenSSL refuses application data in the middle of a handshake. {@link #session()} describes the new handshake once it
     * completes. A peer that refuses answers with a no_renegotiation warning, which this engine, like
     * every warning but user_canceled, treats as fatal.
     *
     * @throws IllegalStateException when the config's policy is {@link Renegotiation#REFUSE}, the
     *     connection is not an established TLS 1.0-1.2 one, the peer showed no RFC 5746 support, a
     *     renegotiation is already running, or the outbound side is closed
     */
    public void renegotiate() throws TlsException {
        if (summary == null || failure != null || outboundClosed || legacyVersion == null) {
            throw new IllegalStateException("renegotiation needs an established, open TLS 1.0-1.2 connection");
        }
        boolean started;
        try {
            started = hs.renegotiate();
            applyOutputs();
        } catch (TlsAlert a) {
            throw fail(a);
        }
        if (!started) {
            throw new IllegalStateException("renegotiation is refused by the policy, not supported by the peer"
                    + " (RFC 5746), or already running");
        }
    }

    /** Tests only: queues {@code message} (whole handshake messages) as handshake records under the current keys. */
    void queueHandshakeForTest(byte[] message) throws TlsAlert {
        queue(ContentType.HANDSHAKE, message);
    }

    /** The failure that closed this engine, or null. */
    public TlsException failure() {
        return failure;
    }

    /** What the handshake negotiated; null until the handshake is complete. */
    public TlsSession session() {
        return summary == null ? null : new TlsSession(summary);
    }

    /**
     * The smallest {@code dst} for {@link #wrap} and {@code src} for {@link #unwrap} that always holds a
     * whole record: 5 + 2^14 + 2048 bytes, the TLS 1.0-1.2 bound (RFC 5246, Section 6.2.3), which covers
     * TLS 1.3's 5 + 2^14 + 256 (RFC 8446, Section 5.2).
     */
    public int packetBufferSize() {
        return RecordHeader.MAX_RECORD;
    }

    /** The largest plaintext one record carries, 2^14 bytes: a {@code dst} for unwrap of this size never overflows. */
    public int applicationBufferSize() {
        return RecordHeader.MAX_PLAINTEXT;
    }
}
