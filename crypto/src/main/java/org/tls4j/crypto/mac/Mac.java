package org.tls4j.crypto.mac;

import org.tls4j.crypto.Destroyable;

/**
 * A keyed message authentication code, keyed at construction. Implementations are not thread-safe.
 * Compare tags with {@code ConstantTime.equals}, never with {@code Arrays.equals}.
 */
public interface Mac extends Destroyable {
    String algorithm();

    /** Tag length in bytes. */
    int macLength();

    void update(byte b);

    void update(byte[] in, int off, int len);

    default void update(byte[] in) {
        update(in, 0, in.length);
    }

    /** Writes the tag to {@code out} at {@code off} and resets for the next message under the same key. */
    void doFinal(byte[] out, int off);

    default byte[] doFinal() {
        byte[] out = new byte[macLength()];
        doFinal(out, 0);
        return out;
    }

    /** Discards the message fed so far (the key stays). */
    void reset();
}
