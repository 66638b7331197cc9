package org.tls4j.crypto.x509;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.tls4j.crypto.asn1.Oid;
import org.tls4j.crypto.sig.Verifier;
import org.tls4j.crypto.x509.CertificateRejectedException.Reason;

/**
 * Builds and validates a certification path from a peer's certificate to a trust anchor (RFC 5280,
 * Section 6, the parts a TLS stack needs).
 *
 * <p><b>Building.</b> Starting at the leaf, the issuer of the current certificate is looked for among
 * the trust anchors first, then among the certificates the peer sent, by name (RFC 5280, Section 7.1)
 * and, when both are present, by authority/subject key identifier. Every candidate is tried in turn
 * (depth first), so a cross-signed or re-keyed intermediate that fails does not hide one that works.
 * A candidate already on the path is a loop and is skipped; a path longer than the policy allows is
 * abandoned; a self-signed certificate sent by the peer ends the path, and counts only when it is a copy
 * of a trust anchor (same name and key) — self-issued key-rollover certificates are not followed; the search as a whole is capped at {@link #MAX_ATTEMPTS} candidate steps.
 *
 * <p><b>Validating</b> a complete path (anchor ... leaf), for each certificate from the anchor down:
 * the signature with the working public key (RFC 5280, Section 6.1.3 (a)(1)); validity at the policy's
 * instant ((a)(2)); no unknown critical extension (Section 4.2); name constraints collected so far
 * ((b), (c)); for intermediates: basicConstraints cA ((k)), pathLenConstraint ((l), (m)), keyUsage
 * keyCertSign ((n)) and, like browsers, an extendedKeyUsage that allows the purpose; for the leaf:
 * extendedKeyUsage for TLS server or client authentication and a keyUsage fit for TLS. The trust
 * anchor is trusted as given (RFC 5280, Section 6.1.1 (d)): its own validity and signature are not
 * checked, but its basicConstraints pathLenConstraint and name constraints, if any, are applied.
 *
 * <p>When no path validates, the exception reports the most telling failure: one found on a path that
 * reached an anchor (e.g. EXPIRED) over LOOP/CHAIN_TOO_LONG over UNTRUSTED.
 */
public final class PathValidator {
    /** Upper bound on candidate steps in one path search (defends against crafted issuer fan-out). */
    public static final int MAX_ATTEMPTS = 64;

    private final List<Certificate> anchors;
    private final VerifierFactory verifiers;

    public PathValidator(List<Certificate> trustAnchors, VerifierFactory verifiers) {
        this.anchors = Collections.unmodifiableList(new ArrayList<>(trustAnchors));
        this.verifiers = verifiers;
    }

    public List<Certificate> trustAnchors() {
        return anchors;
    }

    /** Search state: the best error so far and its rank (higher is more telling). */
    private static final class Search {
        CertificateRejectedException best;
        int bestRank = -1;
        int attempts;

        void record(CertificateRejectedException e, int rank) {
            if (rank > bestRank) {
                best = e;
                bestRank = rank;
            }
        }
    }

    private static final int RANK_UNTRUSTED = 0;
    private static final int RANK_STRUCTURE = 1;
    private static final int RANK_PATH = 2;

    /**
     * Validates {@code chain} (the peer's certificate first, then any intermediates in any order) and
     * returns the path used, leaf first and the trust anchor last. If the policy names a host, the leaf
     * is also checked against it ({@link HostnameVerifier}).
     */
    public List<Certificate> validate(List<Certificate> chain, ValidationPolicy policy) throws CertificateRejectedException {
        if (chain.isEmpty()) {
            throw new CertificateRejectedException(Reason.UNTRUSTED, "empty certificate chain");
        }
        List<Certificate> pool = new ArrayList<>();
        for (int i = 1; i < chain.size(); i++) {
            if (!pool.contains(chain.get(i))) {
                pool.add(chain.get(i));
            }
        }
        Search s = new Search();
        List<Certificate> path = new ArrayList<>();
        path.add(chain.get(0));
        List<Certificate> found = build(path, pool, policy, s);
        if (found == null) {
            if (s.best == null) {
                throw new CertificateRejectedException(Reason.UNTRUSTED, "no path to a trust anchor for " + chain.get(0).subject());
            }
            throw s.best;
        }
        if (policy.hostname() != null) {
            HostnameVerifier.verify(found.get(0), policy.hostname(), policy.cnFallback());
        }
        return Collections.unmodifiableList(found);
    }

