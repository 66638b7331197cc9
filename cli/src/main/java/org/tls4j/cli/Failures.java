package org.tls4j.cli;

import org.tls4j.TlsException;

/** How a failed connection is described on stderr: the alert, who sent it, and the cause. */
final class Failures {
    private Failures() {}

    static String describe(Throwable t) {
        String head;
        if (t instanceof TlsException) {
            TlsException e = (TlsException) t;
            head = "alert " + e.alert() + (e.isAlertReceived() ? " received from the peer" : " sent to the peer")
                    + ": " + e.getMessage();
        } else {
            head = t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        StringBuilder sb = new StringBuilder(head);
        String last = t.getMessage();
        Throwable c = t.getCause();
        for (int depth = 0; c != null && depth < 5; depth++, c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().equals(last)) {
                sb.append("\n  caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
            }
            last = c.getMessage();
        }
        return sb.toString();
    }
}
