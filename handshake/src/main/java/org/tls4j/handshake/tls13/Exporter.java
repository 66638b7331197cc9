package org.tls4j.handshake.tls13;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.ct.ConstantTime;

/**
 * Keying material exporters (RFC 8446, Section 7.5; RFC 5705):
 * {@code TLS-Exporter(label, context_value, key_length) = HKDF-Expand-Label(Derive-Secret(
 * exporter_master_secret, label, ""), "exporter", Hash(context_value), key_length)}, with
 * exporter_master_secret derived over ClientHello...server Finished. "In TLS 1.3 ... a zero-length
 * context_value is equivalent to no context" (Section 7.5), so null and empty give the same output.
 */
public final class Exporter implements Destroyable {
    private final KeySchedule13 schedule;
    private final byte[] exporterMasterSecret;
    private boolean destroyed;

    Exporter(KeySchedule13 schedule, byte[] exporterMasterSecret) {
        this.schedule = schedule;
        this.exporterMasterSecret = exporterMasterSecret.clone();
    }

    /** {@code length} bytes of keying material for {@code label} and {@code context} (may be null). */
    public byte[] export(String label, byte[] context, int length) throws CryptoException {
        if (destroyed) {
            throw new CryptoException("the connection's secrets are destroyed");
        }
        if (length < 0 || length > 255 * schedule.hashLength()) {
            throw new CryptoException("exporter length " + length + " out of range (HKDF-Expand limit)");
        }
        return schedule.exporter(exporterMasterSecret, label, context, length);
    }

    @Override
    public void destroy() {
        ConstantTime.zero(exporterMasterSecret);
        destroyed = true;
    }
}
