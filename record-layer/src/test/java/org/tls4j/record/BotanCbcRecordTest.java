package org.tls4j.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.cipher.AesCt64;
import org.tls4j.crypto.cipher.BlockCipher;
import org.tls4j.crypto.cipher.legacy.Des3;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.testing.FixedRandomSource;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Vectors;

/**
 * Botan's TLS CBC record vectors ({@code botan/tls_cbc_kat.vec}, format in the vectors README): each
 * entry is sealed with {@link TlsCbcProtection} (MAC-then-encrypt or encrypt-then-MAC, explicit IV =
 * the entry's Nonce) and must give exactly the published ciphertext; the published record must open to
 * the published plaintext; and the record with its last byte flipped must give bad_record_mac. DTLS
 * entries differ from TLS only in the 8-byte sequence field (epoch ‖ sequence) and the version code,
 * which are inputs to the same computation, so they are checked as well. All with tls4j's AesCt64 and
 * Des3.
 */
class BotanCbcRecordTest {
    @Test
    void allEntries() throws Exception {
        List<VecFile.Entry> entries = VecFile.parse(Vectors.text("botan/tls_cbc_kat.vec"), true);
        int mte = 0;
        int etm = 0;
        int aes = 0;
        int des = 0;
        for (VecFile.Entry e : entries) {
            boolean isEtm = Boolean.parseBoolean(e.get("EncryptThenMAC"));
            int macLen = Integer.parseInt(e.get("KeylenMAC"));
            int cipherLen = Integer.parseInt(e.get("KeylenCipher"));
            byte[] key = Hex.decode(e.get("Key"));
            assertEquals(macLen + cipherLen, key.length);
            byte[] macKey = Arrays.copyOfRange(key, 0, macLen);
            byte[] encKey = Arrays.copyOfRange(key, macLen, key.length);
            byte[] ad = Hex.decode(e.get("AssociatedData"));
            long s = 0;
            for (int i = 0; i < 8; i++) {
                s = (s << 8) | (ad[i] & 0xff);
            }
            final long seq = s;
            ContentType type = ContentType.of(ad[8] & 0xff);
            ProtocolVersion version = ProtocolVersion.of(((ad[9] & 0xff) << 8) | (ad[10] & 0xff));
            byte[] iv = Hex.decode(e.get("Nonce"));
            byte[] plaintext = Hex.decode(e.get("Plaintext"));
            assertEquals(plaintext.length, ((ad[11] & 0xff) << 8) | (ad[12] & 0xff), "AD length = plaintext length");
            byte[] ciphertext = Hex.decode(e.get("Ciphertext"));
            String blockCipher = e.get("BlockCipher");
            String mac = e.get("MAC");

            RecordProtection sealer = make(blockCipher, encKey, mac, macKey, isEtm, version, iv);
            byte[] out = new byte[RecordHeader.LENGTH + sealer.sealedLength(type, plaintext.length)];
            int n = sealer.seal(type, version, seq, plaintext, 0, plaintext.length, out, 0);
            assertEquals(out.length, n);
            byte[] expectedFragment = concat(iv, ciphertext);
            assertEquals(Hex.encode(expectedFragment), Hex.encode(Arrays.copyOfRange(out, 5, n)),
                    "seal " + blockCipher + " " + mac + (isEtm ? " EtM" : " MtE") + " seq " + seq);

            RecordProtection opener = make(blockCipher, encKey, mac, macKey, isEtm, version, null);
            byte[] frag = expectedFragment.clone();
            Record r = new Record().set(type.code, version.code, frag, 0, frag.length);
            opener.open(seq, r);
            assertArrayEquals(plaintext, r.copy());
            assertEquals(type, r.type());

            RecordProtection opener2 = make(blockCipher, encKey, mac, macKey, isEtm, version, null);
            byte[] bad = expectedFragment.clone();
            bad[bad.length - 1] ^= 1;
            Record rb = new Record().set(type.code, version.code, bad, 0, bad.length);
            TlsAlert a = assertThrows(TlsAlert.class, () -> opener2.open(seq, rb));
            assertEquals(AlertDescription.BAD_RECORD_MAC, a.description());

            if (isEtm) {
                etm++;
            } else {
                mte++;
            }
            if (blockCipher.startsWith("AES")) {
                aes++;
            } else {
                des++;
            }
        }
        System.out.printf("botan tls_cbc_kat.vec: %d records checked (%d MAC-then-encrypt, %d encrypt-then-MAC;"
                + " %d AES-128/HMAC-SHA-256 with tls4j AES, %d 3DES/HMAC-SHA-1 with tls4j Des3)%n",
                entries.size(), mte, etm, aes, des);
        assertEquals(10, entries.size());
    }

    private static RecordProtection make(String blockCipher, byte[] encKey, String mac, byte[] macKey,
            boolean etm, ProtocolVersion version, byte[] iv) throws Exception {
        BlockCipher c = blockCipher.equals("AES-128") ? new AesCt64(encKey)
                : new Des3(encKey);
        Digest d = mac.equals("HMAC(SHA-256)") ? new Sha256() : new Sha1();
        FixedRandomSource rnd = new FixedRandomSource(iv == null ? new byte[0] : iv);
        RecordMac m = RecordMac.hmac(d, macKey);
        return etm ? TlsCbcProtection.encryptThenMac(version, c, m, null, rnd, false)
                : TlsCbcProtection.macThenEncrypt(version, c, m, null, rnd, false);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
