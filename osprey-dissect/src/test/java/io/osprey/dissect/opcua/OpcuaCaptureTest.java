package io.osprey.dissect.opcua;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nDPI capture opc-ua.pcap (LGPL-3.0, read in place, never copied): an open62541 client and server on one host
 * (127.0.0.1, null link type, so no MACs). Every value is what {@code tshark -r opc-ua.pcap -V -O opcua} (Wireshark
 * 4.0) shows: frame 5 Hello "opc.tcp://localhost:4840", frame 9 OPN SecurityPolicy#None, frame 15 GetEndpoints
 * response (ApplicationUri, ProductUri, ApplicationName text, MessageSecurityMode None), frame 17 CreateSession
 * request (ClientDescription "urn:unconfigured:application", type Client), then ReadRequest (631) ×87,
 * CloseSession (473) and CLO (452).
 */
class OpcuaCaptureTest {
    static final Path SHARED = Path.of("..", "..", "shared", "data", "pcaps");
    static final Path CAPTURE = SHARED.resolve("ndpi/opc-ua.pcap");

    @Test
    void open62541ClientAndServerOnLoopback() {
        Assumptions.assumeTrue(Files.isRegularFile(CAPTURE), CAPTURE + " absent: skipped");
        OpcuaDissector d = new OpcuaDissector();
        Observed o = new Observed(d).capture(CAPTURE);
        String h = "127.0.0.1 ";
        assertThat(o.facts()).containsExactly(
                h + "opcua.applicationName=open62541-based OPC UA Application",
                h + "opcua.applicationType=client",
                h + "opcua.applicationType=server",
                h + "opcua.applicationUri=urn:open62541.server.application",
                h + "opcua.applicationUri=urn:unconfigured:application",
                h + "opcua.endpointUrl=opc.tcp://localhost:4840",
                h + "opcua.function=activate-session",
                h + "opcua.function=close-secure-channel",
                h + "opcua.function=close-session",
                h + "opcua.function=create-session",
                h + "opcua.function=get-endpoints",
                h + "opcua.function=hello",
                h + "opcua.function=open-secure-channel",
                h + "opcua.function=read",
                h + "opcua.productUri=http://open62541.org",
                h + "opcua.role=client",
                h + "opcua.role=server",
                h + "opcua.securityMode=none",
                h + "opcua.securityPolicy=http://opcfoundation.org/UA/SecurityPolicy#None");
        assertThat(o.services()).containsExactly("127.0.0.1 4840/tcp opcua");
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(d.malformed()).isZero();
    }

    @Test
    void theClientsServicesAreRoutineOperationsReportedOnce() {
        Assumptions.assumeTrue(Files.isRegularFile(CAPTURE), CAPTURE + " absent: skipped");
        Observed o = new Observed(new OpcuaDissector()).capture(CAPTURE);
        String pair = "127.0.0.1 > 127.0.0.1 opcua:";
        assertThat(o.operations()).containsExactlyInAnyOrder(pair + "hello", pair + "open-secure-channel",
                pair + "get-endpoints", pair + "create-session", pair + "activate-session", pair + "read",
                pair + "close-session", pair + "close-secure-channel");
    }
}
