package org.tls4j.crypto.cipher;

import org.tls4j.crypto.Destroyable;

/** A block cipher keyed at construction; modes (CBC, CTR, GCM, CCM) are built on it. */
public interface BlockCipher extends Destroyable {
    String algorithm();

    /** Block size in bytes. */
    int blockSize();

    /** Encrypts one block; {@code in} and {@code out} may overlap exactly. */
    void encryptBlock(byte[] in, int inOff, byte[] out, int outOff);

    /** Decrypts one block; {@code in} and {@code out} may overlap exactly. */
    void decryptBlock(byte[] in, int inOff, byte[] out, int outOff);
}
