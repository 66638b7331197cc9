/**
 * Elliptic-curve cryptography: key agreement (X25519, X448, ECDH on P-256/384/521) and signatures
 * (ECDSA on P-256/384/521, Ed25519, Ed448), in pure Java 8 without the JCA.
 *
 * <h2>Public API</h2>
 * <ul>
 *   <li>Key agreement, all {@link org.tls4j.crypto.kex.KeyExchange}: {@link org.tls4j.crypto.ec.X25519}
 *       ({@code "x25519"}), {@link org.tls4j.crypto.ec.X448} ({@code "x448"}), {@link org.tls4j.crypto.ec.Ecdh}
 *       ({@code Ecdh.P256/P384/P521}: {@code "secp256r1"}, ...; wire form 0x04 || X || Y, secret = X).
 *   <li>NIST curves: {@link org.tls4j.crypto.ec.EcCurve} ({@code P256}, {@code P384}, {@code P521},
 *       {@code byName}), {@link org.tls4j.crypto.ec.EcPublicKey#fromSec1},
 *       {@link org.tls4j.crypto.ec.EcPrivateKey#fromScalar} / {@code generate},
 *       {@link org.tls4j.crypto.ec.EcdsaSigner} and {@link org.tls4j.crypto.ec.EcdsaVerifier} with a
 *       {@link org.tls4j.crypto.hash.Digest} and a {@link org.tls4j.crypto.ec.SignatureEncoding} (DER or P1363).
 *   <li>EdDSA: {@link org.tls4j.crypto.ec.Ed25519PrivateKey} (32-byte seed), {@link org.tls4j.crypto.ec.Ed25519PublicKey}
 *       (32 bytes), {@link org.tls4j.crypto.ec.Ed25519Signer}, {@link org.tls4j.crypto.ec.Ed25519Verifier}; the same
 *       four for Ed448 (57-byte keys, optional context).
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>Peer points are always validated; compressed SEC1 points are not accepted (TLS 1.3 and RFC 8422
 *       use uncompressed points only). All-zero X25519/X448 secrets are refused.
 *   <li>ECDSA nonces are RFC 6979 deterministic by default, hedged (RFC 6979, Section 3.6) on request;
 *       every signature (ECDSA and EdDSA) is verified before it is returned.
 *   <li>EdDSA verification: canonical A, R and S &lt; L required, cofactorless equation, no small-order
 *       blocklist (reject CCTV non_canonical_A/R and low_order_residue, accept the rest).
 * </ul>
 *
 * <h2>Implementation</h2>
 * GF(2^255 - 19) uses ten 25.5-bit limbs ({@code Fe25519}); every other field and every group order
 * uses {@code MontField}, Montgomery arithmetic on 32-bit limbs with 64-bit products (the P-256 prime has
 * its own plain-form arithmetic in {@code P256Field}: product scanning and the NIST fast reduction). NIST points use the complete
 * Renes–Costello–Batina formulas (the doublings of the variable-base ladder in Jacobian coordinates);
 * Edwards points the RFC 8032 formulas. Secret scalars are processed in fixed 4-bit digits (signed
 * digits over precomputed affine combs for the base points) over their full public length with masked
 * table scans; inversions of secret-dependent values are Fermat powers by public exponents.
 * Verification works on public data and is variable-time: Straus' double multiplication with wNAF,
 * and BigInteger inversions of public values.
 */
package org.tls4j.crypto.ec;
