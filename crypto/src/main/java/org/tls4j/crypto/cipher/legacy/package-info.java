/**
 * Legacy ciphers kept only for interoperability with, and testing of, old peers: {@link
 * org.tls4j.crypto.cipher.legacy.Rc4}, {@link org.tls4j.crypto.cipher.legacy.Rc2}, {@link
 * org.tls4j.crypto.cipher.legacy.Des} and {@link org.tls4j.crypto.cipher.legacy.Des3}, plus {@link
 * org.tls4j.crypto.cipher.legacy.Export40}, which keys them for the 40-bit export suites. Every one of them is broken or weak (each class says why) and
 * TLS keeps them off by default.
 *
 * <h2>What "export" means</h2>
 * Until 2000, US export rules allowed only 40 bits of secret key in exported software, so SSL 2.0, SSL 3.0
 * and TLS 1.0 defined "EXPORT" suites (RC4_40, RC2_CBC_40, DES40_CBC). Their ciphers are the normal
 * ones; what differs is the key derivation, which puts only 40 secret bits into a full-size key:
 * <ul>
 * <li>SSL 2.0 (draft-hickman-netscape-ssl-00, CLIENT-MASTER-KEY): of the 16-byte master key, 11 bytes
 * are sent in the clear ({@code CLEAR-KEY-DATA}) and 5 encrypted ({@code SECRET-KEY-DATA}); the cipher keys
 * are MD5 hashes of the master key and public values.</li>
 * <li>SSL 3.0 (RFC 6101, Section 6.2.2.3): the key block yields 5-byte write keys;
 * {@code final_client_write_key = MD5(client_write_key || ClientHello.random || ServerHello.random)}
 * (server: the randoms swapped), truncated to 16 bytes for RC4/RC2 or 8 for DES; the IVs are MD5 of the
 * public randoms alone.</li>
 * <li>TLS 1.0 (RFC 2246, Section 6.3.1): likewise 5-byte write keys, expanded with
 * {@code PRF(client_write_key, "client write key", client_random || server_random)}; the IVs come from
 * {@code PRF("", "IV block", ...)}, i.e. from public data only.</li>
 * </ul>
 * So an export key has 2^40 possibilities and is found by exhaustive search in seconds to minutes; FREAK
 * (2015) and Logjam (2015) showed that servers still accepting export RSA/DH parameters could be
 * downgraded. TLS 1.1 (RFC 4346) forbids negotiating export suites. The 40-bit key expansion is a KDF
 * matter (MD5 / the TLS PRF) and lives in {@link org.tls4j.crypto.kdf.ExportKeys}; the ciphers here take
 * the expanded key: 16 bytes for RC4_40 and RC2_CBC_40 (RC2 with effective key bits 128), 8 bytes for
 * DES40 ({@link org.tls4j.crypto.cipher.legacy.Export40}).
 */
package org.tls4j.crypto.cipher.legacy;
