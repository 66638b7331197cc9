package org.tls4j.crypto.dh;

import java.math.BigInteger;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.crypto.math.Modulus;
import org.tls4j.crypto.math.Nat31;
import org.tls4j.crypto.rand.RandomSource;

/**
 * Finite-field Diffie-Hellman: the named groups of RFC 7919 (ffdhe2048 ... ffdhe8192, generator 2) and
 * server-supplied groups (p, g) for TLS 1.2 DHE (RFC 5246, Section 7.4.3).
 *
 * <p><b>Wire format.</b> Public values and the shared secret are big-endian integers left-padded with
 * zeros to the byte length of p, as TLS 1.3 sends and uses them (RFC 8446, Sections 4.2.8.1 and 7.4.1).
 * TLS 1.2 uses the shared secret with its leading zero bytes stripped (RFC 5246, Section 8.1.2) and may
 * send public values without leading zeros: the TLS 1.2 code strips the zeros itself, and {@link
 * KeyShare#agree} accepts a peer value of 1 to {@code byteLength(p)} bytes (the TLS 1.3 code checks that
 * the value has exactly the padded length).
 *
 * <p><b>Checks.</b> The peer's value must satisfy {@code 1 < y < p - 1} (RFC 8446, Section 4.2.8.1; RFC
 * 7919, Section 5.1), which excludes the elements of order 1 and 2; for the named groups p is a safe prime,
 * so every other value has order q or 2q. A shared secret equal to 1 or 0 is refused too. Server-supplied groups
 * must have p odd, of {@code minBits} (default 2048, against Logjam) to {@code maxBits} (default 8192) bits,
 * and {@code 1 < g < p - 1}; their primality and subgroup structure are NOT checked (too costly per
 * handshake), which is why RFC 7919 groups are preferred.
 *
 * <p><b>Private exponent.</b> For the named groups the private exponent has the length RFC 7919, Section 5.2
 * and Appendix A suggest for a short exponent: 225, 275, 325, 375 and 400 bits for ffdhe2048 to ffdhe8192
 * (about twice the estimated security strength of each group: 103, 125, 150, 175, 192 bits). Short
 * exponents are safe there because p is a safe prime. For server-supplied groups, whose structure is
 * unknown, it has the full size of p less one bit. Exponentiation runs on the constant-time Montgomery code
 * ({@link Modulus#modPow}), whose steps depend only on the exponent's public length. constant-time: yes.
 */
public final class FfdheGroup implements KeyExchange {
    private static final String P2048 =
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695A9E13641146433FBCC939DCE249B3EF9" +
            "7D2FE363630C75D8F681B202AEC4617AD3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935" +
            "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797ABC0AB182B324FB61D108A94BB2C8E3FB" +
            "B96ADAB760D7F4681D4F42A3DE394DF4AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61" +
            "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005C58EF1837D1683B2C6F34A26C1B2EFFA" +
            "886B423861285C97FFFFFFFFFFFFFFFF";

    private static final String P3072 =
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695A9E13641146433FBCC939DCE249B3EF9" +
            "7D2FE363630C75D8F681B202AEC4617AD3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935" +
            "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797ABC0AB182B324FB61D108A94BB2C8E3FB" +
            "B96ADAB760D7F4681D4F42A3DE394DF4AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61" +
            "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005C58EF1837D1683B2C6F34A26C1B2EFFA" +
            "886B4238611FCFDCDE355B3B6519035BBC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C" +
            "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF5CAE82AB9C9DF69EE86D2BC522363A0D" +
            "ABC521979B0DEADA1DBF9A42D5C4484E0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B66C62E37FFFFFFFFFFFFFFFF";

    private static final String P4096 =
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695A9E13641146433FBCC939DCE249B3EF9" +
            "7D2FE363630C75D8F681B202AEC4617AD3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935" +
            "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797ABC0AB182B324FB61D108A94BB2C8E3FB" +
            "B96ADAB760D7F4681D4F42A3DE394DF4AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61" +
            "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005C58EF1837D1683B2C6F34A26C1B2EFFA" +
            "886B4238611FCFDCDE355B3B6519035BBC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C" +
            "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF5CAE82AB9C9DF69EE86D2BC522363A0D" +
            "ABC521979B0DEADA1DBF9A42D5C4484E0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B669E1EF16E6F52C3164DF4FB" +
            "7930E9E4E58857B6AC7D5F42D69F6D187763CF1D5503400487F55BA57E31CC7A7135C886EFB4318AED6A1E012D9E6832" +
            "A907600A918130C46DC778F971AD0038092999A333CB8B7A1A1DB93D7140003C2A4ECEA9F98D0ACC0A8291CDCEC97DCF" +
            "8EC9B55A7F88A46B4DB5A851F44182E1C68A007E5E655F6AFFFFFFFFFFFFFFFF";

