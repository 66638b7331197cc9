package org.tls4j.cli;

/** The layers of the stack and one class that exists once each is built. */
final class Layers {
    static final class Layer {
        final String name;
        final String marker;

        Layer(String name, String marker) {
            this.name = name;
            this.marker = marker;
        }

        /** Whether the marker class is on the class path (looked up, never initialised). */
        boolean isPresent() {
            try {
                Class.forName(marker, false, Layers.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
    }

    static final Layer[] ALL = {
        new Layer("crypto: symmetric", "org.tls4j.crypto.aead.AesGcm"),
        new Layer("crypto: public key", "org.tls4j.crypto.ec.X25519"),
        new Layer("crypto: certificates", "org.tls4j.crypto.x509.Certificate"),
        new Layer("record layer", "org.tls4j.record.Deframer"),
        new Layer("handshake: TLS 1.3", "org.tls4j.handshake.tls13.Tls13Client"),
        new Layer("engine", "org.tls4j.TlsEngine"),
    };

    private Layers() {}
}
