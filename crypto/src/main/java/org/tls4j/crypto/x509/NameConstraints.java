package org.tls4j.crypto.x509;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.asn1.DerReader;
import org.tls4j.crypto.asn1.Tag;

/**
 * The nameConstraints extension (RFC 5280, Section 4.2.1.10): permitted and excluded subtrees.
 * minimum must be absent (0) and maximum absent, as the RFC requires; each subtree is its base name.
 */
public final class NameConstraints {
    private final List<GeneralName> permitted;
    private final List<GeneralName> excluded;

    NameConstraints(List<GeneralName> permitted, List<GeneralName> excluded) {
        this.permitted = Collections.unmodifiableList(permitted);
        this.excluded = Collections.unmodifiableList(excluded);
    }

    static NameConstraints parse(byte[] der) throws DerException {
        DerReader r = DerReader.of(der);
        DerReader s = r.sequence();
        r.expectEnd();
        List<GeneralName> p = new ArrayList<>();
        List<GeneralName> e = new ArrayList<>();
        if (s.peek(Tag.contextConstructed(0))) {
            subtrees(s.next().reader(), p);
        }
        if (s.peek(Tag.contextConstructed(1))) {
            subtrees(s.next().reader(), e);
        }
        s.expectEnd();
        if (p.isEmpty() && e.isEmpty()) {
            throw new DerException("nameConstraints: neither permitted nor excluded subtrees (RFC 5280, Section 4.2.1.10)");
        }
        return new NameConstraints(p, e);
    }

    private static void subtrees(DerReader r, List<GeneralName> out) throws DerException {
        if (!r.hasMore()) {
            throw new DerException("nameConstraints: empty GeneralSubtrees");
        }
        while (r.hasMore()) {
            DerReader st = r.sequence();
            out.add(GeneralName.read(st, true));
            if (st.hasMore()) {
                throw new DerException("nameConstraints: minimum/maximum must be absent (RFC 5280, Section 4.2.1.10)");
            }
        }
    }

    public List<GeneralName> permitted() {
        return permitted;
    }

    public List<GeneralName> excluded() {
        return excluded;
    }

    @Override
    public String toString() {
        return "permitted=" + permitted + " excluded=" + excluded;
    }
}
