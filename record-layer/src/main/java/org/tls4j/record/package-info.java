/**
 * The record layer (RFC 8446, Section 5; RFC 5246, Section 6; RFC 6101, Section 5.2) and the wire
 * vocabulary every upper layer shares.
 *
 * <p>Inbound: bytes → {@link org.tls4j.record.Deframer} (header checks, reassembly from any split) →
 * {@link org.tls4j.record.ReadState} (sequence number, counters) → {@link org.tls4j.record.RecordProtection}
 * (verify and decrypt in place) → {@link org.tls4j.record.Record}. Outbound: data →
 * {@link org.tls4j.record.Fragmenter} → {@link org.tls4j.record.WriteState} → protection → bytes. The
 * layer knows nothing of handshake logic: which record types may arrive when is the caller's rule.
 */
package org.tls4j.record;
