package org.tls4j.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.ext.RecordSizeLimit;
import org.tls4j.handshake.msg.EncryptedExtensions;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * record_size_limit (RFC 8449) and max_fragment_length (RFC 6066) in the TLS 1.3 machines: who sends
 * what, which limits each side hands to the record layer, and every refusal. The record layer's part
 * (capping and record_overflow) is tested in the engine and record-layer modules.
 */
class RecordSizeLimitsTest {
    private static void assertAlert(AlertDescription expected, Executable e) {
        TlsAlert a = assertThrows(TlsAlert.class, e);
        assertEquals(expected, a.description(), a.getMessage());
    }

    /** The RECORD_SIZE_LIMIT outputs of one side, as "peer/own". */
    private static List<String> limits(List<HandshakeOutput> outs) {
        List<String> l = new ArrayList<>();
        for (HandshakeOutput o : outs) {
            if (o.kind == HandshakeOutput.Kind.RECORD_SIZE_LIMIT) {
                l.add(o.peerRecordSizeLimit() + "/" + o.ownRecordSizeLimit());
            }
        }
        return l;
    }

    /** The EncryptedExtensions the server sent, decoded. */
    private static EncryptedExtensions encryptedExtensions(MachinePair p) throws TlsAlert {
        for (HandshakeOutput o : p.serverOutputs) {
            if (o.kind == HandshakeOutput.Kind.HANDSHAKE && o.bytes()[0] == 8) {
                return EncryptedExtensions.read(new TlsReader(Arrays.copyOfRange(o.bytes(), 4, o.bytes().length)));
            }
        }
        throw new AssertionError("no EncryptedExtensions");
    }

    private static HandshakeConfig.Builder client(int limit, Extension... extra) {
        return MachinePair.clientConfig().recordSizeLimit(limit).extensionsHook((where, ext) -> {
            List<Extension> l = new ArrayList<>(ext);
            l.addAll(Arrays.asList(extra));
            return l;
        });
    }

