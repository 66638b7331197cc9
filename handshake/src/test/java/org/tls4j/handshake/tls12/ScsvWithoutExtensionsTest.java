package org.tls4j.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tls4j.handshake.CipherSuite;

/**
 * A ClientHello without an extensions block (legal in TLS 1.0-1.2: RFC 5246, Section 7.4.1.2) must not
 * break the RFC 5746 check. Found by tlsfuzzer's test-renegotiation-disabled.py ("try insecure (legacy)
 * renegotiation ..."), whose extension-less ClientHello got internal_error from a NullPointerException.
 */
class ScsvWithoutExtensionsTest {
    @Test
    void noExtensionsBlockMeansNoRenegotiationInfo() {
        List<CipherSuite> plain = List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
        assertFalse(Scsv.signalsSecureRenegotiation(Tls12RejectionTest.hello(plain, null)));
        assertTrue(Scsv.signalsSecureRenegotiation(Tls12RejectionTest.hello(List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
                CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV), null)));
    }
}
