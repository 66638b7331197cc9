package org.tls4j.conformance.build.planted;

/**
 * A planted violation of the dependency rule: were this library code, the rule must name it.
 * It lives in test code only, which may use the JCA.
 */
public final class PlantedViolation {
    private PlantedViolation() {}

    public static byte[] encrypt(byte[] key, byte[] data) throws Exception {
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"));
        return c.doFinal(data);
    }

    /** A reference that appears only in a descriptor, never as a CONSTANT_Class entry. */
    public static int onlyInSignature(java.security.MessageDigest unused) {
        return 0;
    }

    /** The one allowed java.security class. */
    public static java.security.SecureRandom allowed() {
        return new java.security.SecureRandom();
    }
}