    private static final String P6144 =
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695A9E13641146433FBCC939DCE249B3EF9" +
            "7D2FE363630C75D8F681B202AEC4617AD3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935" +
            "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797ABC0AB182B324FB61D108A94BB2C8E3FB" +
            "B96ADAB760D7F4681D4F42A3DE394DF4AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61" +
            "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005C58EF1837D1683B2C6F34A26C1B2EFFA" +
            "886B4238611FCFDCDE355B3B6519035BBC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C" +
            "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF5CAE82AB9C9DF69EE86D2BC522363A0D" +
            "ABC521979B0DEADA1DBF9A42D5C4484E0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B669E1EF16E6F52C3164DF4FB" +
            "7930E9E4E58857B6AC7D5F42D69F6D187763CF1D5503400487F55BA57E31CC7A7135C886EFB4318AED6A1E012D9E6832" +
            "A907600A918130C46DC778F971AD0038092999A333CB8B7A1A1DB93D7140003C2A4ECEA9F98D0ACC0A8291CDCEC97DCF" +
            "8EC9B55A7F88A46B4DB5A851F44182E1C68A007E5E0DD9020BFD64B645036C7A4E677D2C38532A3A23BA4442CAF53EA6" +
            "3BB454329B7624C8917BDD64B1C0FD4CB38E8C334C701C3ACDAD0657FCCFEC719B1F5C3E4E46041F388147FB4CFDB477" +
            "A52471F7A9A96910B855322EDB6340D8A00EF092350511E30ABEC1FFF9E3A26E7FB29F8C183023C3587E38DA0077D9B4" +
            "763E4E4B94B2BBC194C6651E77CAF992EEAAC0232A281BF6B3A739C1226116820AE8DB5847A67CBEF9C9091B462D538C" +
            "D72B03746AE77F5E62292C311562A846505DC82DB854338AE49F5235C95B91178CCF2DD5CACEF403EC9D1810C6272B04" +
            "5B3B71F9DC6B80D63FDD4A8E9ADB1E6962A69526D43161C1A41D570D7938DAD4A40E329CD0E40E65FFFFFFFFFFFFFFFF";

    private static final String P8192 =
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695A9E13641146433FBCC939DCE249B3EF9" +
            "7D2FE363630C75D8F681B202AEC4617AD3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935" +
            "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797ABC0AB182B324FB61D108A94BB2C8E3FB" +
            "B96ADAB760D7F4681D4F42A3DE394DF4AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61" +
            "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005C58EF1837D1683B2C6F34A26C1B2EFFA" +
            "886B4238611FCFDCDE355B3B6519035BBC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C" +
            "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF5CAE82AB9C9DF69EE86D2BC522363A0D" +
            "ABC521979B0DEADA1DBF9A42D5C4484E0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B669E1EF16E6F52C3164DF4FB" +
            "7930E9E4E58857B6AC7D5F42D69F6D187763CF1D5503400487F55BA57E31CC7A7135C886EFB4318AED6A1E012D9E6832" +
            "A907600A918130C46DC778F971AD0038092999A333CB8B7A1A1DB93D7140003C2A4ECEA9F98D0ACC0A8291CDCEC97DCF" +
            "8EC9B55A7F88A46B4DB5A851F44182E1C68A007E5E0DD9020BFD64B645036C7A4E677D2C38532A3A23BA4442CAF53EA6" +
            "3BB454329B7624C8917BDD64B1C0FD4CB38E8C334C701C3ACDAD0657FCCFEC719B1F5C3E4E46041F388147FB4CFDB477" +
            "A52471F7A9A96910B855322EDB6340D8A00EF092350511E30ABEC1FFF9E3A26E7FB29F8C183023C3587E38DA0077D9B4" +
            "763E4E4B94B2BBC194C6651E77CAF992EEAAC0232A281BF6B3A739C1226116820AE8DB5847A67CBEF9C9091B462D538C" +
            "D72B03746AE77F5E62292C311562A846505DC82DB854338AE49F5235C95B91178CCF2DD5CACEF403EC9D1810C6272B04" +
            "5B3B71F9DC6B80D63FDD4A8E9ADB1E6962A69526D43161C1A41D570D7938DAD4A40E329CCFF46AAA36AD004CF600C838" +
            "1E425A31D951AE64FDB23FCEC9509D43687FEB69EDD1CC5E0B8CC3BDF64B10EF86B63142A3AB8829555B2F747C932665" +
            "CB2C0F1CC01BD70229388839D2AF05E454504AC78B7582822846C0BA35C35F5C59160CC046FD8251541FC68C9C86B022" +
            "BB7099876A460E7451A8A93109703FEE1C217E6C3826E52C51AA691E0E423CFC99E9E31650C1217B624816CDAD9A95F9" +
            "D5B8019488D9C0A0A1FE3075A577E23183F81D4A3F2FA4571EFC8CE0BA8A4FE8B6855DFE72B0A66EDED2FBABFBE58A30" +
            "FAFABE1C5D71A87E2F741EF8C1FE86FEA6BBFDE530677F0D97D11D49F7A8443D0822E506A9F4614E011E2A94838FF88C" +
            "D68C8BB7C5C6424CFFFFFFFFFFFFFFFF";