    @Test
    void bothSidesLearnBothLimits() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig().recordSizeLimit(64),
                MachinePair.serverConfig().recordSizeLimit(100));
        p.run();
        assertTrue(p.client.isComplete() && p.server.isComplete());
        assertEquals(List.of("100/64"), limits(p.clientOutputs), "client: writes at most 100, reads at most 64");
        assertEquals(List.of("64/100"), limits(p.serverOutputs));
        assertEquals(new RecordSizeLimit(100), encryptedExtensions(p).extensions.find(RecordSizeLimit.class));
    }

    @Test
    void theServerAnswersTheLimitInEncryptedExtensionsBeforeItsFirstProtectedRecordIsCapped() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig().recordSizeLimit(64),
                MachinePair.serverConfig().recordSizeLimit(16385));
        p.run();
        // the limit output comes after the handshake write keys and before the EncryptedExtensions bytes
        List<HandshakeOutput.Kind> kinds = new ArrayList<>();
        p.serverOutputs.forEach(o -> kinds.add(o.kind));
        int keys = kinds.indexOf(HandshakeOutput.Kind.WRITE_KEYS);
        int limit = kinds.indexOf(HandshakeOutput.Kind.RECORD_SIZE_LIMIT);
        assertTrue(keys < limit && limit < kinds.size() - 1 && kinds.get(limit + 1) == HandshakeOutput.Kind.HANDSHAKE
                && p.serverOutputs.get(limit + 1).bytes()[0] == 8, kinds.toString());
    }

    @Test
    void nothingIsNegotiatedUnlessBothSidesSendIt() throws Exception {
        MachinePair serverSilent = new MachinePair(MachinePair.clientConfig().recordSizeLimit(64),
                MachinePair.serverConfig());
        serverSilent.run();
        assertTrue(serverSilent.client.isComplete());
        assertEquals(List.of(), limits(serverSilent.clientOutputs));
        assertEquals(List.of(), limits(serverSilent.serverOutputs));
        assertNull(encryptedExtensions(serverSilent).extensions.find(RecordSizeLimit.class));

        MachinePair clientSilent = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig().recordSizeLimit(64));
        clientSilent.run();
        assertTrue(clientSilent.client.isComplete());
        assertEquals(List.of(), limits(clientSilent.serverOutputs));
        assertNull(encryptedExtensions(clientSilent).extensions.find(RecordSizeLimit.class),
                "the server answers only an offer (RFC 8449, Section 4)");
    }

    @Test
    void aClientValueAboveTheTls13MaximumIsNotAnErrorForTheServer() throws Exception {
        // "A server MUST NOT enforce this restriction" (RFC 8449, Section 4); it caps at 2^14 + 1
        MachinePair p = new MachinePair(client(0, new RecordSizeLimit(0xffff)), MachinePair.serverConfig().recordSizeLimit(512));
        p.run();
        assertTrue(p.server.isComplete());
        assertEquals(List.of("16385/512"), limits(p.serverOutputs));
    }

    @Test
    void aServerValueAboveTheTls13MaximumIsIllegalParameterForTheClient() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig().recordSizeLimit(1000),
                MachinePair.serverConfig().extensionsHook((where, ext) -> List.of(new RecordSizeLimit(16386))));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, p::run);
    }

    @Test
    void valuesBelow64AreIllegalParameterBothWays() throws Exception {
        byte[] sixtyThree = {0, 63};
        MachinePair toServer = new MachinePair(client(0, new RawExtension(ExtensionType.RECORD_SIZE_LIMIT, sixtyThree)),
                MachinePair.serverConfig().recordSizeLimit(1000));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, toServer::run);
        MachinePair toClient = new MachinePair(MachinePair.clientConfig().recordSizeLimit(1000),
                MachinePair.serverConfig().extensionsHook((where, ext) -> List.of(
                        new RawExtension(ExtensionType.RECORD_SIZE_LIMIT, sixtyThree))));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, toClient::run);
        assertThrows(IllegalArgumentException.class, () -> HandshakeConfig.builder().recordSizeLimit(63));
        assertThrows(IllegalArgumentException.class, () -> HandshakeConfig.builder().recordSizeLimit(16386));
    }

    // --- max_fragment_length (RFC 6066, Section 4) in TLS 1.3 ---

    private static RawExtension mfl(int code) {
        return new RawExtension(ExtensionType.MAX_FRAGMENT_LENGTH, new byte[] {(byte) code});
    }

    @Test
    void maxFragmentLengthBesideRecordSizeLimitIsIgnored() throws Exception {
        // RFC 8449, Section 5: "MUST ignore a "max_fragment_length" ... if both extensions appear",
        // even one whose value RFC 6066 does not allow
        for (int code : new int[] {1, 9}) {
            MachinePair p = new MachinePair(client(200, mfl(code)), MachinePair.serverConfig().recordSizeLimit(300));
            p.run();
            assertTrue(p.server.isComplete());
            assertEquals(List.of("200/300"), limits(p.serverOutputs), "record_size_limit wins");
            assertNull(encryptedExtensions(p).extensions.get(ExtensionType.MAX_FRAGMENT_LENGTH));
        }
    }

    @Test
    void maxFragmentLengthAloneIsRefusedByNotAnsweringIt() throws Exception {
        MachinePair p = new MachinePair(client(0, mfl(1)), MachinePair.serverConfig().recordSizeLimit(300));
        p.run();
        assertTrue(p.client.isComplete() && p.server.isComplete());
        assertNull(encryptedExtensions(p).extensions.get(ExtensionType.MAX_FRAGMENT_LENGTH),
                "not answered: the client keeps the normal 2^14 limit (RFC 6066, Section 4)");
        assertEquals(List.of(), limits(p.serverOutputs));
    }

    @Test
    void maxFragmentLengthAloneWithABadValueIsIllegalParameter() throws Exception {
        for (int code : new int[] {0, 5, 255}) {
            MachinePair p = new MachinePair(client(0, mfl(code)), MachinePair.serverConfig());
            assertAlert(AlertDescription.ILLEGAL_PARAMETER, p::run);
        }
    }

    @Test
    void theClientNeverOffersMaxFragmentLengthAndRefusesAnAnswer() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig().recordSizeLimit(64),
                MachinePair.serverConfig().extensionsHook((where, ext) -> where == ExtensionContext.ENCRYPTED_EXTENSIONS
                        ? List.of(mfl(1)) : ext));
        assertAlert(AlertDescription.UNSUPPORTED_EXTENSION, p::run);
    }
}
