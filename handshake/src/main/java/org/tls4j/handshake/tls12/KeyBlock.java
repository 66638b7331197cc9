package org.tls4j.handshake.tls12;

import java.util.Arrays;

import org.tls4j.crypto.Destroyable;

/**
 * The key block of SSL 3.0-TLS 1.2 cut into its six parts, in the order of RFC 5246, Section 6.3:
 *
 * <pre>
 * client_write_MAC_key[SecurityParameters.mac_key_length]
 * server_write_MAC_key[SecurityParameters.mac_key_length]
 * client_write_key[SecurityParameters.enc_key_length]
 * server_write_key[SecurityParameters.enc_key_length]
 * client_write_IV[SecurityParameters.fixed_iv_length]
 * server_write_IV[SecurityParameters.fixed_iv_length]
 * </pre>
 *
 * The lengths come from the suite and the version ({@link VersionRules#macKeyLength},
 * {@link VersionRules#fixedIvLength}); any bytes of the block after the last part are unused.
 * {@link #destroy()} zeroes every part.
 */
public final class KeyBlock implements Destroyable {
    private final byte[] clientMacKey;
    private final byte[] serverMacKey;
    private final byte[] clientKey;
    private final byte[] serverKey;
    private final byte[] clientIv;
    private final byte[] serverIv;
    private boolean destroyed;

    /** Cuts {@code block} (not kept) into parts of the given lengths. */
    KeyBlock(byte[] block, int macLen, int keyLen, int ivLen) {
        int need = 2 * (macLen + keyLen + ivLen);
        if (block.length < need) {
            throw new IllegalArgumentException("key block of " + block.length + " bytes, need " + need);
        }
        int p = 0;
        clientMacKey = Arrays.copyOfRange(block, p, p += macLen);
        serverMacKey = Arrays.copyOfRange(block, p, p += macLen);
        clientKey = Arrays.copyOfRange(block, p, p += keyLen);
        serverKey = Arrays.copyOfRange(block, p, p += keyLen);
        clientIv = Arrays.copyOfRange(block, p, p += ivLen);
        serverIv = Arrays.copyOfRange(block, p, p + ivLen);
    }

    private byte[] live(byte[] b) {
        if (destroyed) {
            throw new IllegalStateException("key block destroyed");
        }
        return b.clone();
    }

    /** A copy of the write MAC key of one side (empty for AEAD suites). */
    public byte[] macKey(boolean client) {
        return live(client ? clientMacKey : serverMacKey);
    }

    /** A copy of the write key of one side. */
    public byte[] key(boolean client) {
        return live(client ? clientKey : serverKey);
    }

    /** A copy of the write IV (CBC in SSL 3.0/TLS 1.0) or AEAD salt/IV of one side; may be empty. */
    public byte[] iv(boolean client) {
        return live(client ? clientIv : serverIv);
    }

    @Override
    public void destroy() {
        for (byte[] b : new byte[][] {clientMacKey, serverMacKey, clientKey, serverKey, clientIv, serverIv}) {
            Arrays.fill(b, (byte) 0);
        }
        destroyed = true;
    }

    /** True once {@link #destroy()} has run. */
    public boolean isDestroyed() {
        return destroyed;
    }
}
