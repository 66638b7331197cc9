package org.tls4j.crypto.rsa;

/**
 * Test-only window on the step counter that {@link RsaPkcs1Encryption#decryptTls} keeps (package-private
 * in crypto), so the handshake's RSA premaster test can check that every outcome takes the same path.
 */
public final class RsaTlsStepCounter {
    private RsaTlsStepCounter() {}

    /** The number of padding-check steps decryptTls has performed so far in this JVM. */
    public static long steps() {
        return RsaPkcs1Encryption.tlsSteps;
    }
}
