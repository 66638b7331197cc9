package org.tls4j.crypto.x509;

import org.tls4j.crypto.asn1.Oid;

/** The object identifiers tls4j's X.509 code knows, with the RFC that defines each. */
public final class X509Oids {
    private X509Oids() {}

    // Name attribute types (RFC 5280, Appendix A.1; RFC 4519; RFC 4514, Section 3 for short names).
    public static final Oid CN = Oid.of("2.5.4.3");
    public static final Oid SURNAME = Oid.of("2.5.4.4");
    public static final Oid SERIAL_NUMBER = Oid.of("2.5.4.5");
    public static final Oid C = Oid.of("2.5.4.6");
    public static final Oid L = Oid.of("2.5.4.7");
    public static final Oid ST = Oid.of("2.5.4.8");
    public static final Oid STREET = Oid.of("2.5.4.9");
    public static final Oid O = Oid.of("2.5.4.10");
    public static final Oid OU = Oid.of("2.5.4.11");
    public static final Oid DC = Oid.of("0.9.2342.19200300.100.1.25");
    public static final Oid UID = Oid.of("0.9.2342.19200300.100.1.1");
    public static final Oid EMAIL_ADDRESS = Oid.of("1.2.840.113549.1.9.1");

    // Public key and signature algorithms (RFC 8017, RFC 4055, RFC 5480, RFC 5758, RFC 8410).
    public static final Oid RSA_ENCRYPTION = Oid.of("1.2.840.113549.1.1.1");
    public static final Oid RSASSA_PSS = Oid.of("1.2.840.113549.1.1.10");
    public static final Oid MGF1 = Oid.of("1.2.840.113549.1.1.8");
    public static final Oid SHA1_WITH_RSA = Oid.of("1.2.840.113549.1.1.5");
    public static final Oid SHA256_WITH_RSA = Oid.of("1.2.840.113549.1.1.11");
    public static final Oid SHA384_WITH_RSA = Oid.of("1.2.840.113549.1.1.12");
    public static final Oid SHA512_WITH_RSA = Oid.of("1.2.840.113549.1.1.13");
    public static final Oid SHA1 = Oid.of("1.3.14.3.2.26");
    public static final Oid SHA224 = Oid.of("2.16.840.1.101.3.4.2.4");
    public static final Oid SHA256 = Oid.of("2.16.840.1.101.3.4.2.1");
    public static final Oid SHA384 = Oid.of("2.16.840.1.101.3.4.2.2");
    public static final Oid SHA512 = Oid.of("2.16.840.1.101.3.4.2.3");
    public static final Oid SHA512_224 = Oid.of("2.16.840.1.101.3.4.2.5");
    public static final Oid SHA512_256 = Oid.of("2.16.840.1.101.3.4.2.6");
    public static final Oid EC_PUBLIC_KEY = Oid.of("1.2.840.10045.2.1");
    public static final Oid P256 = Oid.of("1.2.840.10045.3.1.7");
    public static final Oid P384 = Oid.of("1.3.132.0.34");
    public static final Oid P521 = Oid.of("1.3.132.0.35");
    public static final Oid ECDSA_SHA1 = Oid.of("1.2.840.10045.4.1");
    public static final Oid ECDSA_SHA256 = Oid.of("1.2.840.10045.4.3.2");
    public static final Oid ECDSA_SHA384 = Oid.of("1.2.840.10045.4.3.3");
    public static final Oid ECDSA_SHA512 = Oid.of("1.2.840.10045.4.3.4");
    public static final Oid X25519 = Oid.of("1.3.101.110");
    public static final Oid X448 = Oid.of("1.3.101.111");
    public static final Oid ED25519 = Oid.of("1.3.101.112");
    public static final Oid ED448 = Oid.of("1.3.101.113");

    // Certificate extensions (RFC 5280, Section 4.2).
    public static final Oid SUBJECT_KEY_ID = Oid.of("2.5.29.14");
    public static final Oid KEY_USAGE = Oid.of("2.5.29.15");
    public static final Oid SUBJECT_ALT_NAME = Oid.of("2.5.29.17");
    public static final Oid BASIC_CONSTRAINTS = Oid.of("2.5.29.19");
    public static final Oid NAME_CONSTRAINTS = Oid.of("2.5.29.30");
    public static final Oid CERTIFICATE_POLICIES = Oid.of("2.5.29.32");
    public static final Oid AUTHORITY_KEY_ID = Oid.of("2.5.29.35");
    public static final Oid EXT_KEY_USAGE = Oid.of("2.5.29.37");
    public static final Oid AUTHORITY_INFO_ACCESS = Oid.of("1.3.6.1.5.5.7.1.1");

    // Extended key usages (RFC 5280, Section 4.2.1.12) and access methods (Section 4.2.2.1).
    public static final Oid ANY_EXTENDED_KEY_USAGE = Oid.of("2.5.29.37.0");
    public static final Oid KP_SERVER_AUTH = Oid.of("1.3.6.1.5.5.7.3.1");
    public static final Oid KP_CLIENT_AUTH = Oid.of("1.3.6.1.5.5.7.3.2");
    public static final Oid AD_OCSP = Oid.of("1.3.6.1.5.5.7.48.1");
    public static final Oid AD_CA_ISSUERS = Oid.of("1.3.6.1.5.5.7.48.2");
}
