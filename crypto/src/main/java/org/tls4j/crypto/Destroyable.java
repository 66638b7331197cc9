package org.tls4j.crypto;

/** An object holding key material. {@link #destroy()} zeroes it; the object is unusable afterwards. */
public interface Destroyable {
    /** Zeroes the key material this object holds. Calling it twice is harmless. */
    void destroy();
}
