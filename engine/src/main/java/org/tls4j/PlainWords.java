package org.tls4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;

/**
 * Explains in plain words what a peer sent when a TLS record was expected, and what to do about it.
 *
 * <p>A TLS record starts with a content type (20-23), the version's major byte 3 and a length
 * (RFC 8446, Section 5.1; RFC 5246, Section 6.2.1). When the first bytes are something else, the usual
 * cause is a port that speaks another protocol in plain text: an SMTP or FTP {@code 220} greeting, an
 * HTTP response, an IMAP {@code * OK}, a POP3 {@code +OK}, an SSH banner. {@link #fromServer} names
 * these for a client, {@link #fromClient} names the mirror image (plain text sent to a TLS server), and
 * {@link #versionMismatch} says what each side offered when no version is shared.
 *
 * <p>Pure functions over byte arrays: no I/O, no state, and no exception for any input (a null or empty
 * array is "no bytes"). Quoted bytes are the first line, at most {@value #QUOTE_CHARS} characters, with
 * anything unprintable written as {@code \xNN}; unknown bytes are quoted in hex and as text.
 */
public final class PlainWords {
    /** At most this many characters of the peer's first line are quoted. */
    public static final int QUOTE_CHARS = 72;
    /** At most this many bytes are shown in hex for unrecognised input. */
    public static final int HEX_BYTES = 24;

    private static final String EXPECTED = " where a TLS record was expected";

    private PlainWords() {}

    /** What a server's first bytes are, for a client that sent a ClientHello; never throws. */
    public static String fromServer(byte[] b) {
        return fromServer(b == null ? new byte[0] : b, 0, b == null ? 0 : b.length);
    }

    /** What {@code b[off..off+len)} is; the range is checked by the public callers. */
    private static String fromServer(byte[] b, int off, int len) {
        byte[] x = slice(b, off, len);
        if (x.length == 0) {
            return "the server closed the connection without sending a byte: it may not speak TLS on this port, or it"
                    + " dropped our ClientHello without an alert (some servers do when they share no version or"
                    + " cipher suite with us, or serve no certificate for the name we sent)";
        }
        String tls = tlsRecord(x, "server");
        if (tls != null) {
            return tls;
        }
        String ssl2 = ssl2Record(x, "server");
        if (ssl2 != null) {
            return ssl2;
        }
        String line = firstLine(x);
        String upper = line.toUpperCase(Locale.ROOT);
        String q = " (\"" + line + "\")";
        if (startsWith(x, "HTTP/")) {
            return "the server sent an HTTP response" + q + EXPECTED + ": this port speaks plain HTTP; use tcp:// (http://)"
                    + " here, or the server's HTTPS port (usually 443) for TLS";
        }
        if (startsWithIgnoreCase(x, "<!DOCTYPE HTML") || startsWithIgnoreCase(x, "<HTML")) {
            return "the server sent an HTML page" + q + EXPECTED + ": this port speaks plain HTTP (the page came without"
                    + " a status line, as old servers answer a request they cannot parse); use tcp:// (http://) here,"
                    + " or the server's HTTPS port (usually 443) for TLS";
        }
        if (isReplyCode(x)) {
            boolean smtp = upper.contains("SMTP") || upper.contains("MAIL") || upper.contains("POSTFIX")
                    || upper.contains("EXIM") || upper.contains("SENDMAIL");
            boolean ftp = upper.contains("FTP");
            if (smtp && !ftp) {
                return "the server sent an SMTP greeting" + q + EXPECTED + ": this port speaks plain SMTP; connect with"
                        + " tcp:// and upgrade with STARTTLS, or use port 465 for implicit TLS";
            }
            if (ftp && !smtp) {
                return "the server sent an FTP greeting" + q + EXPECTED + ": this port speaks plain FTP; connect with"
                        + " tcp:// and upgrade with AUTH TLS, or use port 990 for implicit FTPS";
            }
            return "the server sent a plain-text greeting with reply code " + line.substring(0, 3) + q
                    + ", as SMTP and FTP servers do," + EXPECTED + ": for SMTP connect with tcp:// and upgrade with"
                    + " STARTTLS (or use port 465), for FTP upgrade with AUTH TLS (or use port 990)";
        }
        if (startsWith(x, "* OK") || startsWith(x, "* PREAUTH") || startsWith(x, "* BYE")) {
            return "the server sent an IMAP greeting" + q + EXPECTED + ": this port speaks plain IMAP; connect with"
                    + " tcp:// and upgrade with STARTTLS, or use port 993 for implicit TLS";
        }
        if (startsWith(x, "+OK") || startsWith(x, "-ERR")) {
            return "the server sent a POP3 greeting" + q + EXPECTED + ": this port speaks plain POP3; connect with"
                    + " tcp:// and upgrade with STLS, or use port 995 for implicit TLS";
        }
        if (startsWith(x, "SSH-")) {
            return "the server sent an SSH banner" + q + EXPECTED + ": this port speaks SSH, not TLS; use an SSH client";
        }
        if (isXmpp(x)) {
            return "the server sent an XMPP stream" + q + EXPECTED + ": this port speaks plain XMPP; connect with"
                    + " tcp:// and upgrade with STARTTLS (RFC 6120, Section 5), or use port 5223 for direct TLS";
        }
        if (startsWith(x, "<?xml")) {
            return "the server sent an XML document" + q + EXPECTED + ": this port speaks a plain-text XML protocol,"
                    + " not TLS";
        }
        String ldap = ldapMessage(x);
        if (ldap != null) {
            return "the server sent " + ldap + EXPECTED + ": this port speaks plain LDAP; connect with tcp:// and"
                    + " upgrade with the StartTLS extended operation (RFC 4511, Section 4.14), or use port 636 (LDAPS)"
                    + " for implicit TLS";
        }
        String pg = postgresError(x);
        if (pg != null) {
            return "the server sent a PostgreSQL error message" + pg + EXPECTED + ": this port speaks the PostgreSQL"
                    + " protocol; connect with tcp:// and send an SSLRequest first (tls4j's postgres STARTTLS)";
        }
        return "the server sent " + unknown(x) + EXPECTED + ": it does not speak TLS on this port, or something"
                + " between us (a proxy, a captive portal) answered instead";
    }

