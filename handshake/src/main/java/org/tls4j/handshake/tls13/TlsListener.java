package org.tls4j.handshake.tls13;

import org.tls4j.handshake.HandshakeMessage;

/**
 * Observes one side of a TLS handshake (1.3, or 1.0-1.2 with the master secret as CLIENT_RANDOM): the secrets of the key schedule, every handshake message
 * and the state transitions. Every method has an empty default, so a listener overrides only what it
 * needs. Methods are called on the thread that drives the engine, synchronously; a listener must not
 * throw (an unchecked exception escapes from the engine call).
 *
 * <p>Secrets are handed out in the clear: a listener that writes them somewhere (such as
 * {@code org.tls4j.KeyLogWriter}) lets anyone who reads that place decrypt the connection. Use it for
 * debugging and teaching only.
 */
public interface TlsListener {
    /** NSS key log label of the client handshake traffic secret (RFC 8446, Section 7.1). */
    String CLIENT_HANDSHAKE_TRAFFIC_SECRET = "CLIENT_HANDSHAKE_TRAFFIC_SECRET";
    /** NSS key log label of the server handshake traffic secret. */
    String SERVER_HANDSHAKE_TRAFFIC_SECRET = "SERVER_HANDSHAKE_TRAFFIC_SECRET";
    /** NSS key log label of client_application_traffic_secret_0. */
    String CLIENT_TRAFFIC_SECRET_0 = "CLIENT_TRAFFIC_SECRET_0";
    /** NSS key log label of server_application_traffic_secret_0. */
    String SERVER_TRAFFIC_SECRET_0 = "SERVER_TRAFFIC_SECRET_0";
    /** NSS key log label of exporter_master_secret. */
    String EXPORTER_SECRET = "EXPORTER_SECRET";
    /** NSS key log label of a TLS 1.0-1.2 master secret (RFC 5246, Section 8.1). */
    String CLIENT_RANDOM = "CLIENT_RANDOM";

    /**
     * A secret of the key schedule was derived. {@code label} is its name in the NSS key log format
     * (the constants above); {@code clientRandom} is ClientHello.random, which the format uses to find
     * the connection. Both arrays are copies the listener may keep.
     */
    default void onSecret(String label, byte[] clientRandom, byte[] secret) {}

    /** A handshake message was sent ({@code sent}) or received, decoded. */
    default void onHandshakeMessage(boolean sent, HandshakeMessage message) {}

    /** The state machine moved from state {@code from} to state {@code to} (the states' class names). */
    default void onStateChange(String from, String to) {}
}
