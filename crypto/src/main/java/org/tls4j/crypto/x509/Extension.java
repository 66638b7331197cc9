package org.tls4j.crypto.x509;

import org.tls4j.crypto.asn1.Oid;

/** One certificate extension as encoded (RFC 5280, Section 4.1.2.9): its OID, criticality and extnValue. */
public final class Extension {
    private final Oid oid;
    private final boolean critical;
    private final byte[] value;

    Extension(Oid oid, boolean critical, byte[] value) {
        this.oid = oid;
        this.critical = critical;
        this.value = value;
    }

    public Oid oid() {
        return oid;
    }

    public boolean critical() {
        return critical;
    }

    /** The extnValue OCTET STRING content (the DER of the extension's own structure). */
    public byte[] value() {
        return value.clone();
    }

    @Override
    public String toString() {
        return oid + (critical ? " (critical)" : "");
    }
}
