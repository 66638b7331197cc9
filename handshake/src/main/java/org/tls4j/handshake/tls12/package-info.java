/**
 * SSL 3.0 to TLS 1.2, the parts that need no engine: the cipher-suite table ({@link
 * org.tls4j.handshake.tls12.Suite12}), the per-version differences ({@link
 * org.tls4j.handshake.tls12.VersionRules}: PRF, Finished, CertificateVerify form, explicit IV, signature
 * algorithms, 1/n−1 splitting), master secret / extended master secret / key block derivation, the
 * factory of record protections ({@link org.tls4j.handshake.tls12.Protections12}), the RSA premaster
 * countermeasure ({@link org.tls4j.handshake.tls12.RsaPremaster}) and the SCSV checks ({@link
 * org.tls4j.handshake.tls12.Scsv}). Messages are in {@code tls12.msg}, extensions in {@code tls12.ext}.
 * The state machines: {@link org.tls4j.handshake.tls12.Tls12Client} and {@link
 * org.tls4j.handshake.tls12.Tls12Server} (typestate, one class per step, driven by {@link
 * org.tls4j.handshake.tls12.Tls12Handshake}), and {@link org.tls4j.handshake.tls12.VersionNegotiation}, which
 * picks TLS 1.0-1.3 for a connection and hands over to the TLS 1.3 or the TLS 1.2 machine.
 */
package org.tls4j.handshake.tls12;
