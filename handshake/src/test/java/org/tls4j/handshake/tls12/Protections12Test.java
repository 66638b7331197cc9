package org.tls4j.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ContentType;
import org.tls4j.record.Record;
import org.tls4j.record.RecordProtection;
import org.tls4j.record.TlsAlert;

/**
 * The factory builds working, matching protections for every (suite, version, EtM) it allows: what one
 * side seals the other opens, client-write and server-write keys differ, a flipped bit is bad_record_mac,
 * and the split/explicit-IV behaviour follows VersionRules. Real interop is in OpenSslRecordedTls12Test.
 */
class Protections12Test {
    static final List<VersionRules> ALL = List.of(VersionRules.SSL3, VersionRules.TLS10, VersionRules.TLS11,
            VersionRules.TLS12);

    static byte[] sealOpen(RecordProtection sealer, RecordProtection opener, long seq, byte[] pt, boolean flip)
            throws TlsAlert {
        byte[] out = new byte[5 + sealer.sealedLength(ContentType.APPLICATION_DATA, pt.length)];
        int n = sealer.seal(ContentType.APPLICATION_DATA, org.tls4j.record.ProtocolVersion.TLS12, seq, pt, 0,
                pt.length, out, 0);
        assertEquals(out.length, n);
        if (flip) {
            out[out.length - 1] ^= 1;
        }
        Record r = new Record().set(out[0] & 0xff, 0x0303, out, 5, n - 5);
        opener.open(seq, r);
        return Arrays.copyOfRange(r.array(), r.offset(), r.offset() + r.length());
    }

    @Test
    void everySuiteVersionAndEtmRoundTrips() throws Exception {
        Random rnd = new Random(5246);
        RandomSource ivs = (b, off, len) -> {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) rnd.nextInt();
            }
        };
        int combos = 0;
        for (Suite12 s : Suite12.all()) {
            for (VersionRules r : ALL) {
                if (!s.allowedIn(r.version)) {
                    continue;
                }
                boolean cbc = s.cipher.kind == BulkCipher12.Kind.BLOCK;
                for (boolean etm : new boolean[] {false, true}) {
                    if (etm && (!cbc || r == VersionRules.SSL3)) {
                        KeyBlock kb0 = r.keyBlock(s, new byte[48], new byte[32], new byte[32]);
                        assertThrows(IllegalArgumentException.class, () -> Protections12.create(s, r, kb0, true, true, ivs));
                        continue;
                    }
                    byte[] ms = new byte[48];
                    rnd.nextBytes(ms);
                    KeyBlock kb = r.keyBlock(s, ms, new byte[32], new byte[32]);
                    RecordProtection cw = Protections12.create(s, r, kb, true, etm, ivs);
                    RecordProtection cr = Protections12.create(s, r, kb, true, etm, ivs);
                    RecordProtection sw = Protections12.create(s, r, kb, false, etm, ivs);
                    byte[] msg = new byte[1 + rnd.nextInt(300)];
                    rnd.nextBytes(msg);
                    for (long seq = 0; seq < 3; seq++) {
                        assertArrayEquals(msg, sealOpen(cw, cr, seq, msg, false), s + " " + r + " etm=" + etm);
                    }
                    assertEquals(cbc && r.cbcSplitByDefault, cw.splitsFirstByte(), s + " " + r);
                    if (s.cipher != BulkCipher12.NULL) {
                        // server-write keys cannot open client-write records
                        RecordProtection sr = Protections12.create(s, r, kb, false, etm, ivs);
                        TlsAlert a = assertThrows(TlsAlert.class, () -> sealOpen(cw, sr, 3, msg, false));
                        assertEquals(AlertDescription.BAD_RECORD_MAC, a.description());
                        sw.destroy();
                    }
                    // a flipped last byte (tag, MAC or padding) is bad_record_mac (new pair: chained state)
                    RecordProtection cw2 = Protections12.create(s, r, kb, true, etm, ivs);
                    RecordProtection cr2 = Protections12.create(s, r, kb, true, etm, ivs);
                    TlsAlert a = assertThrows(TlsAlert.class, () -> sealOpen(cw2, cr2, 0, msg, true));
                    assertEquals(AlertDescription.BAD_RECORD_MAC, a.description(), s + " " + r);
                    combos++;
                }
            }
        }
        System.out.println("record protection round trips: " + combos + " (suite, version, EtM) combinations");
        assertTrue(combos > 120);
    }

    @Test
    void aeadSuitesUseExplicitNonceOrXorAsTheRfcSays() throws Exception {
        KeyBlock gcmKb = VersionRules.TLS12.keyBlock(Suite12.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
                new byte[48], new byte[32], new byte[32]);
        RecordProtection gcm = Protections12.create(Suite12.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
                VersionRules.TLS12, gcmKb, true, false, null);
        assertEquals(8 + 10 + 16, gcm.sealedLength(ContentType.APPLICATION_DATA, 10), "RFC 5288: 8-byte explicit nonce");
        Suite12 cc = Suite12.of(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256);
        RecordProtection chacha = Protections12.create(cc, VersionRules.TLS12,
                VersionRules.TLS12.keyBlock(cc, new byte[48], new byte[32], new byte[32]), true, false, null);
        assertEquals(10 + 16, chacha.sealedLength(ContentType.APPLICATION_DATA, 10), "RFC 7905: no explicit nonce");
        Suite12 ccm8 = Suite12.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8);
        RecordProtection c8 = Protections12.create(ccm8, VersionRules.TLS12,
                VersionRules.TLS12.keyBlock(ccm8, new byte[48], new byte[32], new byte[32]), true, false, null);
        assertEquals(8 + 10 + 8, c8.sealedLength(ContentType.APPLICATION_DATA, 10), "RFC 6655: 8-byte tag");
        assertNotEquals(gcm.name(), chacha.name());
    }

    @Test
    void suiteNotAllowedInVersionIsRefused() throws Exception {
        Suite12 gcm = Suite12.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        KeyBlock kb = VersionRules.TLS12.keyBlock(gcm, new byte[48], new byte[32], new byte[32]);
        assertThrows(IllegalArgumentException.class, () -> Protections12.create(gcm, VersionRules.TLS11, kb, true, false, null));
        Suite12 cbc = Suite12.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA);
        KeyBlock kb2 = VersionRules.TLS11.keyBlock(cbc, new byte[48], new byte[32], new byte[32]);
        assertThrows(IllegalArgumentException.class, () -> Protections12.create(cbc, VersionRules.TLS11, kb2, true, false, null),
                "explicit IVs need a random source");
    }
}
