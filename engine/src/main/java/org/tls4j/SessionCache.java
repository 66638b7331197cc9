package org.tls4j;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.tls4j.handshake.tls12.ClientSessions12;
import org.tls4j.handshake.tls12.Session12;
import org.tls4j.handshake.tls13.ClientTicket;
import org.tls4j.handshake.tls13.ClientTickets;

/**
 * The client's session cache: TLS 1.3 tickets received from servers (RFC 8446, Section 4.6.1) and
 * TLS 1.0-1.2 sessions (session ID and, when the server sent one, the RFC 5077 ticket; one per server, the
 * latest), both keyed by server name and port, bounded, thread-safe (one lock). A ticket is single use: the handshake takes
 * it out before offering it (RFC 8446, Appendix C.4: "Clients SHOULD NOT reuse a ticket for multiple
 * connections"), so a second connection to the same server uses the next ticket or a full handshake.
 * Expired tickets are dropped when met; destroyed tickets have their PSK zeroed.
 *
 * <p>Bounds: at most {@code maxPeers} servers (the least recently used one is forgotten) and
 * {@code maxTicketsPerPeer} tickets each (the oldest is dropped). A {@link TlsConfig} has one cache
 * by default, shared by every client engine built from it; {@link TlsConfig.Builder#sessionCache} sets
 * another (e.g. one shared by several configurations) or none.
 */
public final class SessionCache {
    /** Default bound on the number of servers. */
    public static final int DEFAULT_MAX_PEERS = 256;
    /** Default bound on the tickets kept per server. */
    public static final int DEFAULT_MAX_TICKETS_PER_PEER = 4;

    private final int maxPeers;
    private final int maxTicketsPerPeer;
    private final LinkedHashMap<String, ArrayDeque<ClientTicket>> byPeer =
            new LinkedHashMap<String, ArrayDeque<ClientTicket>>(16, 0.75f, true);
    /** TLS 1.0-1.2 sessions, one per server (the latest replaces the previous one), same bound on servers. */
    private final LinkedHashMap<String, Session12> sessions12 = new LinkedHashMap<String, Session12>(16, 0.75f, true);

    /** A cache with the default bounds. */
    public SessionCache() {
        this(DEFAULT_MAX_PEERS, DEFAULT_MAX_TICKETS_PER_PEER);
    }

    public SessionCache(int maxPeers, int maxTicketsPerPeer) {
        if (maxPeers < 1 || maxTicketsPerPeer < 1) {
            throw new IllegalArgumentException("bounds must be at least 1");
        }
        this.maxPeers = maxPeers;
        this.maxTicketsPerPeer = maxTicketsPerPeer;
    }

    /** The cache key: the lower-case server name and the port. */
    static String key(String host, int port) {
        if (host == null || port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("a session cache key needs a host and a port 0..65535");
        }
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The view of this cache for one server, given to that connection's handshake. */
    ClientTickets forPeer(String host, int port) {
        final String k = key(host, port);
        return new ClientTickets() {
            @Override
            public ClientTicket take(long nowMillis) {
                return SessionCache.this.take(k, nowMillis);
            }

            @Override
            public void put(ClientTicket ticket) {
                SessionCache.this.put(k, ticket);
            }
        };
    }

    /** The view of this cache's TLS 1.0-1.2 sessions for one server, given to that connection's handshake. */
    ClientSessions12 forPeer12(String host, int port) {
        final String k = key(host, port);
        return new ClientSessions12() {
            @Override
            public Session12 take(long nowMillis) {
                return SessionCache.this.take12(k, nowMillis);
            }

            @Override
            public void put(Session12 session) {
                SessionCache.this.put12(k, session);
            }
        };
    }

    private synchronized Session12 take12(String k, long nowMillis) {
        Session12 s = sessions12.remove(k);
        if (s != null && s.isExpired(nowMillis)) {
            s.destroy();
            return null;
        }
        return s;
    }

    private synchronized void put12(String k, Session12 s) {
        Session12 old = sessions12.put(k, s);
        if (old != null && old != s) {
            old.destroy();
        }
        Iterator<Map.Entry<String, Session12>> it = sessions12.entrySet().iterator();
        while (sessions12.size() > maxPeers && it.hasNext()) {
            it.next().getValue().destroy();
            it.remove();
        }
    }

    /** True when an unexpired TLS 1.0-1.2 session is held for {@code host:port} at {@code nowMillis}. */
    public synchronized boolean hasSession12(String host, int port, long nowMillis) {
        Session12 s = sessions12.get(key(host, port));
        return s != null && !s.isExpired(nowMillis);
    }

    private synchronized ClientTicket take(String k, long nowMillis) {
        ArrayDeque<ClientTicket> q = byPeer.get(k);
        if (q == null) {
            return null;
        }
        ClientTicket found = null;
        while (found == null && !q.isEmpty()) {
            ClientTicket t = q.pollLast(); // the newest first
            if (t.isExpired(nowMillis)) {
                t.destroy();
            } else {
                found = t;
            }
        }
        if (q.isEmpty()) {
            byPeer.remove(k);
        }
        return found;
    }

    private synchronized void put(String k, ClientTicket t) {
        ArrayDeque<ClientTicket> q = byPeer.get(k);
        if (q == null) {
            q = new ArrayDeque<ClientTicket>();
            byPeer.put(k, q);
        }
        q.addLast(t);
        while (q.size() > maxTicketsPerPeer) {
            q.pollFirst().destroy();
        }
        Iterator<Map.Entry<String, ArrayDeque<ClientTicket>>> it = byPeer.entrySet().iterator();
        while (byPeer.size() > maxPeers && it.hasNext()) {
            for (ClientTicket old : it.next().getValue()) {
                old.destroy();
            }
            it.remove();
        }
    }

    /** The number of unexpired tickets held for {@code host:port} at {@code nowMillis}. */
    public synchronized int size(String host, int port, long nowMillis) {
        ArrayDeque<ClientTicket> q = byPeer.get(key(host, port));
        int n = 0;
        if (q != null) {
            for (ClientTicket t : q) {
                n += t.isExpired(nowMillis) ? 0 : 1;
            }
        }
        return n;
    }

    /** Forgets (and destroys) every ticket and session. */
    public synchronized void clear() {
        for (ArrayDeque<ClientTicket> q : byPeer.values()) {
            for (ClientTicket t : q) {
                t.destroy();
            }
        }
        byPeer.clear();
        for (Session12 s : sessions12.values()) {
            s.destroy();
        }
        sessions12.clear();
    }
}
