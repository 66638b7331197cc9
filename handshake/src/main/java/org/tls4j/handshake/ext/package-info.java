/**
 * Extensions, one class per extension and form (some have a different body in ClientHello,
 * ServerHello and HelloRetryRequest), and {@link org.tls4j.handshake.ext.Extensions}, the ordered
 * block that parses each in the form for its {@link org.tls4j.handshake.ext.ExtensionContext} and
 * keeps unknown ones as {@link org.tls4j.handshake.ext.RawExtension}.
 */
package org.tls4j.handshake.ext;
