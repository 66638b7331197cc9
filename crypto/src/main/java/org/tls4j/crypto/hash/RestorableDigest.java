package org.tls4j.crypto.hash;

/**
 * A {@link Digest} whose running state can be overwritten in place with the state of a snapshot of the
 * same algorithm, without allocating.
 *
 * <p>HMAC keeps the keyed inner and outer states as snapshots and restores them before every message
 * (the idea Bouncy Castle calls {@code Memoable}); {@link Digest#copy()} would allocate a fresh object
 * each time. Every digest in this package implements it.
 */
public interface RestorableDigest extends Digest {
    /**
     * Makes this digest's running state equal to {@code snapshot}'s, which must be an instance of the same
     * class (typically one obtained from {@link #copy()}).
     *
     * @throws IllegalArgumentException if {@code snapshot} is of another class (a programming error)
     */
    void restore(Digest snapshot);
}
