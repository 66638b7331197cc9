package org.tls4j.handshake.tls13;

import java.util.Arrays;
import java.util.List;

import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.handshake.ext.EarlyData;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.PreSharedKeyClientHello;
import org.tls4j.handshake.ext.PskIdentity;
import org.tls4j.handshake.ext.PskKeyExchangeModes;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.NewSessionTicket;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * The server's side of resumption (RFC 8446, Sections 4.2.9, 4.2.11, 4.6.1): choosing a PSK from the
 * ClientHello's offer, and issuing tickets after the handshake.
 *
 * <p>Choosing (see {@link #select}): the first of the server's PSK modes the client lists; then the
 * first identity that is one of our tickets (opens under {@link TicketKeys}), has not expired, was
 * issued under the same server name, for a suite with the hash of the suite chosen now, and whose
 * obfuscated age matches the server's view within the tolerance. An identity that fails any of these is
 * skipped silently and, when none is left, a full handshake follows: "the server ... MUST NOT
 * abort the handshake ... if the PSK cannot be used, fall back to a full handshake" (Section 4.2.11
 * allows ignoring identities). Only then is the binder of the chosen identity checked (decrypt_error when
 * wrong), before the PSK is used for anything else; a ticket whose binder verified is then marked used
 * in the register, and a ticket seen before gives a full handshake (single use).
 */
final class PskServer {
    private PskServer() {}

    /** A PSK the server accepted, with the mode and the ticket's contents. */
    static final class Accepted implements Destroyable {
        final int index;
        final int mode;
        final TicketPlaintext ticket;
        final PskAuthenticated proof;

        Accepted(int index, int mode, TicketPlaintext ticket, PskAuthenticated proof) {
            this.index = index;
            this.mode = mode;
            this.ticket = ticket;
            this.proof = proof;
        }

        boolean withKeyShare() {
            return mode == PskKeyExchangeModes.PSK_DHE_KE;
        }

        @Override
        public void destroy() {
            ticket.destroy();
        }
    }

    /**
     * The PSK mode the server would use for this ClientHello: the first of its modes the client lists,
     * or -1 (no pre_shared_key, resumption off, or no common mode). "A client MUST provide a
     * "psk_key_exchange_modes" extension if it offers a "pre_shared_key" extension. If clients offer
     * "pre_shared_key" without a "psk_key_exchange_modes" extension, servers MUST abort the handshake."
     * (Section 4.2.9): missing_extension (Section 9.2).
     */
    static int mode(HandshakeConfig c, ClientHello ch) throws TlsAlert {
        PreSharedKeyClientHello offer = ch.extensions.find(PreSharedKeyClientHello.class);
        if (offer == null) {
            return -1;
        }
        PskKeyExchangeModes modes = ch.extensions.find(PskKeyExchangeModes.class);
        if (modes == null) {
            throw new TlsAlert(AlertDescription.MISSING_EXTENSION,
                    "pre_shared_key without psk_key_exchange_modes (RFC 8446, Section 4.2.9)");
        }
        if (c.resumption.ticketKeys == null) {
            return -1;
        }
        for (int m : c.resumption.pskModes) {
            if (modes.modes.contains(m)) {
                return m;
            }
        }
        return -1;
    }

    /**
     * Chooses and verifies a PSK (see the class comment), or null for a full handshake. {@code prefix}
     * is the transcript before this ClientHello (ClientHello1's message_hash and the HelloRetryRequest)
     * or null for a first ClientHello; {@code rawClientHello} is the message as received.
     */
    static Accepted select(HandshakeContext cx, ClientHello ch, byte[] rawClientHello, Tls13Suite suite,
            String serverName, int mode, Transcript prefix) throws TlsAlert {
        HandshakeConfig c = cx.config;
        PreSharedKeyClientHello offer = ch.extensions.find(PreSharedKeyClientHello.class);
        if (mode < 0 || offer == null) {
            return null;
        }
        long now = c.clock.millis();
        TicketPlaintext chosen = null;
        int index = -1;
        List<PskIdentity> ids = offer.identities;
        for (int i = 0; i < ids.size() && chosen == null; i++) {
            byte[] sealed = ids.get(i).identity();
            byte[] plain = c.resumption.ticketKeys.open(sealed);
            if (plain == null) {
                continue; // not ours, or sealed by a key that rotated out: ignore (Section 4.2.11)
            }
            TicketPlaintext t = TicketPlaintext.decode(plain);
            ConstantTime.zero(plain);
            if (t == null) {
                continue;
            }
            if (usable(c, t, suite, serverName, ids.get(i).obfuscatedTicketAge, now)) {
                chosen = t;
                index = i;
            } else {
                t.destroy();
            }
        }
        if (chosen == null) {
            return null;
        }
        // Section 4.2.11.2: the binder covers the ClientHello up to and including the identities.
        byte[] truncated = Arrays.copyOf(rawClientHello, rawClientHello.length - offer.bindersLength());
        Transcript t = prefix == null ? new Transcript(suite.newDigest()) : prefix.copy();
        t.add(truncated);
        KeySchedule13 ks = new KeySchedule13(suite.newDigest());
        KeySchedule13.EarlySecret early = ks.early(chosen.psk);
        byte[] binderKey = early.binderKey(true);
        early.destroy();
        PskAuthenticated proof;
        try {
            proof = PskAuthenticated.checkBinder(ks, binderKey, t.hash(), offer.binders.get(index), index);
        } catch (TlsAlert a) {
            chosen.destroy();
            throw a;
        } finally {
            ConstantTime.zero(binderKey);
        }
        byte[] id = TicketKeys.idOf(ids.get(index).identity());
        long expires = chosen.issuedMillis + chosen.lifetimeSeconds * 1000L;
        if (!c.resumption.ticketKeys.markUsed(id, expires)) {
            chosen.destroy();
            return null; // used before (single use) or the register is full: a full handshake
        }
        return new Accepted(index, mode, chosen, proof);
    }

    /** Expiry, server name, hash and age checks of one decrypted ticket. */
    private static boolean usable(HandshakeConfig c, TicketPlaintext t, Tls13Suite suite, String serverName,
            long obfuscatedAge, long now) {
        Tls13Suite ts = Tls13Suite.of(t.suite);
        // Section 4.6.1: "Any ticket MUST only be resumed with a cipher suite that has the same KDF hash
        // algorithm as that used to establish the original connection." (SHA-256 and SHA-384 are the
        // only TLS 1.3 hashes, so the length names the hash.)
        if (ts == null || ts.hashLength() != suite.hashLength() || t.psk.length != suite.hashLength()) {
            return false;
        }
        long age = now - t.issuedMillis;
        if (age < 0 || age >= t.lifetimeSeconds * 1000L) {
            return false; // expired (Section 4.6.1), or issued in the future by a clock that moved back
        }
        // RFC 6066, Section 3: a session is resumed only under the server name it was established with.
        if (serverName == null ? t.serverName != null : !serverName.equalsIgnoreCase(String.valueOf(t.serverName))) {
            return false;
        }
        // Section 4.2.11.1 and 8.3: the client's age is (obfuscated_ticket_age - ticket_age_add) mod 2^32.
        long clientAge = (obfuscatedAge - t.ageAdd) & 0xffffffffL;
        return Math.abs(clientAge - age) <= c.resumption.ageToleranceMillis;
    }

    /**
     * The NewSessionTickets sent after the client's Finished (Section 4.6.1): each with its own nonce
     * (its index), its own ticket_age_add and PSK = HKDF-Expand-Label(resumption_master_secret,
     * "resumption", ticket_nonce, Hash.length). No early_data extension: tls4j accepts no 0-RTT.
     */
    static void issue(HandshakeContext cx, KeySchedule13 ks, Tls13Suite suite, byte[] resumptionMasterSecret,
            String serverName, String alpn, List<Certificate> clientChain) {
        Resumption r = cx.config.resumption;
        if (r.ticketKeys == null || r.ticketCount == 0) {
            return;
        }
        for (int i = 0; i < r.ticketCount; i++) {
            byte[] nonce = {(byte) i};
            byte[] psk = ks.resumptionPsk(resumptionMasterSecret, nonce);
            byte[] add = cx.config.random.nextBytes(4);
            long ageAdd = ((add[0] & 0xffL) << 24) | ((add[1] & 0xff) << 16) | ((add[2] & 0xff) << 8) | (add[3] & 0xff);
            TicketPlaintext p = new TicketPlaintext(suite.suite, psk, ageAdd, cx.config.clock.millis(),
                    r.ticketLifetimeSeconds, serverName, alpn, clientChain);
            byte[] plain = p.encode();
            p.destroy();
            if (plain.length + TicketKeys.OVERHEAD > 0xffff) {
                ConstantTime.zero(plain);
                return; // a client chain too large for a ticket: no resumption for this connection
            }
            byte[] ticket = r.ticketKeys.seal(plain);
            ConstantTime.zero(plain);
            cx.send(new NewSessionTicket(r.ticketLifetimeSeconds, ageAdd, nonce, ticket, Extensions.EMPTY), null);
        }
    }

    /** True when the ClientHello offers early data (which tls4j always refuses, Section 4.2.10). */
    static boolean offersEarlyData(ClientHello ch) {
        return ch.extensions != null && ch.extensions.find(EarlyData.class) != null;
    }
}
