package org.tls4j.handshake.tls12.ext;

import java.util.ArrayList;
import java.util.List;

import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.record.TlsAlert;

/**
 * Parses the TLS 1.2 extensions of a ClientHello or ServerHello block. {@link Extensions#read} knows the
 * TLS 1.3 extensions and keeps the others as {@link RawExtension}; once the handshake knows it is
 * TLS 1.2 or older, {@link #typed} turns the raw ones this package defines (extended_master_secret,
 * encrypt_then_mac, renegotiation_info, session_ticket, ec_point_formats, max_fragment_length,
 * status_request) into their classes, with the same strictness (and the same alerts) as the others.
 * Unknown extensions stay raw.
 */
public final class Tls12Extensions {
    private Tls12Extensions() {}

    /** A block with every TLS 1.2 extension parsed, in the same order; {@code ctx} is CH or SH. */
    public static Extensions typed(Extensions block, ExtensionContext ctx) throws TlsAlert {
        if (ctx != ExtensionContext.CLIENT_HELLO && ctx != ExtensionContext.SERVER_HELLO) {
            throw new IllegalArgumentException("TLS 1.2 extensions live in ClientHello and ServerHello");
        }
        List<Extension> out = new ArrayList<Extension>();
        for (Extension e : block.list()) {
            out.add(e instanceof RawExtension ? parse((RawExtension) e, ctx) : e);
        }
        return new Extensions(out);
    }

    /** One raw extension parsed into its TLS 1.2 class, or returned unchanged when not one of them. */
    public static Extension parse(RawExtension e, ExtensionContext ctx) throws TlsAlert {
        TlsReader r = new TlsReader(e.data());
        boolean client = ctx == ExtensionContext.CLIENT_HELLO;
        switch (e.type().code) {
            case 0x0001:
                return MaxFragmentLength.read(r);
            case 0x0005:
                return client ? StatusRequest.readClient(r) : StatusRequest.readServer(r);
            case 0x000b:
                return EcPointFormats.read(r);
            case 0x0016:
                return EncryptThenMac.read(r);
            case 0x0017:
                return ExtendedMasterSecret.read(r);
            case 0x0023:
                return client ? SessionTicket.readClient(r) : SessionTicket.readServer(r);
            case 0xff01:
                return RenegotiationInfo.read(r);
            default:
                return e;
        }
    }
}