    private List<Certificate> build(List<Certificate> path, List<Certificate> pool, ValidationPolicy policy, Search s) {
        Certificate cur = path.get(path.size() - 1);
        if (path.size() > policy.maxChainLength()) {
            s.record(new CertificateRejectedException(Reason.CHAIN_TOO_LONG, "path longer than " + policy.maxChainLength()
                    + " certificates below the trust anchor"), RANK_STRUCTURE);
            return null;
        }
        if (path.size() > 1 && cur.isSelfIssued()) {
            // A self-issued CA certificate the peer sent ends the path: it is usable only as a copy of a
            // trust anchor (same name and key). Self-issued key-rollover certificates are not followed.
            for (Certificate a : anchors) {
                if (a.subject().matches(cur.subject()) && a.publicKey().equals(cur.publicKey())) {
                    List<Certificate> full = new ArrayList<>(path.subList(0, path.size() - 1));
                    full.add(a);
                    try {
                        check(full, policy);
                        return full;
                    } catch (CertificateRejectedException e) {
                        s.record(e, RANK_PATH);
                        return null;
                    }
                }
            }
            s.record(new CertificateRejectedException(Reason.UNTRUSTED, "self-signed certificate " + cur.subject()
                    + " in the chain is not a trust anchor"), RANK_UNTRUSTED);
            return null;
        }
        boolean anyIssuer = false;
        for (Certificate a : anchors) {
            if (isIssuerCandidate(a, cur)) {
                anyIssuer = true;
                if (++s.attempts > MAX_ATTEMPTS) {
                    return null;
                }
                List<Certificate> full = new ArrayList<>(path);
                full.add(a);
                try {
                    check(full, policy);
                    return full;
                } catch (CertificateRejectedException e) {
                    s.record(e, RANK_PATH);
                }
            }
        }
        for (Certificate c : pool) {
            if (!isIssuerCandidate(c, cur)) {
                continue;
            }
            if (c.equals(cur)) {
                continue; // a self-signed certificate that is not an anchor: a dead end, not a loop
            }
            anyIssuer = true;
            if (++s.attempts > MAX_ATTEMPTS) {
                return null;
            }
            if (onPath(path, c)) {
                s.record(new CertificateRejectedException(Reason.LOOP, "certificate " + c.subject()
                        + " would appear twice on the path"), RANK_STRUCTURE);
                continue;
            }
            path.add(c);
            List<Certificate> r = build(path, pool, policy, s);
            path.remove(path.size() - 1);
            if (r != null) {
                return r;
            }
        }
        if (!anyIssuer) {
            s.record(new CertificateRejectedException(Reason.UNTRUSTED, "no trust anchor or intermediate issued "
                    + cur.subject() + " (issuer " + cur.issuer() + ")"), RANK_UNTRUSTED);
        }
        return null;
    }

