package org.tls4j.crypto.cipher;

import org.tls4j.crypto.Destroyable;

/** A keystream cipher keyed at construction (RC4 for legacy suites; ChaCha20 as a raw stream). */
public interface StreamCipher extends Destroyable {
    String algorithm();

    /** XORs {@code len} bytes of keystream into {@code in}, writing to {@code out}; in place is allowed. */
    void process(byte[] in, int inOff, int len, byte[] out, int outOff);
}
