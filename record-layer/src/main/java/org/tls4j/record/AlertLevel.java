package org.tls4j.record;

/**
 * The alert level (RFC 5246, Section 7.2; RFC 8446, Section 6): {@code enum { warning(1), fatal(2), (255) }}.
 * In TLS 1.3 the level is ignored on receipt, and every alert but close_notify and user_canceled is fatal.
 */
public final class AlertLevel {
    public static final AlertLevel WARNING = new AlertLevel(1, "warning");
    public static final AlertLevel FATAL = new AlertLevel(2, "fatal");

    /** The uint8 code on the wire. */
    public final int code;
    private final String name;

    private AlertLevel(int code, String name) {
        this.code = code;
        this.name = name;
    }

    public static AlertLevel of(int code) {
        if (code < 0 || code > 0xff) {
            throw new IllegalArgumentException("alert level out of uint8 range: " + code);
        }
        if (code == 1) {
            return WARNING;
        }
        if (code == 2) {
            return FATAL;
        }
        return new AlertLevel(code, null);
    }

    public boolean isKnown() {
        return name != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertLevel && ((AlertLevel) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name != null ? name : String.format("unknown_alert_level(0x%02x)", code);
    }
}
