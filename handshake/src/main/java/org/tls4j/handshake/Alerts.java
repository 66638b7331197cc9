package org.tls4j.handshake;

import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * The one place where the handshake codecs turn a parse failure into a {@link TlsAlert}.
 *
 * <p>Every codec failure is one of a few kinds, and RFC 8446, Section 6.2 says which alert each kind
 * gets:
 * <ul>
 *   <li>{@link #decodeError}: "a message could not be decoded because some field was out of the
 *       specified range or the length of the message was incorrect" (short read, trailing bytes, a
 *       vector shorter than its minimum, an empty vector the RFC forbids);</li>
 *   <li>{@link #illegalParameter}: "a field in the handshake was incorrect or inconsistent with other
 *       fields" (a duplicate extension, RFC 8446, Section 4.2; a KeyUpdate value other than 0 or 1,
 *       Section 4.6.3; a record_size_limit below 64, RFC 8449, Section 4);</li>
 *   <li>{@link #unexpectedMessage}: "an inappropriate message (e.g., the wrong handshake message ...)
 *       was received";</li>
 *   <li>{@link #missingExtension}: a message lacks an extension the RFC requires it to carry.</li>
 * </ul>
 * Tests assert the exact alert, so keep this mapping here and nowhere else.
 */
public final class Alerts {
    private Alerts() {}

    /** decode_error (50): a length or range check failed. */
    public static TlsAlert decodeError(String detail) {
        return new TlsAlert(AlertDescription.DECODE_ERROR, detail);
    }

    /** illegal_parameter (47): a field is well formed but not allowed. */
    public static TlsAlert illegalParameter(String detail) {
        return new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, detail);
    }

    /** unexpected_message (10): the wrong message, or a message where none may be. */
    public static TlsAlert unexpectedMessage(String detail) {
        return new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE, detail);
    }

    /** missing_extension (109): a mandatory extension is absent (RFC 8446, Section 6.2). */
    public static TlsAlert missingExtension(String detail) {
        return new TlsAlert(AlertDescription.MISSING_EXTENSION, detail);
    }
}
