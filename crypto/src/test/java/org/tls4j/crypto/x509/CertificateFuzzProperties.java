package org.tls4j.crypto.x509;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.rand.HmacDrbg;

/**
 * Mutated and truncated certificates only ever raise {@link DerException} (or parse), finish promptly,
 * and allocate an amount bounded by the input size, never by a length field.
 */
class CertificateFuzzProperties {
    static final byte[] CERT;

    static {
        try {
            long now = 1780000000L;
            TestPki pki = new TestPki(HmacDrbg.fromSystem(), now, now + 86400);
            TestPki.Authority root = pki.root("Fuzz Root", pki.generate(TestPki.KeyKind.EC_P256));
            TestPki.Authority ca = root.intermediate("Fuzz CA", pki.generate(TestPki.KeyKind.EC_P256));
            CertificateBuilder b = pki.builder("fuzz.example", pki.generate(TestPki.KeyKind.EC_P256))
                    .basicConstraints(true, 2).keyUsage(KeyUsage.KEY_CERT_SIGN | KeyUsage.DIGITAL_SIGNATURE)
                    .extendedKeyUsage(X509Oids.KP_SERVER_AUTH, X509Oids.KP_CLIENT_AUTH)
                    .dnsNames("fuzz.example", "*.fuzz.example")
                    .subjectAltNames(GeneralName.ip(new byte[] {127, 0, 0, 1}), GeneralName.email("a@fuzz.example"),
                            GeneralName.uri("https://fuzz.example/"))
                    .nameConstraints(List.of(GeneralName.dns("fuzz.example"), GeneralName.ip(new byte[] {10, 0, 0, 0, -1, 0, 0, 0})),
                            List.of(GeneralName.dns("bad.fuzz.example")))
                    .authorityInfoAccess("http://ca.fuzz.example/ca.der", "http://ocsp.fuzz.example/");
            CERT = ca.issue(b).encoded();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final java.util.concurrent.atomic.AtomicInteger PARSED = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger REJECTED = new java.util.concurrent.atomic.AtomicInteger();

    @net.jqwik.api.lifecycle.AfterContainer
    static void report() {
        System.out.println("mutated certificates: " + (PARSED.get() + REJECTED.get()) + " tries, " + PARSED.get()
                + " still parsed, " + REJECTED.get() + " rejected with DerException, none with anything else");
    }

    record Mutation(int position, int value, int kind) {}

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> m = Combinators.combine(Arbitraries.integers().between(0, CERT.length - 1),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 3)).as(Mutation::new);
        return m.list().ofMinSize(1).ofMaxSize(4);
    }

    static byte[] apply(List<Mutation> ms) {
        byte[] b = CERT.clone();
        for (Mutation m : ms) {
            int p = Math.min(m.position(), b.length - 1);
            switch (m.kind()) {
                case 0 -> b[p] = (byte) m.value();          // overwrite
                case 1 -> b[p] ^= (byte) (1 << (m.value() & 7)); // flip a bit
                case 2 -> b = Arrays.copyOf(b, p);           // truncate
                default -> {                                  // insert a byte
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, p);
                    c[p] = (byte) m.value();
                    System.arraycopy(b, p, c, p + 1, b.length - p);
                    b = c;
                }
            }
            if (b.length == 0) {
                break;
            }
        }
        return b;
    }

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Property(tries = 2000)
    void mutatedCertificatesOnlyThrowTheParseException(@ForAll("mutations") List<Mutation> ms) {
        byte[] input = apply(ms);
        long before = allocatedBytes();
        long start = System.nanoTime();
        try {
            Certificate c = Certificate.parse(input);
            // If it parses, the derived views work too.
            c.subject().toString();
            c.issuer().toString();
            c.toString();
            PARSED.incrementAndGet();
        } catch (DerException expected) {
            REJECTED.incrementAndGet(); // the documented outcome
        } catch (RuntimeException e) {
            throw new AssertionError("unchecked exception for mutation " + ms + ": " + e, e);
        }
        long allocated = allocatedBytes() - before;
        long ms2 = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms2 < 2000, "parsing took " + ms2 + " ms");
        // Bounded by the input: copies of parts plus per-element objects, never a length field's claim.
        assertTrue(allocated < 64L * input.length + 256 * 1024, "allocated " + allocated + " bytes for " + input.length);
    }

    @Property(tries = 200)
    void everyTruncationIsRejected(@ForAll("lengths") int n) {
        byte[] prefix = Arrays.copyOf(CERT, n);
        try {
            Certificate.parse(prefix);
            throw new AssertionError("a " + n + "-byte prefix parsed");
        } catch (DerException expected) {
            // required
        }
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(0, CERT.length - 1);
    }

    @Property(tries = 200)
    void hostileLengthsAllocateNothingLarge(@ForAll("claims") long claim) {
        // SEQUENCE with a 4-octet length claiming up to 4 GB, followed by a few bytes.
        byte[] in = {0x30, (byte) 0x84, (byte) (claim >>> 24), (byte) (claim >>> 16), (byte) (claim >>> 8), (byte) claim, 1, 2, 3};
        long before = allocatedBytes();
        try {
            Certificate.parse(in);
            throw new AssertionError("parsed");
        } catch (DerException expected) {
            // required
        }
        assertTrue(allocatedBytes() - before < 64 * 1024);
    }

    @Provide
    Arbitrary<Long> claims() {
        return Arbitraries.longs().between(0x80_0000L, 0xffff_ffffL);
    }
}
