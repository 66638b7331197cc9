package org.tls4j.handshake.msg;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * KeyUpdate (RFC 8446, Section 4.6.3):
 *
 * <pre>
 * enum {
 *     update_not_requested(0), update_requested(1), (255)
 * } KeyUpdateRequest;
 *
 * struct {
 *     KeyUpdateRequest request_update;
 * } KeyUpdate;
 * </pre>
 *
 * "If an implementation receives any other value [than 0 or 1], it MUST terminate the connection with
 * an illegal_parameter alert."
 */
public final class KeyUpdate implements HandshakeMessage {
    /** update_not_requested(0). */
    public static final KeyUpdate UPDATE_NOT_REQUESTED = new KeyUpdate(0);
    /** update_requested(1): the peer must answer with its own KeyUpdate. */
    public static final KeyUpdate UPDATE_REQUESTED = new KeyUpdate(1);

    /** request_update: 0 or 1. */
    public final int requestUpdate;

    private KeyUpdate(int requestUpdate) {
        this.requestUpdate = requestUpdate;
    }

    /** Parses the body. */
    public static KeyUpdate read(TlsReader r) throws TlsAlert {
        int v = r.u8();
        r.expectEnd();
        if (v == 0) {
            return UPDATE_NOT_REQUESTED;
        }
        if (v == 1) {
            return UPDATE_REQUESTED;
        }
        throw Alerts.illegalParameter("KeyUpdate request_update " + v + " (RFC 8446, Section 4.6.3)");
    }

    /** True for update_requested. */
    public boolean isUpdateRequested() {
        return requestUpdate == 1;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.KEY_UPDATE;
    }

    @Override
    public void write(TlsWriter w) {
        w.u8(requestUpdate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyUpdate && ((KeyUpdate) o).requestUpdate == requestUpdate;
    }

    @Override
    public int hashCode() {
        return requestUpdate;
    }

    @Override
    public String toString() {
        return requestUpdate == 1 ? "KeyUpdate(update_requested)" : "KeyUpdate(update_not_requested)";
    }
}
