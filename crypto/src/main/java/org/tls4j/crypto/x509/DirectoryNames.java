package org.tls4j.crypto.x509;

import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.asn1.DerReader;
import org.tls4j.crypto.asn1.DerWriter;
import org.tls4j.crypto.asn1.Tag;

/** Wraps a subject Name as a directoryName GeneralName, for name-constraint checks. */
final class DirectoryNames {
    private DirectoryNames() {}

    static GeneralName of(Name n) {
        byte[] der = new DerWriter().begin(Tag.contextConstructed(GeneralName.DIRECTORY_NAME)).raw(n.encoded()).end()
                .toByteArray();
        try {
            return GeneralName.read(DerReader.of(der), false);
        } catch (DerException e) {
            throw new AssertionError("a parsed name re-encodes", e);
        }
    }
}
