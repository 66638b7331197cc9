package org.tls4j.record;

import org.tls4j.crypto.cipher.BlockCipher;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.RestorableDigest;

/**
 * Test hooks that count the work a protection does: bytes fed to a digest, finalizations, snapshot
 * restores, and block-cipher calls. The padding-oracle tests compare these counts across records whose
 * only difference is secret (padding length, padding validity, MAC validity).
 */
final class Counting {
    private Counting() {}

    /** Shared tallies. */
    static final class Tally {
        long digestBytes;
        long digestFinals;
        long restores;
        long encryptBlocks;
        long decryptBlocks;

        void clear() {
            digestBytes = digestFinals = restores = encryptBlocks = decryptBlocks = 0;
        }

        String summary() {
            return "digest bytes " + digestBytes + ", finalizations " + digestFinals + ", restores " + restores
                    + ", decrypted blocks " + decryptBlocks + ", encrypted blocks " + encryptBlocks;
        }
    }

    static final class CountingDigest implements RestorableDigest {
        final RestorableDigest inner;
        final Tally t;

        CountingDigest(RestorableDigest inner, Tally t) {
            this.inner = inner;
            this.t = t;
        }

        @Override
        public String algorithm() {
            return inner.algorithm();
        }

        @Override
        public int digestLength() {
            return inner.digestLength();
        }

        @Override
        public int blockLength() {
            return inner.blockLength();
        }

        @Override
        public void update(byte b) {
            t.digestBytes++;
            inner.update(b);
        }

        @Override
        public void update(byte[] in, int off, int len) {
            t.digestBytes += len;
            inner.update(in, off, len);
        }

        @Override
        public void digest(byte[] out, int off) {
            t.digestFinals++;
            inner.digest(out, off);
        }

        @Override
        public void reset() {
            inner.reset();
        }

        @Override
        public Digest copy() {
            return new CountingDigest((RestorableDigest) inner.copy(), t);
        }

        @Override
        public void restore(Digest snapshot) {
            t.restores++;
            inner.restore(((CountingDigest) snapshot).inner);
        }
    }

    static final class CountingCipher implements BlockCipher {
        final BlockCipher inner;
        final Tally t;

        CountingCipher(BlockCipher inner, Tally t) {
            this.inner = inner;
            this.t = t;
        }

        @Override
        public String algorithm() {
            return inner.algorithm();
        }

        @Override
        public int blockSize() {
            return inner.blockSize();
        }

        @Override
        public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
            t.encryptBlocks++;
            inner.encryptBlock(in, inOff, out, outOff);
        }

        @Override
        public void decryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
            t.decryptBlocks++;
            inner.decryptBlock(in, inOff, out, outOff);
        }

        @Override
        public void destroy() {
            inner.destroy();
        }
    }
}