    /** Same subject and public key counts as the same certificate (re-issued copies loop too). */
    private static boolean onPath(List<Certificate> path, Certificate c) {
        for (Certificate p : path) {
            if (p.equals(c) || (p.subject().matches(c.subject()) && p.publicKey().equals(c.publicKey()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIssuerCandidate(Certificate issuer, Certificate child) {
        if (!issuer.subject().matches(child.issuer())) {
            return false;
        }
        byte[] aki = child.authorityKeyId();
        byte[] ski = issuer.subjectKeyId();
        return aki == null || ski == null || Arrays.equals(aki, ski);
    }

    /** RFC 5280, Section 6.1 over {@code path} = leaf, intermediates..., anchor. */
    private void check(List<Certificate> path, ValidationPolicy policy) throws CertificateRejectedException {
        long now = policy.clock().instant().getEpochSecond();
        int n = path.size() - 1;
        Certificate anchor = path.get(n);
        PublicKeyInfo workingKey = anchor.publicKey();
        Name workingName = anchor.subject();
        int maxPathLength = n;
        if (anchor.pathLenConstraint() >= 0) {
            maxPathLength = Math.min(maxPathLength, anchor.pathLenConstraint());
        }
        List<NameConstraints> constraints = new ArrayList<>();
        if (anchor.nameConstraints() != null) {
            constraints.add(anchor.nameConstraints());
        }
        for (int i = n - 1; i >= 0; i--) {
            Certificate c = path.get(i);
            boolean leaf = i == 0;
            if (!c.issuer().matches(workingName)) {
                throw new CertificateRejectedException(Reason.UNTRUSTED, c.subject() + ": issuer name does not chain");
            }
            verifySignature(c, workingKey, policy);
            if (now > c.notAfter()) {
                throw new CertificateRejectedException(Reason.EXPIRED, c.subject() + " expired at "
                        + org.tls4j.crypto.asn1.Asn1Time.formatGeneralized(c.notAfter()) + " (RFC 5280, Section 6.1.3 (a)(2))");
            }
            if (now < c.notBefore()) {
                throw new CertificateRejectedException(Reason.NOT_YET_VALID, c.subject() + " is not valid before "
                        + org.tls4j.crypto.asn1.Asn1Time.formatGeneralized(c.notBefore()) + " (RFC 5280, Section 6.1.3 (a)(2))");
            }
            if (!c.unknownCriticalExtensions().isEmpty()) {
                throw new CertificateRejectedException(Reason.UNKNOWN_CRITICAL_EXTENSION, c.subject()
                        + " has critical extension(s) tls4j does not process: " + c.unknownCriticalExtensions()
                        + " (RFC 5280, Section 4.2)");
            }
            // RFC 5280, Section 6.1.3 (b), (c): self-issued intermediates are exempt; the leaf never is.
            if (leaf || !c.isSelfIssued()) {
                for (NameConstraints nc : constraints) {
                    String v = NameConstraintChecker.violation(nc, c, true);
                    if (v != null) {
                        throw new CertificateRejectedException(Reason.NAME_CONSTRAINTS, c.subject() + ": " + v
                                + " (RFC 5280, Section 4.2.1.10)");
                    }
                }
            }
            checkEku(c, policy.purpose());
            if (leaf) {
                int ku = c.keyUsage();
                if (ku >= 0 && (ku & policy.leafKeyUsage()) == 0) {
                    throw new CertificateRejectedException(Reason.KEY_USAGE, c.subject() + ": keyUsage "
                            + KeyUsage.describe(ku) + " allows none of " + KeyUsage.describe(policy.leafKeyUsage()));
                }
                checkKeySize(c.publicKey(), policy, c);
            } else {
                if (!c.hasBasicConstraints() || !c.isCa()) {
                    throw new CertificateRejectedException(Reason.NOT_A_CA, c.subject()
                            + " issued a certificate but is not a CA (basicConstraints, RFC 5280, Section 6.1.4 (k))");
                }
                if (c.keyUsage() >= 0 && (c.keyUsage() & KeyUsage.KEY_CERT_SIGN) == 0) {
                    throw new CertificateRejectedException(Reason.KEY_USAGE, c.subject()
                            + ": keyUsage lacks keyCertSign (RFC 5280, Section 6.1.4 (n))");
                }
                if (!c.isSelfIssued()) {
                    if (maxPathLength <= 0) {
                        throw new CertificateRejectedException(Reason.PATH_LENGTH_EXCEEDED, c.subject()
                                + ": a pathLenConstraint above it is exceeded (RFC 5280, Section 6.1.4 (l))");
                    }
                    maxPathLength--;
                }
                if (c.pathLenConstraint() >= 0) {
                    maxPathLength = Math.min(maxPathLength, c.pathLenConstraint());
                }
                if (c.nameConstraints() != null) {
                    constraints.add(c.nameConstraints());
                }
                workingKey = c.publicKey();
                workingName = c.subject();
            }
        }
    }

    /** The leaf's, and (as browsers do) each intermediate's, extendedKeyUsage must allow the purpose. */
    private static void checkEku(Certificate c, Purpose purpose) throws CertificateRejectedException {
        List<Oid> eku = c.extendedKeyUsage();
        if (eku != null && !eku.contains(purpose.eku()) && !eku.contains(X509Oids.ANY_EXTENDED_KEY_USAGE)) {
            throw new CertificateRejectedException(Reason.EXTENDED_KEY_USAGE, c.subject() + ": extendedKeyUsage " + eku
                    + " does not allow " + purpose + " (RFC 5280, Section 4.2.1.12)");
        }
    }

    private static void checkKeySize(PublicKeyInfo k, ValidationPolicy policy, Certificate c)
            throws CertificateRejectedException {
        if ((k.type() == PublicKeyInfo.KeyType.RSA || k.type() == PublicKeyInfo.KeyType.RSA_PSS) && k.bits() < policy.minRsaBits()) {
            throw new CertificateRejectedException(Reason.WEAK_ALGORITHM, c.subject() + ": RSA key of " + k.bits()
                    + " bits, policy requires " + policy.minRsaBits());
        }
    }

    /** Checks algorithm/key fit and policy, then verifies the signature over the exact TBSCertificate bytes. */
    private void verifySignature(Certificate c, PublicKeyInfo key, ValidationPolicy policy) throws CertificateRejectedException {
        SignatureAlgorithm alg = c.signatureAlgorithm();
        checkFit(alg, key, c);
        if ("SHA-1".equals(alg.hash()) && !policy.sha1Allowed()) {
            throw new CertificateRejectedException(Reason.WEAK_ALGORITHM, c.subject() + " is signed with " + alg.name()
                    + " and SHA-1 is not allowed");
        }
        checkKeySize(key, policy, c);
        Verifier v = verifiers.verifier(alg, key);
        byte[] tbs = c.tbsCertificate();
        byte[] sig = c.signature();
        if (!v.verify(tbs, 0, tbs.length, sig, 0, sig.length)) {
            throw new CertificateRejectedException(Reason.BAD_SIGNATURE, "the signature on " + c.subject() + " (" + alg.name()
                    + ") does not verify with its issuer's key");
        }
    }

    /** Whether a signature algorithm can be used with a key type (and a PSS key's restrictions, RFC 4055, Section 3.3). */
    static void checkFit(SignatureAlgorithm alg, PublicKeyInfo key, Certificate c) throws CertificateRejectedException {
        PublicKeyInfo.KeyType t = key.type();
        boolean ok;
        switch (alg.kind()) {
            case RSA_PKCS1:
                ok = t == PublicKeyInfo.KeyType.RSA;
                break;
            case RSA_PSS:
                ok = t == PublicKeyInfo.KeyType.RSA || t == PublicKeyInfo.KeyType.RSA_PSS;
                SignatureAlgorithm r = key.pssRestriction();
                if (ok && r != null && (!r.hash().equals(alg.hash()) || !r.mgfHash().equals(alg.mgfHash())
                        || alg.saltLength() < r.saltLength())) {
                    ok = false;
                }
                break;
            case ECDSA:
                ok = t == PublicKeyInfo.KeyType.EC_P256 || t == PublicKeyInfo.KeyType.EC_P384 || t == PublicKeyInfo.KeyType.EC_P521;
                break;
            case ED25519:
                ok = t == PublicKeyInfo.KeyType.ED25519;
                break;
            case ED448:
                ok = t == PublicKeyInfo.KeyType.ED448;
                break;
            default:
                throw new CertificateRejectedException(Reason.UNSUPPORTED_ALGORITHM, c.subject() + " is signed with unsupported algorithm "
                        + alg.oid());
        }
        if (!ok) {
            throw new CertificateRejectedException(Reason.UNSUPPORTED_ALGORITHM, c.subject() + ": signature algorithm "
                    + alg.name() + " cannot be used with an issuer key of type " + key);
        }
    }
}
