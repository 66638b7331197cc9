package org.tls4j.handshake.tls13;

import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.handshake.msg.KeyUpdate;
import org.tls4j.record.TlsAlert;

/**
 * What both sides do after the handshake: KeyUpdate (RFC 8446, Section 4.6.3). The connected states of
 * {@link Tls13Client} and {@link Tls13Server} extend {@link Connected}.
 */
final class Traffic {
    private Traffic() {}

    /** A connected state: the current application traffic secrets of both directions. */
    abstract static class Connected implements HandshakeState {
        final TrafficSecret read;
        final TrafficSecret write;
        final Exporter exporter;

        Connected(TrafficSecret read, TrafficSecret write, Exporter exporter) {
            this.read = read;
            this.write = write;
            this.exporter = exporter;
        }

        @Override
        public void destroy() {
            read.destroy();
            write.destroy();
            exporter.destroy();
        }

        /** The same state with new secrets (proof tokens carried over). */
        abstract Connected with(TrafficSecret read, TrafficSecret write);

        /**
         * A KeyUpdate from the peer: switch the read key to application_traffic_secret_N+1. "If the
         * request_update field is set to "update_requested", then the receiver MUST send a KeyUpdate of
         * its own with request_update set to "update_not_requested" prior to sending its next
         * Application Data record. This mechanism allows either side to force an update to the entire
         * connection, but causes an implementation which receives multiple KeyUpdates while it is
         * silent to respond with a single update." (RFC 8446, Section 4.6.3) So a request only marks
         * the answer as owed; the engine sends it once, before its next record
         * ({@link Tls13Handshake#keyUpdateOwed()}), however many requests arrived meanwhile. Reading of
         * the request value is strict in {@link KeyUpdate#read} (anything but 0 or 1 is illegal_parameter).
         */
        final Connected receiveKeyUpdate(HandshakeContext cx, KeyUpdate ku) throws TlsAlert {
            TrafficSecret nextRead = read.next();
            read.destroy();
            logNext(cx, nextRead);
            cx.installReadKeys(nextRead);
            if (ku.isUpdateRequested()) {
                cx.setKeyUpdateOwed(true);
            }
            return with(nextRead, write);
        }

        /** Tells the listener about application_traffic_secret_N (NSS key log: CLIENT_TRAFFIC_SECRET_N). */
        private static void logNext(HandshakeContext cx, TrafficSecret s) {
            if (cx.config.listener != null) {
                byte[] b = s.secret();
                cx.secret((s.label.startsWith("client") ? "CLIENT" : "SERVER") + "_TRAFFIC_SECRET_" + s.generation, b);
                ConstantTime.zero(b);
            }
        }

        /** Sends a KeyUpdate under the current write key, then switches to the next one. */
        final Connected sendKeyUpdate(HandshakeContext cx, boolean requestPeer) {
            cx.setKeyUpdateOwed(false); // any KeyUpdate of ours answers the peer's request
            cx.send(requestPeer ? KeyUpdate.UPDATE_REQUESTED : KeyUpdate.UPDATE_NOT_REQUESTED, null);
            TrafficSecret nextWrite = write.next();
            write.destroy();
            logNext(cx, nextWrite);
            cx.installWriteKeys(nextWrite);
            return with(read, nextWrite);
        }
    }
}