    /** What a client's first bytes are, for a TLS server expecting a ClientHello; never throws. */
    public static String fromClient(byte[] b) {
        return fromClient(b == null ? new byte[0] : b, 0, b == null ? 0 : b.length);
    }

    /** What {@code b[off..off+len)} is; the range is checked by the public callers. */
    private static String fromClient(byte[] b, int off, int len) {
        byte[] x = slice(b, off, len);
        if (x.length == 0) {
            return "the client closed the connection without sending a byte: it connected and gave up, or it"
                    + " waits for the server to speak first (a plain-text protocol such as SMTP, FTP, IMAP or POP3)";
        }
        String tls = tlsRecord(x, "client");
        if (tls != null) {
            return tls;
        }
        String ssl2 = ssl2Record(x, "client");
        if (ssl2 != null) {
            return ssl2;
        }
        String line = firstLine(x);
        String q = " (\"" + line + "\")";
        String upper = line.toUpperCase(Locale.ROOT);
        String notTls = ": it is not speaking TLS, and this port expects TLS from the first byte";
        String[] http = {"GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "CONNECT ", "PATCH ", "TRACE ",
            "PRI * HTTP/2"};
        for (String m : http) {
            if (startsWith(x, m)) {
                return "the client sent an HTTP request in plain text" + q + notTls + "; it should use https://"
                        + " (tls:// with tls4j)";
            }
        }
        if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
            return "the client sent an SMTP command in plain text" + q + notTls + " (implicit TLS, as on port 465);"
                    + " the client should connect with tls://, or use port 25 or 587 and STARTTLS";
        }
        if (upper.startsWith("AUTH TLS") || upper.startsWith("AUTH SSL")) {
            return "the client sent an FTP AUTH command in plain text" + q + notTls + " (implicit FTPS, as on port"
                    + " 990); the client should connect with tls://, or use port 21 and AUTH TLS there";
        }
        if (upper.equals("CAPA") || upper.equals("STLS") || upper.startsWith("USER ") || upper.startsWith("APOP ")) {
            return "the client sent a POP3 or FTP command in plain text" + q + notTls + " (implicit TLS, as on ports"
                    + " 995 and 990); the client should connect with tls://, or upgrade with STLS or AUTH TLS on the"
                    + " plain port";
        }
        if (isImapCommand(upper)) {
            return "the client sent an IMAP command in plain text" + q + notTls + " (implicit TLS, as on port 993);"
                    + " the client should connect with tls://, or use port 143 and STARTTLS";
        }
        if (startsWith(x, "SSH-")) {
            return "the client sent an SSH banner" + q + ": it is an SSH client, and this port speaks TLS";
        }
        if (isXmpp(x)) {
            return "the client sent an XMPP stream header in plain text" + q + notTls + " (direct TLS, as on port"
                    + " 5223); the client should connect with tls://, or use port 5222 and STARTTLS";
        }
        String pg = postgresRequest(x);
        if (pg != null) {
            return pg;
        }
        String ldap = ldapMessage(x);
        if (ldap != null) {
            String what = containsAscii(x, "1.3.6.1.4.1.1466.20037") ? "an LDAP StartTLS request" : ldap;
            return "the client sent " + what + " in plain text" + notTls + " (LDAPS, as on port 636); the client"
                    + " should connect with ldaps:// (tls://), or use port 389 and StartTLS";
        }
        return "the client sent " + unknown(x) + " where a TLS ClientHello was expected: it is not speaking TLS";
    }

    /**
     * Says in plain words that no protocol version is shared: what we offered (or accept, as a server),
     * what the peer offered (null or empty when it did not say, e.g. it only sent protocol_version), and
     * what would fix it.
     */
    public static String versionMismatch(boolean weAreClient, Collection<ProtocolVersion> ours,
            Collection<ProtocolVersion> theirs) {
        String us = weAreClient ? "we (the client) offered " : "we (the server) accept ";
        String peer = weAreClient ? "the server" : "the client";
        List<ProtocolVersion> mine = sortedDescending(ours);
        List<ProtocolVersion> other = sortedDescending(theirs);
        StringBuilder b = new StringBuilder("no protocol version in common: ").append(us).append(Transport.join(mine));
        if (other.isEmpty()) {
            b.append("; ").append(peer).append(" did not say which versions it supports");
            if (weAreClient) {
                b.append(" (it refused our ClientHello");
                b.append("). Find out with 'tls4j client --versions ...' one version at a time");
            }
            return b.toString();
        }
        b.append("; ").append(peer).append(weAreClient ? " supports " : " offered ").append(Transport.join(other)).append('.');
        if (mine.isEmpty()) {
            return b.append(" Enable one of those in our configuration").toString();
        }
        ProtocolVersion best = other.get(0);
        ProtocolVersion ourLowest = mine.get(mine.size() - 1);
        ProtocolVersion ourHighest = mine.get(0);
        if (best.equals(ProtocolVersion.SSL2) || best.equals(ProtocolVersion.SSL3)) {
            b.append(' ').append(capital(peer)).append(" speaks only ").append(best).append(", which is broken (")
                    .append(best.equals(ProtocolVersion.SSL2) ? "DROWN; RFC 6176 forbids it" : "POODLE; RFC 7568 forbids it")
                    .append(") and not implemented in tls4j yet: upgrade ").append(peer);
        } else if (best.compareTo(ourLowest) < 0) {
            b.append(' ').append(capital(peer)).append(" is older than our configuration allows.");
            if (best.equals(ProtocolVersion.TLS10) || best.equals(ProtocolVersion.TLS11)) {
                b.append(' ').append(best).append(" is deprecated (RFC 8996) and off by default.");
            }
            b.append(" To connect anyway, enable ").append(best).append(" in our configuration (").append(
                    "TlsConfig.builder().versions(...), or --versions ").append(best).append("); better, upgrade ")
                    .append(peer).append(" to TLSv1.2 or TLSv1.3");
        } else if (best.compareTo(ourHighest) > 0) {
            b.append(' ').append(capital(peer)).append(" supports only newer versions: enable ").append(best)
                    .append(" in our configuration");
        } else {
            b.append(" Enable one of ").append(peer).append("'s versions in our configuration");
        }
        return b.toString();
    }

    /** The peer chose a version we did not offer (RFC 8446, Section 4.1.3: abort with illegal_parameter). */
    public static String unofferedVersion(boolean weAreClient, Collection<ProtocolVersion> ours, ProtocolVersion chosen) {
        String peer = weAreClient ? "the server" : "the client";
        return peer + " chose " + chosen + ", which we did not offer (we offered "
                + Transport.join(sortedDescending(ours)) + "): a correct peer never does this, so the connection was"
                + " closed; a middlebox may be rewriting the handshake";
    }

    /**
     * Explains a handshake that failed over the protocol version, from the peer's first bytes: what the
     * peer offered (a ClientHello's supported_versions, or its legacy_version when it has none; RFC 8446,
     * Section 4.2.1) or selected (a ServerHello), what we enabled, and what would fix it. Null when the
     * failure is not about versions: the alert is not protocol_version and the peer's hello names no
     * version we lack.
     *
     * @param weAreClient true on the client side
     * @param ours the versions our configuration enables
     * @param peerFirst the first bytes the peer sent (a prefix of its first records; may be cut short)
     * @param alert the alert that ended the handshake
     * @param received true when the peer sent that alert, false when we did
     */
    public static String versionProblem(boolean weAreClient, Collection<ProtocolVersion> ours, byte[] peerFirst,
            AlertDescription alert, boolean received) {
        List<ProtocolVersion> mine = sortedDescending(ours);
        if (mine.isEmpty()) {
            return null;
        }
        Hello h = Hello.parse(peerFirst, weAreClient);
        boolean versionAlert = alert == AlertDescription.PROTOCOL_VERSION;
        if (weAreClient) {
            if (h != null && !h.versions.isEmpty()) {
                ProtocolVersion chosen = h.versions.get(0);
                if (mine.contains(chosen)) {
                    return null;
                }
                return "the server chose " + chosen + ", which this client has not enabled (it offered "
                        + Transport.join(mine) + "); " + fix(chosen, mine, "server");
            }
            if (versionAlert && received) {
                ProtocolVersion lowest = mine.get(mine.size() - 1);
                String below = lowest.equals(ProtocolVersion.TLS10) ? "" : "; a server that speaks only older"
                        + " versions answers like this (find out with 'tls4j client --versions "
                        + previous(lowest) + "' or 'openssl s_client -" + opensslFlag(previous(lowest)) + "')";
                return "the server refused every version this client offered (" + Transport.join(mine) + ") with a"
                        + " protocol_version alert: it supports none of them" + below + ". Enable a version the"
                        + " server supports with TlsConfig.builder().versions(...), or update the server";
            }
            return null;
        }
        if (h == null || h.versions.isEmpty()) {
            return versionAlert ? "the client refused the version this server selected with a protocol_version"
                    + " alert (this server accepts " + Transport.join(mine) + "); update the client or enable"
                    + " the versions it supports" : null;
        }
        List<ProtocolVersion> shared = new ArrayList<ProtocolVersion>(h.versions);
        shared.retainAll(mine);
        if (!shared.isEmpty() && !versionAlert) {
            return null;
        }
        ProtocolVersion best = h.versions.get(0);
        String offered = h.legacyOnly ? "at most " + best + " (its ClientHello has legacy_version " + best
                + " and no supported_versions extension)" : Transport.join(h.versions);
        if (!shared.isEmpty()) {
            return "the client offered " + offered + " and this server accepts " + Transport.join(mine)
                    + ", yet the handshake ended with a protocol_version alert ("
                    + (received ? "sent by the client" : "sent by this server") + ")";
        }
        return "the client offered " + offered + ", which this server has not enabled (it accepts "
                + Transport.join(mine) + "); " + fix(best, mine, "client");
    }

    /** How to get a connection with a peer that speaks {@code v}, given our enabled versions. */
    private static String fix(ProtocolVersion v, List<ProtocolVersion> mine, String peer) {
        if (v.equals(ProtocolVersion.SSL2) || v.equals(ProtocolVersion.SSL3)) {
            return v + " is broken (" + (v.equals(ProtocolVersion.SSL2) ? "DROWN; RFC 6176" : "POODLE; RFC 7568")
                    + " forbids it) and tls4j does not implement it yet: update the " + peer;
        }
        if (!v.isKnown() || v.isDtls() || v.compareTo(ProtocolVersion.TLS13) > 0) {
            return "tls4j does not implement " + v + ": update the " + peer;
        }
        List<ProtocolVersion> wanted = new ArrayList<ProtocolVersion>(mine);
        wanted.add(v);
        Collections.sort(wanted, Collections.<ProtocolVersion>reverseOrder());
        StringBuilder call = new StringBuilder("TlsConfig.builder().versions(");
        for (int i = 0; i < wanted.size(); i++) {
            call.append(i == 0 ? "" : ", ").append("ProtocolVersion.").append(Transport.constantName(wanted.get(i)));
        }
        call.append(')');
        String deprecated = v.equals(ProtocolVersion.TLS10) || v.equals(ProtocolVersion.TLS11)
                ? " (" + v + " is deprecated, RFC 8996: better update the " + peer + " to TLSv1.2 or TLSv1.3)" : "";
        return "enable it with " + call + deprecated + ", or update the " + peer;
    }

    private static ProtocolVersion previous(ProtocolVersion v) {
        return ProtocolVersion.of(v.code - 1);
    }

    private static String opensslFlag(ProtocolVersion v) {
        return v.equals(ProtocolVersion.TLS10) ? "tls1" : "tls1_" + (v.minor() - 1);
    }

    /**
     * The versions of a peer's hello found in a prefix of its first record: a ServerHello's selected
     * version (supported_versions, else legacy_version) or a ClientHello's offered versions, highest first.
     * RFC 8446, Sections 4.1.2, 4.1.3 and 4.2.1; RFC 5246, Section 7.4.1. A cut-off hello keeps what was
     * read: a ClientHello whose extensions were cut off counts as legacy_version only.
     */
    private static final class Hello {
        final List<ProtocolVersion> versions;
        final boolean legacyOnly;

        private Hello(List<ProtocolVersion> versions, boolean legacyOnly) {
            this.versions = versions;
            this.legacyOnly = legacyOnly;
        }

        static Hello parse(byte[] b, boolean fromServer) {
            // record header (5) + handshake header (4) + legacy_version (2)
            if (b == null || b.length < 11 || (b[0] & 0xff) != 22 || (b[1] & 0xff) != 3
                    || (b[5] & 0xff) != (fromServer ? 2 : 1)) {
                return null;
            }
            ProtocolVersion legacy = ProtocolVersion.of(b[9] & 0xff, b[10] & 0xff);
            int end = Math.min(b.length, 5 + (((b[3] & 0xff) << 8) | (b[4] & 0xff)));
            int i = 11 + 32; // random
            i = skip(b, i, 1, end); // session id
            if (!fromServer) {
                i = skip(b, i, 2, end); // cipher suites
                i = skip(b, i, 1, end); // compression methods
            } else if (i >= 0) {
                i += 3; // cipher suite, compression method
            }
            List<ProtocolVersion> found = i < 0 ? null : supportedVersions(b, i, end, fromServer);
            if (found == null || found.isEmpty()) {
                List<ProtocolVersion> l = new ArrayList<ProtocolVersion>();
                l.add(legacy);
                return new Hello(l, !fromServer);
            }
            return new Hello(sortedDescending(found), false);
        }

        /** Skips a vector with a {@code lenBytes}-byte length at {@code i}; -1 when it runs past {@code end}. */
        private static int skip(byte[] b, int i, int lenBytes, int end) {
            if (i < 0 || i + lenBytes > end) {
                return -1;
            }
            int n = lenBytes == 1 ? b[i] & 0xff : ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
            int next = i + lenBytes + n;
            return next > end ? -1 : next;
        }

        /** supported_versions (0x002b) among the extensions at {@code i}; null when absent or cut off. */
        private static List<ProtocolVersion> supportedVersions(byte[] b, int i, int end, boolean fromServer) {
            if (i + 2 > end) {
                return null;
            }
            i += 2; // extensions length: the record bounds (end) are what count here
            while (i + 4 <= end) {
                int type = ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
                int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
                int body = i + 4;
                if (body + len > end) {
                    return null;
                }
                if (type == 0x002b) {
                    List<ProtocolVersion> l = new ArrayList<ProtocolVersion>();
                    if (fromServer) {
                        if (len == 2) {
                            l.add(ProtocolVersion.of(b[body] & 0xff, b[body + 1] & 0xff));
                        }
                        return l;
                    }
                    int n = len == 0 ? 0 : b[body] & 0xff;
                    for (int k = body + 1; k + 1 < body + 1 + n && k + 1 < body + len; k += 2) {
                        ProtocolVersion v = ProtocolVersion.of(b[k] & 0xff, b[k + 1] & 0xff);
                        if (v.isKnown() && !v.isDtls() && !l.contains(v)) { // skips GREASE values (RFC 8701)
                            l.add(v);
                        }
                    }
                    return l;
                }
                i = body + len;
            }
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static List<ProtocolVersion> sortedDescending(Collection<ProtocolVersion> vs) {
        List<ProtocolVersion> l = new ArrayList<ProtocolVersion>();
        if (vs != null) {
            for (ProtocolVersion v : vs) {
                if (v != null && !l.contains(v)) {
                    l.add(v);
                }
            }
        }
        Collections.sort(l, Collections.<ProtocolVersion>reverseOrder());
        return l;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A TLS record header (RFC 8446, Section 5.1): type 20-23, major version 3, length up to 2^14 + 2048. */
    private static String tlsRecord(byte[] x, String who) {
        if (x.length < 3) {
            if (x.length >= 1 && (x[0] & 0xff) >= 20 && (x[0] & 0xff) <= 23 && (x.length < 2 || x[1] == 3)) {
                return "the " + who + " sent " + x.length + " byte" + (x.length == 1 ? "" : "s") + " (" + hex(x)
                        + ") that could begin a TLS record, then stopped";
            }
            return null;
        }
        int type = x[0] & 0xff;
        if (type < 20 || type > 23 || x[1] != 3 || (x[2] & 0xff) > 4) {
            return null;
        }
        String version = String.format("0x03%02x", x[2] & 0xff);
        int length = x.length >= 5 ? ((x[3] & 0xff) << 8) | (x[4] & 0xff) : -1;
        if (type == 21) {
            if (length == 2 && x.length >= 7) {
                int level = x[5] & 0xff;
                AlertDescription d = AlertDescription.of(x[6] & 0xff);
                String lv = level == 2 ? "a fatal" : level == 1 ? "a warning" : "an alert of unknown level " + level + ",";
                return "the " + who + " sent " + lv + " TLS alert, " + d + " (" + d.code + ")" + alertMeaning(d, who);
            }
            return "the " + who + " sent a TLS alert record" + (length >= 0 ? " of " + length + " bytes" : "")
                    + (length > 2 ? ": it is encrypted, so its description cannot be read here" : "");
        }
        String[] names = {"ChangeCipherSpec", "alert", "handshake", "application data"};
        return "the " + who + " sent a TLS " + names[type - 20] + " record (record version " + version
                + (length >= 0 ? ", " + length + " bytes" : "") + "): it speaks TLS";
    }

    private static String alertMeaning(AlertDescription d, String who) {
        String other = who.equals("server") ? "client" : "server";
        switch (d.code) {
            case 0:
                return ": it closed the connection";
            case 10:
                return ": it did not expect the message we sent at that point";
            case 40:
                return ": it found nothing acceptable in what we offered (versions, cipher suites, groups or signature"
                        + " algorithms); compare both sides' settings";
            case 42: case 43: case 44: case 45: case 46:
                return ": it does not accept the certificate we sent";
            case 47:
                return ": a field in our message had a value it does not accept";
            case 48:
                return ": it does not trust the CA that issued our certificate";
            case 50:
                return ": it could not parse our message";
            case 70:
                return ": it does not accept the protocol version we offered; find out which it supports with"
                        + " 'tls4j client --versions ...'";
            case 71:
                return ": what we offered is weaker than it requires";
            case 80:
                return ": it failed for a reason of its own; its logs may say why";
            case 86:
                return ": it saw a version fallback it considers a downgrade (RFC 7507)";
            case 112:
                return ": it serves no certificate for the server name we sent (SNI); check the host name";
            case 116:
                return ": it requires a client certificate and we sent none";
            case 120:
                return ": it speaks none of the application protocols (ALPN) we offered";
            default:
                return ": the " + other + "'s side of the handshake was refused";
        }
    }

    /** An SSL 2.0 record with a 2-byte header (draft-hickman, Section 1.2; RFC 6176). */
    private static String ssl2Record(byte[] x, String who) {
        if (x.length < 3 || (x[0] & 0x80) == 0) {
            return null;
        }
        int length = ((x[0] & 0x7f) << 8) | (x[1] & 0xff);
        int type = x[2] & 0xff;
        if (length < 1) {
            return null;
        }
        if (who.equals("client") && type == 1 && x.length >= 5 && length >= 9) {
            ProtocolVersion v = ProtocolVersion.of(x[3] & 0xff, x[4] & 0xff);
            if (v.equals(ProtocolVersion.SSL2)) {
                return "the client sent an SSL 2.0 CLIENT-HELLO: it speaks only SSL 2.0, which is broken (DROWN; RFC"
                        + " 6176 forbids it) and not implemented in tls4j yet; upgrade the client";
            }
            if (v.isSsl3OrTls()) {
                return "the client sent an SSL 2.0-format ClientHello offering " + v + " (the old compatible hello of"
                        + " RFC 5246, Appendix E.2): tls4j does not accept this format yet; configure the client to"
                        + " send a TLS ClientHello (every current client does)";
            }
            return null;
        }
        if (who.equals("server") && (type == 4 || type == 0)) {
            if (type == 0 && x.length >= 5) {
                int code = ((x[3] & 0xff) << 8) | (x[4] & 0xff);
                String[] errors = {"", "NO-CIPHER-ERROR", "NO-CERTIFICATE-ERROR", "", "BAD-CERTIFICATE-ERROR", "",
                    "UNSUPPORTED-CERTIFICATE-TYPE-ERROR"};
                String name = code < errors.length && !errors[code].isEmpty() ? errors[code] : String.format("0x%04x", code);
                return "the server answered with an SSL 2.0 ERROR (" + name + "): it speaks only SSL 2.0, which is broken"
                        + " (DROWN; RFC 6176 forbids it) and not implemented in tls4j yet";
            }
            if (type == 4) {
                return "the server answered with an SSL 2.0 SERVER-HELLO: it speaks only SSL 2.0, which is broken"
                        + " (DROWN; RFC 6176 forbids it) and not implemented in tls4j yet";
            }
        }
        return null;
    }

    private static boolean isReplyCode(byte[] x) {
        return x.length >= 4 && isDigit(x[0]) && isDigit(x[1]) && isDigit(x[2]) && (x[3] == ' ' || x[3] == '-')
                && (x[0] == '1' || x[0] == '2' || x[0] == '3' || x[0] == '4' || x[0] == '5');
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isXmpp(byte[] x) {
        if (startsWith(x, "<stream:stream") || startsWith(x, "<stream:error")) {
            return true;
        }
        return startsWith(x, "<?xml") && (containsAscii(x, "<stream:stream") || containsAscii(x, "jabber:")
                || containsAscii(x, "etherx.jabber.org"));
    }

    private static boolean isImapCommand(String upper) {
        int sp = upper.indexOf(' ');
        if (sp <= 0) {
            return false;
        }
        for (int i = 0; i < sp; i++) {
            char c = upper.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '(' || c == ')' || c == '{' || c == '*' || c == '%' || c == '"' || c == '\\') {
                return false;
            }
        }
        String rest = upper.substring(sp + 1);
        String[] cmds = {"CAPABILITY", "LOGIN ", "STARTTLS", "AUTHENTICATE ", "NOOP", "ID ", "LOGOUT"};
        for (String c : cmds) {
            if (rest.startsWith(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An LDAPMessage (RFC 4511, Section 4.1.1): SEQUENCE { messageID INTEGER, protocolOp [APPLICATION n]
     * ... }; returns its description, or null.
     */
    private static String ldapMessage(byte[] x) {
        if (x.length < 7 || (x[0] & 0xff) != 0x30) {
            return null;
        }
        int i = 1;
        int first = x[i++] & 0xff;
        if (first >= 0x80) {
            int n = first & 0x7f;
            if (n < 1 || n > 4) {
                return null;
            }
            i += n;
        }
        if (i + 3 > x.length || x[i] != 0x02) {
            return null;
        }
        int idLen = x[i + 1] & 0xff;
        if (idLen < 1 || idLen > 4 || i + 2 + idLen >= x.length) {
            return null;
        }
        long id = 0;
        for (int k = 0; k < idLen; k++) {
            id = (id << 8) | (x[i + 2 + k] & 0xff);
        }
        int op = x[i + 2 + idLen] & 0xff;
        if ((op & 0xc0) != 0x40) {
            return null;
        }
        int tag = op & 0x1f;
        String[] ops = {"BindRequest", "BindResponse", "UnbindRequest", "SearchRequest", "SearchResultEntry",
            "SearchResultDone", "ModifyRequest", "ModifyResponse", "AddRequest", "AddResponse", "DelRequest",
            "DelResponse", "ModifyDNRequest", "ModifyDNResponse", "CompareRequest", "CompareResponse",
            "AbandonRequest", "", "", "SearchResultReference", "", "", "", "ExtendedRequest", "ExtendedResponse",
            "IntermediateResponse"};
        String name = tag < ops.length && !ops[tag].isEmpty() ? ops[tag] : "operation " + tag;
        if (id == 0 && tag == 24) {
            return "an LDAP Notice of Disconnection (an ExtendedResponse with message ID 0, RFC 4511, Section 4.4.1)";
        }
        return "an LDAP " + name + " (BER-encoded, message ID " + id + ")";
    }

    /** A PostgreSQL ErrorResponse: 'E', int32 length, fields ('S' severity, 'M' message, ...), 0. */
    private static String postgresError(byte[] x) {
        if (x.length < 7 || x[0] != 'E') {
            return null;
        }
        long len = ((x[1] & 0xffL) << 24) | ((x[2] & 0xff) << 16) | ((x[3] & 0xff) << 8) | (x[4] & 0xff);
        if (len < 4 || len > 65536) {
            return null;
        }
        int i = 5;
        String severity = null;
        String message = null;
        while (i < x.length && x[i] != 0) {
            byte field = x[i++];
            int start = i;
            while (i < x.length && x[i] != 0) {
                i++;
            }
            String value = printable(x, start, i - start);
            if (field == 'S') {
                severity = value;
            } else if (field == 'M') {
                message = value;
            }
            i++;
        }
        if (severity == null) {
            return null;
        }
        return " (" + severity + (message != null ? ": " + message : "") + ")";
    }

    /** PostgreSQL SSLRequest, GSSENCRequest and StartupMessage (PostgreSQL docs, "Message Formats"). */
    private static String postgresRequest(byte[] x) {
        if (x.length < 8 || x[0] != 0 || x[1] != 0) {
            return null;
        }
        int len = ((x[2] & 0xff) << 8) | (x[3] & 0xff);
        int code = ((x[4] & 0xff) << 24) | ((x[5] & 0xff) << 16) | ((x[6] & 0xff) << 8) | (x[7] & 0xff);
        if (len == 8 && code == 80877103) {
            return "the client sent a PostgreSQL SSLRequest: it negotiates TLS the PostgreSQL way (it waits for an"
                    + " 'S' before its ClientHello), and this port expects TLS from the first byte; point the client at"
                    + " the PostgreSQL server itself, or at a server that answers SSLRequest";
        }
        if (len == 8 && code == 80877104) {
            return "the client sent a PostgreSQL GSSENCRequest: it asks for GSSAPI encryption, and this port expects"
                    + " TLS; disable GSSAPI encryption in the client (gssencmode=disable) and use sslmode=require";
        }
        if (len >= 8 && code == 0x00030000) {
            return "the client sent a PostgreSQL startup message in plain text: it is not speaking TLS; set"
                    + " sslmode=require in the client";
        }
        return null;
    }

    private static String unknown(byte[] x) {
        return x.length + " byte" + (x.length == 1 ? "" : "s") + " that are neither TLS nor a protocol tls4j recognises"
                + " (hex " + hex(x) + "; as text \"" + printable(x, 0, Math.min(x.length, HEX_BYTES)) + "\")";
    }

    private static String hex(byte[] x) {
        StringBuilder b = new StringBuilder();
        int n = Math.min(x.length, HEX_BYTES);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(String.format("%02x", x[i] & 0xff));
        }
        if (x.length > n) {
            b.append(" ...");
        }
        return b.toString();
    }

    /** The first line (up to CR or LF), at most QUOTE_CHARS characters, unprintables as \xNN. */
    private static String firstLine(byte[] x) {
        int end = 0;
        while (end < x.length && x[end] != '\r' && x[end] != '\n') {
            end++;
        }
        String s = printable(x, 0, Math.min(end, QUOTE_CHARS));
        return end > QUOTE_CHARS ? s + "..." : s;
    }

    private static String printable(byte[] x, int off, int len) {
        StringBuilder b = new StringBuilder();
        for (int i = off; i < off + len; i++) {
            int c = x[i] & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
                b.append((char) c);
            } else {
                b.append(String.format("\\x%02x", c));
            }
        }
        return b.toString();
    }

    private static boolean startsWith(byte[] x, String prefix) {
        if (x.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (x[i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(byte[] x, String prefix) {
        if (x.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toUpperCase((char) (x[i] & 0xff)) != Character.toUpperCase(prefix.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAscii(byte[] x, String s) {
        outer:
        for (int i = 0; i + s.length() <= x.length; i++) {
            for (int k = 0; k < s.length(); k++) {
                if (x[i + k] != (byte) s.charAt(k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] slice(byte[] b, int off, int len) {
        if (b == null) {
            return new byte[0];
        }
        byte[] x = new byte[len];
        System.arraycopy(b, off, x, 0, len);
        return x;
    }
}
