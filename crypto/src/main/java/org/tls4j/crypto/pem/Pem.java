package org.tls4j.crypto.pem;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.x509.Certificate;

/**
 * PEM encoding (RFC 7468): {@code -----BEGIN label-----}, base64 lines, {@code -----END label-----}.
 *
 * <p>Decoding is strict inside a block: the END label must match BEGIN, the base64 must be canonical
 * (standard alphabet, correct padding), and headers (RFC 1421 {@code Proc-Type:} etc., used by legacy
 * encrypted keys) are refused. Text between blocks is ignored, as RFC 7468, Section 5.2 allows.
 *
 * <p>constant-time: no. Base64 decoding ({@code java.util.Base64}) uses table lookups indexed by the
 * encoded characters, so decoding a private key PEM can leak through cache timing to a local observer
 * (Sieck et al., "Util::Lookup", 2021). tls4j reads key files once, at configuration time.
 */
public final class Pem {
    private static final Charset ASCII = Charset.forName("US-ASCII");
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** The usual place of the system CA bundle on Debian and Ubuntu (package ca-certificates). */
    public static final String DEBIAN_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

    private Pem() {}

    /** All blocks in {@code text}, in order. */
    public static List<PemBlock> decode(String text) throws PemException {
        List<PemBlock> out = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i++].trim();
            if (!line.startsWith(BEGIN)) {
                continue;
            }
            if (!line.endsWith(DASHES) || line.length() < BEGIN.length() + DASHES.length()) {
                throw new PemException("PEM: malformed BEGIN line");
            }
            String label = line.substring(BEGIN.length(), line.length() - DASHES.length());
            StringBuilder b64 = new StringBuilder();
            boolean ended = false;
            while (i < lines.length) {
                String l = lines[i++].trim();
                if (l.startsWith(END)) {
                    if (!l.equals(END + label + DASHES)) {
                        throw new PemException("PEM: END line does not match BEGIN " + label);
                    }
                    ended = true;
                    break;
                }
                if (l.indexOf(':') >= 0) {
                    throw new PemException("PEM: headers (e.g. legacy encrypted keys) are not supported");
                }
                b64.append(l);
            }
            if (!ended) {
                throw new PemException("PEM: no END line for " + label);
            }
            byte[] data;
            try {
                data = Base64.getDecoder().decode(b64.toString());
            } catch (IllegalArgumentException e) {
                throw new PemException("PEM: bad base64 in " + label + " block", e);
            }
            out.add(new PemBlock(label, data));
        }
        return out;
    }

    /** Encodes {@code der} under {@code label}, 64 characters per line. */
    public static String encode(String label, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder();
        sb.append(BEGIN).append(label).append(DASHES).append('\n');
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        sb.append(END).append(label).append(DASHES).append('\n');
        return sb.toString();
    }

    /** Every CERTIFICATE block of {@code text}, parsed (other blocks are ignored). */
    public static List<Certificate> certificates(String text) throws DerException {
        List<Certificate> out = new ArrayList<>();
        for (PemBlock b : decode(text)) {
            if (b.label().equals("CERTIFICATE")) {
                out.add(Certificate.parse(b.data()));
            }
        }
        return out;
    }

    /** Reads a file as ASCII text (PEM is ASCII). */
    public static String read(File f) throws IOException {
        return new String(Files.readAllBytes(f.toPath()), ASCII);
    }

    /** The certificates of a PEM file, such as a chain or a CA bundle. */
    public static List<Certificate> certificates(File f) throws IOException, DerException {
        return certificates(read(f));
    }

    /** PEM text for a list of certificates (a chain or bundle). */
    public static String encodeCertificates(List<Certificate> certs) {
        StringBuilder sb = new StringBuilder();
        for (Certificate c : certs) {
            sb.append(encode("CERTIFICATE", c.encoded()));
        }
        return sb.toString();
    }
}
