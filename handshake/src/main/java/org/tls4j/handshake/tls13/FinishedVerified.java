package org.tls4j.handshake.tls13;

import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * Proof that the peer's Finished was checked (RFC 8446, Section 4.4.4). Only {@link #check} makes one,
 * and the connected states require one in their constructor, so a machine that skipped the check does
 * not compile.
 */
public final class FinishedVerified {
    private FinishedVerified() {}

    /**
     * Compares {@code f.verify_data} with HMAC(finished_key(baseKey), transcriptHash) in constant time:
     * "Recipients of Finished messages MUST verify that the contents are correct and if incorrect MUST
     * terminate the connection with a decrypt_error alert."
     */
    static FinishedVerified check(KeySchedule13 ks, byte[] baseKey, byte[] transcriptHash, Finished f) throws TlsAlert {
        byte[] expected = ks.verifyData(baseKey, transcriptHash);
        byte[] got = f.verifyData();
        boolean ok = ConstantTime.equals(expected, got);
        ConstantTime.zero(expected);
        if (!ok) {
            throw new TlsAlert(AlertDescription.DECRYPT_ERROR,
                    "Finished.verify_data is wrong (RFC 8446, Section 4.4.4)");
        }
        return new FinishedVerified();
    }
}
