package org.tls4j.crypto.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.asn1.DerWriter;
import org.tls4j.crypto.asn1.Oid;
import org.tls4j.crypto.asn1.Tag;

/** RFC 4514 string form and RFC 5280 name matching. */
class NameTest {
    @Test
    void rfc4514Order() {
        Name n = new Name.Builder().c("US").o("Example, Inc.").add(X509Oids.OU, "R&D").cn("www.example.com").build();
        assertEquals("CN=www.example.com,OU=R&D,O=Example\\, Inc.,C=US", n.toString());
    }

    @Test
    void rfc4514Escapes() {
        Name n = new Name.Builder().cn(" #lead+plus;semi<lt>\"q\\bs trail ").build();
        assertEquals("CN=\\ #lead\\+plus\\;semi\\<lt\\>\\\"q\\\\bs trail\\ ", n.toString());
        assertEquals("CN=\\#x", new Name.Builder().cn("#x").build().toString());
        assertEquals("CN=\\00x", new Name.Builder().cn("\0x").build().toString());
        assertEquals("CN=Grüße", new Name.Builder().cn("Grüße").build().toString());
    }

    @Test
    void multiValuedRdnAndUnknownTypesAndNonStringValues() throws Exception {
        DerWriter w = new DerWriter().sequence();
        w.begin(Tag.SET).sequence().oid(X509Oids.CN).string(Tag.UTF8_STRING, "a").end()
                .sequence().oid(X509Oids.UID).string(Tag.UTF8_STRING, "b").end().end();
        w.begin(Tag.SET).sequence().oid(Oid.of("1.2.3.4")).integer(5).end().end();
        w.begin(Tag.SET).sequence().oid(X509Oids.DC).string(Tag.IA5_STRING, "example").end().end();
        Name n = Name.parse(w.end().toByteArray());
        assertEquals("DC=example,1.2.3.4=#020105,CN=a+UID=b", n.toString());
    }

    @Test
    void matchingFoldsCaseAndSpaces() {
        Name a = new Name.Builder().o("Example  Inc").cn("Root CA").build();
        Name b = new Name.Builder().o(" example inc ").cn("ROOT ca").build();
        Name c = new Name.Builder().o("Example Inc").cn("Other CA").build();
        assertTrue(a.matches(b));
        assertFalse(a.equals(b));
        assertFalse(a.matches(c));
        assertEquals(java.util.List.of("Root CA"), a.values(X509Oids.CN));
    }
}
