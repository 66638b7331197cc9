package org.tls4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tls4j.TlsConfig;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.tls12.Suite12;
import org.tls4j.record.ProtocolVersion;

/** {@code --versions} names TLS 1.0-1.3, and {@code --ciphers} sends TLS 1.3 and TLS 1.0-1.2 suites to their own lists. */
class Tls12OptionsTest {
    @Test
    void everyVersionByName() {
        assertEquals(List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12, ProtocolVersion.TLS11, ProtocolVersion.TLS10),
                ParameterNames.versions("1.3,TLSv1.2,tls1.1,1.0"));
    }

    @Test
    void ciphersSplitByVersion() {
        CommonOptions o = new CommonOptions();
        o.ciphers = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,TLS_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256";
        o.versions = "1.3,1.2,1.1";
        TlsConfig.Builder b = TlsConfig.builder();
        o.apply(b);
        TlsConfig c = b.build();
        assertEquals(List.of(CipherSuite.TLS_AES_256_GCM_SHA384), c.cipherSuites());
        assertEquals(List.of(Suite12.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA),
                Suite12.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)), c.tls12Config().suites());
        assertEquals(List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12, ProtocolVersion.TLS11), c.versions());
    }

    @Test
    void onlyTls12SuitesLeaveTheTls13DefaultsAlone() {
        CommonOptions o = new CommonOptions();
        o.ciphers = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
        TlsConfig.Builder b = TlsConfig.builder();
        o.apply(b);
        assertEquals(TlsConfig.builder().build().cipherSuites(), b.build().cipherSuites());
    }
}
