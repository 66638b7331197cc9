package org.tls4j.crypto.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.KeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9525 matching: SAN types, wildcards, case, trailing dots, IP literals, CN fallback. */
class HostnameVerifierTest {
    static Certificate cert;
    static Certificate cnOnly;

    @BeforeAll
    static void make() throws Exception {
        TestCa ca = TestCa.root("HV Root", null);
        cert = ca.leaf("x", b -> b.dnsNames("www.Example.com", "*.wild.example.com", "trailing.example.com.", "xn--bcher-kva.example",
                "f*.bad.example.com", "*.com", "a.*.example.com")
                .subjectAltNames(GeneralName.ip(new byte[] {(byte) 192, 0, 2, 1}),
                        GeneralName.ip(IpAddresses.parse("2001:db8::1"))));
        KeyPair kp = JcaOracle.ecKeyPair("secp256r1");
        cnOnly = TestCa.base("cn.example.com", kp).signedBy(ca.cert, ca.signer, SignatureAlgorithm.ECDSA_SHA256);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "www.example.com, true",
        "WWW.EXAMPLE.COM, true",
        "www.example.com., true",
        "trailing.example.com, true",
        "a.wild.example.com, true",
        "A.Wild.Example.Com., true",
        "wild.example.com, false",
        "a.b.wild.example.com, false",
        "xn--bcher-kva.example, true",
        "bücher.example, false",
        "foo.bad.example.com, false",
        "fx.bad.example.com, false",
        "anything.com, false",
        "a.x.example.com, false",
        "192.0.2.1, true",
        "192.0.2.2, false",
        "2001:db8::1, true",
        "[2001:db8::1], true",
        "2001:0db8:0:0:0:0:0:1, true",
        "[2001:db8::2], false",
        "192.000.2.1, false",
        "example.com, false",
        "'', false",
        "www..example.com, false",
    })
    void matching(String host, boolean expected) {
        assertEquals(expected, HostnameVerifier.matches(cert, host, false), host);
    }

    @Test
    void cnFallbackOnlyWhenEnabledAndNoSans() {
        assertEquals(false, HostnameVerifier.matches(cnOnly, "cn.example.com", false));
        assertEquals(true, HostnameVerifier.matches(cnOnly, "cn.example.com", true));
        // A certificate with SANs never falls back to its CN.
        assertEquals(false, HostnameVerifier.matches(cert, "x", true));
    }

    @Test
    void embeddedNulInANameIsAParseError() throws Exception {
        // subjectAltName with dNSName "www.example.com\0.evil.example" (the 2009 null-prefix attack).
        byte[] name = "www.example.com\0.evil.example".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] san = new org.tls4j.crypto.asn1.DerWriter().sequence().primitive(0x82, name).end().toByteArray();
        TestCa ca = TestCa.root("NUL Root", null);
        org.tls4j.crypto.CryptoException e = org.junit.jupiter.api.Assertions.assertThrows(org.tls4j.crypto.CryptoException.class,
                () -> ca.leaf("x", b -> b.extension(X509Oids.SUBJECT_ALT_NAME, false, san)));
        org.junit.jupiter.api.Assertions.assertInstanceOf(org.tls4j.crypto.asn1.DerException.class, e.getCause());
    }

    @Test
    void ipParsing() {
        assertArrayEquals(new byte[] {10, 0, 0, 1}, IpAddresses.parse("10.0.0.1"));
        assertNull(IpAddresses.parse("10.0.0"));
        assertNull(IpAddresses.parse("010.0.0.1"));
        assertNull(IpAddresses.parse("256.0.0.1"));
        assertNull(IpAddresses.parse("1::2::3"));
        assertNull(IpAddresses.parse("1:2:3:4:5:6:7:8:9"));
        assertEquals("0:0:0:0:0:ffff:a00:1", IpAddresses.format(IpAddresses.parse("::ffff:10.0.0.1")));
        assertEquals("0:0:0:0:0:0:0:0", IpAddresses.format(IpAddresses.parse("::")));
        assertEquals("1:0:0:0:0:0:0:0", IpAddresses.format(IpAddresses.parse("1::")));
    }
}