    /** ffdhe2048 (RFC 7919, Appendix A.1). */
    public static final FfdheGroup FFDHE2048 = named("ffdhe2048", P2048, 225);
    /** ffdhe3072 (RFC 7919, Appendix A.2). */
    public static final FfdheGroup FFDHE3072 = named("ffdhe3072", P3072, 275);
    /** ffdhe4096 (RFC 7919, Appendix A.3). */
    public static final FfdheGroup FFDHE4096 = named("ffdhe4096", P4096, 325);
    /** ffdhe6144 (RFC 7919, Appendix A.4). */
    public static final FfdheGroup FFDHE6144 = named("ffdhe6144", P6144, 375);
    /** ffdhe8192 (RFC 7919, Appendix A.5). */
    public static final FfdheGroup FFDHE8192 = named("ffdhe8192", P8192, 400);

    /** Default smallest p accepted from a server, in bits. */
    public static final int DEFAULT_MIN_BITS = 2048;
    /** Default largest p accepted from a server, in bits. */
    public static final int DEFAULT_MAX_BITS = 8192;

    private final String name;
    private final BigInteger p;
    private final BigInteger g;
    private final int pLen;
    private final int expBits;
    private volatile Modulus mod; // built on first use (R^2 mod p costs a few ms for the big groups)

    private FfdheGroup(String name, BigInteger p, BigInteger g, int expBits) {
        this.name = name;
        this.p = p;
        this.g = g;
        this.pLen = (p.bitLength() + 7) / 8;
        this.expBits = expBits;
    }

    private static FfdheGroup named(String name, String hex, int expBits) {
        return new FfdheGroup(name, new BigInteger(hex, 16), BigInteger.valueOf(2), expBits);
    }

    /** The named group with this TLS name ({@code "ffdhe2048"} ...), or null. */
    public static FfdheGroup byName(String name) {
        for (FfdheGroup gr : new FfdheGroup[] {FFDHE2048, FFDHE3072, FFDHE4096, FFDHE6144, FFDHE8192}) {
            if (gr.name.equals(name)) {
                return gr;
            }
        }
        return null;
    }

    /** A server-supplied group (TLS 1.2 ServerDHParams) with the default size limits (2048 to 8192 bits). */
    public static FfdheGroup custom(byte[] p, byte[] g) throws CryptoException {
        return custom(p, g, DEFAULT_MIN_BITS, DEFAULT_MAX_BITS);
    }

