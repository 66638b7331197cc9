package org.tls4j.bench.tls;

/**
 * One TLS implementation under test, set up for one {@link Scenario}: it makes in-memory
 * client/server pairs ({@link Conn}) driven on the calling thread. Everything a pair needs besides its
 * two engines (transfer buffers, configurations, contexts, session caches) belongs to the peer and is
 * created before any measurement.
 */
abstract class Peer {
    final Scenario scenario;
    final Pki pki;

    Peer(Scenario scenario, Pki pki) {
        this.scenario = scenario;
        this.pki = pki;
    }

    /**
     * True when this peer cannot be kept from negotiating encrypt_then_mac (RFC 7366) with itself; the
     * CBC scenario is then run with EtM for this peer and the table says so.
     */
    boolean forcesEncryptThenMac() {
        return false;
    }

    /** Display name, e.g. "tls4j". */
    abstract String name();

    /**
     * A new connected pair: a full handshake, or a resumed one for the resumption scenarios (then the
     * peer keeps what the client needs to resume the next connection). Any post-handshake messages the
     * server sends at once (TLS 1.3 NewSessionTicket) are delivered to the client before it returns.
     *
     * @param wire a tap for the bytes of both directions, or null in timed loops
     */
    abstract Conn connect(Wire wire) throws Exception;

    /** Version and suite as the implementation's own API reports them, for the check. */
    abstract String describe(Conn c) throws Exception;

    /** A connected pair. */
    interface Conn {
        /**
         * The client writes {@code len} bytes of {@code src} in one call (one record when at most 16 KiB),
         * the server reads them. Returns the number of bytes the server received. Allocates nothing of its
         * own: the buffers belong to the peer.
         */
        int send(byte[] src, int len) throws Exception;

        /** The last bytes the server received (valid until the next send), for the content check. */
        byte[] received();

        /** Whether the implementation reports this connection as resumed. */
        boolean resumed() throws Exception;

        /** Drops the connection (no close_notify exchange; nothing is measured here). */
        void dispose();

        /** Forgets the server half (the memory measurement counts the client side alone this way). */
        void dropServer();
    }
}
