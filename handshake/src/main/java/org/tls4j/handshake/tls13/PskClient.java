package org.tls4j.handshake.tls13;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.PreSharedKeyClientHello;
import org.tls4j.handshake.ext.PskIdentity;
import org.tls4j.handshake.ext.PskKeyExchangeModes;
import org.tls4j.handshake.msg.ClientHello;

/**
 * The client's side of resumption (RFC 8446, Sections 4.2.9, 4.2.11, 4.2.11.2): it offers one ticket
 * per ClientHello, with psk_key_exchange_modes, and pre_shared_key as the last extension, whose binder
 * is an HMAC over the ClientHello truncated before the binders list. After a HelloRetryRequest the
 * binder covers the whole transcript so far (message_hash of ClientHello1, HelloRetryRequest) followed
 * by the truncated second ClientHello, and the obfuscated age is recomputed.
 */
final class PskClient {
    private PskClient() {}

    /**
     * Appends psk_key_exchange_modes and a pre_shared_key with a zero binder of the right length (the
     * real one needs the encoded ClientHello: {@link #bind}).
     */
    static void offer(HandshakeConfig c, List<Extension> ext, ClientTicket t) {
        ext.add(new PskKeyExchangeModes(c.resumption.pskModes));
        PskIdentity id = new PskIdentity(t.ticket(), t.obfuscatedAge(c.clock.millis()));
        ext.add(new PreSharedKeyClientHello(Collections.singletonList(id),
                Collections.singletonList(new byte[Tls13Suite.of(t.suite).hashLength()])));
    }

    /**
     * {@code ch} with its binder computed: HMAC(finished_key(binder_key), Transcript-Hash(prefix ||
     * truncated ClientHello)), binder_key from the Early Secret of the ticket's PSK with "res binder".
     * {@code prefix} is null for the first ClientHello.
     */
    static ClientHello bind(ClientHello ch, ClientTicket t, Transcript prefix) {
        Tls13Suite suite = Tls13Suite.of(t.suite);
        Transcript tr = prefix == null ? new Transcript(suite.newDigest()) : prefix.copy();
        tr.add(ch.encodeTruncatedForBinders());
        KeySchedule13 ks = new KeySchedule13(suite.newDigest());
        byte[] psk = t.psk();
        KeySchedule13.EarlySecret early = ks.early(psk);
        ConstantTime.zero(psk);
        byte[] binderKey = early.binderKey(true);
        early.destroy();
        byte[] binder = ks.verifyData(binderKey, tr.hash());
        ConstantTime.zero(binderKey);
        List<Extension> ext = new ArrayList<Extension>(ch.extensions.list());
        PreSharedKeyClientHello old = (PreSharedKeyClientHello) ext.remove(ext.size() - 1);
        ext.add(new PreSharedKeyClientHello(old.identities, Collections.singletonList(binder)));
        return new ClientHello(ch.legacyVersion, ch.random(), ch.legacySessionId(), ch.cipherSuites,
                ch.legacyCompressionMethods(), new Extensions(ext));
    }

    /** True when the client's modes include {@code mode}. */
    static boolean offers(HandshakeConfig c, int mode) {
        return c.resumption.pskModes.contains(mode);
    }
}