    /**
     * A server-supplied group (TLS 1.2 ServerDHParams, RFC 5246, Section 7.4.3): p and g as unsigned
     * big-endian bytes. Its name is {@code "dhe_custom"}.
     *
     * @throws CryptoException p even or outside [minBits, maxBits] bits, or g not in (1, p - 1)
     */
    public static FfdheGroup custom(byte[] p, byte[] g, int minBits, int maxBits) throws CryptoException {
        if (p == null || g == null || p.length == 0 || g.length == 0) {
            throw new CryptoException("DH group: empty p or g");
        }
        if (p.length > maxBits / 8 + 2) { // bound the work before building a BigInteger
            throw new CryptoException("DH group: p longer than " + maxBits + " bits");
        }
        BigInteger pi = new BigInteger(1, p);
        BigInteger gi = new BigInteger(1, g);
        if (!pi.testBit(0) || pi.bitLength() < minBits || pi.bitLength() > maxBits) {
            throw new CryptoException("DH group: p must be odd and " + minBits + " to " + maxBits + " bits, got "
                    + pi.bitLength() + " bits");
        }
        if (gi.compareTo(BigInteger.ONE) <= 0 || gi.compareTo(pi.subtract(BigInteger.ONE)) >= 0) {
            throw new CryptoException("DH group: generator must satisfy 1 < g < p - 1");
        }
        return new FfdheGroup("dhe_custom", pi, gi, pi.bitLength() - 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int publicKeyLength() {
        return pLen;
    }

    @Override
    public int sharedSecretLength() {
        return pLen;
    }

    /** The prime p. */
    public BigInteger prime() {
        return p;
    }

    /** The generator g. */
    public BigInteger generator() {
        return g;
    }

    /** The length of the private exponents this group draws, in bits. */
    public int exponentBits() {
        return expBits;
    }

    private Modulus modulus() {
        Modulus m = mod;
        if (m == null) {
            try {
                m = Modulus.of(toBytes(p));
            } catch (CryptoException e) {
                throw new IllegalStateException("p was checked to be odd", e);
            }
            mod = m;
        }
        return m;
    }

    private byte[] toBytes(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[pLen];
        int n = Math.min(b.length, pLen);
        System.arraycopy(b, b.length - n, out, pLen - n, n);
        return out;
    }

    @Override
    public KeyShare generate(RandomSource random) {
        int xLen = (expBits + 7) / 8;
        byte[] x = random.nextBytes(xLen);
        int extra = 8 * xLen - expBits;
        x[0] &= (byte) (0xFF >>> extra);
        x[0] |= (byte) (0x80 >>> extra); // exactly expBits bits: x >= 2^(expBits-1) > 1
        Modulus m = modulus();
        int[] gM = m.reduceToMont(toBytes(g), 0, pLen);
        int[] yM = m.modPow(gM, x, 0, xLen);
        int[] y = m.fromMont(yM);
        byte[] pub = new byte[pLen];
        Nat31.encode(pub, 0, pLen, y, m.limbs());
        ConstantTime.zero(yM);
        return new Share(this, x, pub);
    }

    /** One side's private exponent and public value. */
    private static final class Share implements KeyShare {
        private final FfdheGroup group;
        private final byte[] x;
        private final byte[] pub;
        private volatile boolean destroyed;

        Share(FfdheGroup group, byte[] x, byte[] pub) {
            this.group = group;
            this.x = x;
            this.pub = pub;
        }

        @Override
        public KeyExchange group() {
            return group;
        }

        @Override
        public byte[] publicKey() {
            return pub.clone();
        }

        @Override
        public byte[] agree(byte[] peerPublic, int off, int len) throws CryptoException {
            if (destroyed) {
                throw new CryptoException("DH key share has been destroyed");
            }
            int pLen = group.pLen;
            if (len < 1 || len > pLen) {
                throw new CryptoException("DH public value must be 1 to " + pLen + " bytes, got " + len);
            }
            byte[] y = new byte[pLen];
            System.arraycopy(peerPublic, off, y, pLen - len, len);
            BigInteger yi = new BigInteger(1, y); // public value: BigInteger is fine here
            if (yi.compareTo(BigInteger.ONE) <= 0 || yi.compareTo(group.p.subtract(BigInteger.ONE)) >= 0) {
                throw new CryptoException("DH public value out of range: must satisfy 1 < y < p - 1");
            }
            Modulus m = group.modulus();
            int[] yM = m.reduceToMont(y, 0, pLen);
            int[] zM = m.modPow(yM, x, 0, x.length);
            int[] z = m.fromMont(zM);
            int[] one = m.newValue();
            one[0] = 1;
            // 1 (a peer value of small order) and 0 (only possible when a server-supplied p is not prime)
            int bad = Nat31.eq(z, one, m.limbs()) | Nat31.isZero(z, m.limbs());
            byte[] out = new byte[pLen];
            Nat31.encode(out, 0, pLen, z, m.limbs());
            ConstantTime.zero(zM);
            ConstantTime.zero(z);
            if (bad == 1) { // a public failure: the handshake aborts
                ConstantTime.zero(out);
                throw new CryptoException("DH shared secret is 0 or 1 (peer value of small order, or p not prime)");
            }
            return out;
        }

        @Override
        public void destroy() {
            destroyed = true;
            ConstantTime.zero(x);
        }
    }

    @Override
    public String toString() {
        return name + " (" + p.bitLength() + " bits, exponent " + expBits + " bits)";
    }
}
