package io.osprey.dissect.opcua;

import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.opcua.OpcuaWire.C;
import static io.osprey.dissect.opcua.OpcuaWire.POLICY_NONE;
import static io.osprey.dissect.opcua.OpcuaWire.S;
import static io.osprey.dissect.opcua.OpcuaWire.acknowledge;
import static io.osprey.dissect.opcua.OpcuaWire.bytes;
import static io.osprey.dissect.opcua.OpcuaWire.exchange;
import static io.osprey.dissect.opcua.OpcuaWire.fromClient;
import static io.osprey.dissect.opcua.OpcuaWire.fromServer;
import static io.osprey.dissect.opcua.OpcuaWire.hello;
import static io.osprey.dissect.opcua.OpcuaWire.message;
import static io.osprey.dissect.opcua.OpcuaWire.msg;
import static io.osprey.dissect.opcua.OpcuaWire.open;
import static io.osprey.dissect.opcua.OpcuaWire.requestHeader;
import static io.osprey.dissect.opcua.OpcuaWire.responseHeader;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built OPC UA messages, one test per row of OPC 10000-6 §7.1 (UA TCP) and §6.7 (secure conversation). */
class OpcuaDissectorTest {

    @Test
    void helloIsTheClientsAndNamesTheServersEndpoint() {
        // §7.1.2.3: Hello = ProtocolVersion, ReceiveBufferSize, SendBufferSize, MaxMessageSize, MaxChunkCount, EndpointUrl
        Observed o = exchange(fromClient(hello("opc.tcp://plc-7:4840/UA")), fromServer(acknowledge()));
        assertThat(o.facts()).containsExactly(
                C + "opcua.function=hello",
                C + "opcua.role=client",
                S + "opcua.endpointUrl=opc.tcp://plc-7:4840/UA",
                S + "opcua.role=server");
        assertThat(o.services()).containsExactly("10.0.0.11 4840/tcp opcua");
        assertThat(o.attributes(OpcuaAttributes.ENDPOINT_URL)).singleElement()
                .satisfies(a -> assertThat(a.confidence()).isEqualTo(OpcuaAttributes.ASKED));
    }

    @Test
    void openSecureChannelStatesThePolicyOfBothEnds() {
        // §6.7.2.2 asymmetric header; OpenSecureChannelRequest 446, response 449
        String basic256 = "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256";
        Observed o = exchange(fromClient(open(basic256, 446, new byte[0])), fromServer(open(basic256, 449, new byte[0])));
        assertThat(o.facts()).containsExactly(
                C + "opcua.function=open-secure-channel",
                C + "opcua.role=client",
                C + "opcua.securityPolicy=" + basic256,
                S + "opcua.role=server",
                S + "opcua.securityPolicy=" + basic256);
    }

    @Test
    void anEncryptedOpenSecureChannelFallsBackToThePortForTheDirection() {
        // with a policy other than None the body is encrypted: no readable TypeId
        byte[] encrypted = message("OPN", 'F', bytes().u32(0).string("http://opcfoundation.org/UA/SecurityPolicy#Aes256_Sha256_RsaPss")
                .u32(3).u8(1, 2, 3).u32(0xFFFFFFFFL).u8(0x5a, 0x3c, 0x99, 0x10, 0x77, 0x21, 0x08, 0xee, 0x41).build());
        Observed o = exchange(fromClient(encrypted));
        assertThat(o.values(OpcuaAttributes.FUNCTION)).containsExactly("open-secure-channel");
        assertThat(o.values(OpcuaAttributes.SECURITY_POLICY))
                .containsExactly("http://opcfoundation.org/UA/SecurityPolicy#Aes256_Sha256_RsaPss");
    }

    @Test
    void serviceRequestsNameTheClientsFunctionsAndResponsesProveTheServer() {
        // OPC 10000-6 NodeIds: ReadRequest 631, WriteRequest 673, CallRequest 712, BrowseRequest 527; responses +3
        Observed o = exchange(fromClient(msg(631, new byte[8])), fromClient(msg(673, new byte[8])),
                fromClient(msg(712, new byte[8])), fromClient(msg(527, new byte[8])), fromServer(msg(634, new byte[8])),
                fromServer(msg(397, new byte[8])));
        assertThat(o.values(OpcuaAttributes.FUNCTION)).containsExactly("browse", "call", "read", "write");
        assertThat(o.facts()).contains(C + "opcua.role=client", S + "opcua.role=server");
        assertThat(o.facts()).noneMatch(f -> f.startsWith(S + "opcua.function"));
    }

    @Test
    void theDirectionComesFromTheMessageNotThePort() {
        // a client on port 4840 talking to a server on a high port (reverse connect, OPC 10000-6 §7.1.3)
        SyntheticFrame server = OpcuaWire.SERVER;
        Observed o = new Observed(new OpcuaDissector());
        o.feed(server, server.tcp(OpcuaDissector.PORT, 50000, SyntheticFrame.PSH | SyntheticFrame.ACK, msg(631, new byte[4])));
        assertThat(o.facts()).containsExactly(S + "opcua.function=read", S + "opcua.role=client");
    }

    @Test
    void getEndpointsResponseStatesEveryEndpointsApplicationAndSecurity() {
        // OPC 10000-4 §5.4.4 GetEndpoints, §7.14 EndpointDescription, §7.2 ApplicationDescription
        byte[] body = responseHeader().u32(2)
                .endpoint("opc.tcp://10.0.0.11:4840", "urn:Siemens:S7-1500", "https://www.siemens.com/s7-1500",
                        "SIMATIC.S7-1500.OPC-UA.Application:PLC_1", 1, POLICY_NONE)
                .endpoint("opc.tcp://10.0.0.11:4840", "urn:Siemens:S7-1500", "https://www.siemens.com/s7-1500",
                        "SIMATIC.S7-1500.OPC-UA.Application:PLC_1", 3,
                        "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256")
                .build();
        Observed o = exchange(fromServer(msg(431, body)));
        assertThat(o.facts()).containsExactly(
                S + "opcua.applicationName=SIMATIC.S7-1500.OPC-UA.Application:PLC_1",
                S + "opcua.applicationType=server",
                S + "opcua.applicationUri=urn:Siemens:S7-1500",
                S + "opcua.endpointUrl=opc.tcp://10.0.0.11:4840",
                S + "opcua.productUri=https://www.siemens.com/s7-1500",
                S + "opcua.role=server",
                S + "opcua.securityMode=none",
                S + "opcua.securityMode=sign-and-encrypt",
                S + "opcua.securityPolicy=http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256",
                S + "opcua.securityPolicy=" + POLICY_NONE);
    }

    @Test
    void createSessionRequestStatesTheClientsOwnApplication() {
        // §5.6.2: RequestHeader, ClientDescription, ServerUri, EndpointUrl, SessionName, ...
        byte[] body = requestHeader().application("urn:KEPServerEX:client", "urn:ptc:kepware", "KEPServerEX", 1)
                .string(null).string("opc.tcp://10.0.0.11:4840").string("s1").build();
        Observed o = exchange(fromClient(msg(461, body)));
        assertThat(o.facts()).containsExactly(
                C + "opcua.applicationName=KEPServerEX",
                C + "opcua.applicationType=client",
                C + "opcua.applicationUri=urn:KEPServerEX:client",
                C + "opcua.function=create-session",
                C + "opcua.productUri=urn:ptc:kepware",
                C + "opcua.role=client",
                S + "opcua.endpointUrl=opc.tcp://10.0.0.11:4840");
    }

    @Test
    void createSessionResponseListsTheServersEndpoints() {
        byte[] body = responseHeader().u8(1, 0).u16(7).u8(1, 0).u16(8).u32(0).u32(0x40ed4c00)
                .string(null).string(null).u32(1)
                .endpoint("opc.tcp://gw:4840", "urn:gw", "urn:vendor:gw", null, 1, POLICY_NONE).build();
        Observed o = exchange(fromServer(msg(464, body)));
        assertThat(o.values(OpcuaAttributes.APPLICATION_URI)).containsExactly("urn:gw");
        assertThat(o.values(OpcuaAttributes.PRODUCT_URI)).containsExactly("urn:vendor:gw");
        assertThat(o.values(OpcuaAttributes.ENDPOINT_URL)).containsExactly("opc.tcp://gw:4840");
        assertThat(o.values(OpcuaAttributes.APPLICATION_NAME)).isEmpty();
    }

    @Test
    void severalMessagesInOneSegmentAreAllRead() {
        Observed o = exchange(fromClient(Bytes.concat(msg(631, new byte[4]), msg(673, new byte[4]), msg(712, new byte[4]))));
        assertThat(o.values(OpcuaAttributes.FUNCTION)).containsExactly("call", "read", "write");
    }

    @Test
    void intermediateChunksAndUnknownTypeIdsNameNoFunction() {
        // §6.7.2.1: only a final ('F') chunk is known to start with the TypeId; 9999 is no service encoding
        byte[] chunk = message("MSG", 'C', bytes().u32(1).u32(1).u32(2).u32(2).nodeId(631).build());
        Observed o = exchange(fromClient(chunk), fromClient(msg(9999, new byte[4])));
        assertThat(o.values(OpcuaAttributes.FUNCTION)).isEmpty();
    }

    @Test
    void aNamespaceOtherThanZeroOrAStringNodeIdIsNoService() {
        byte[] ns2 = message("MSG", 'F', bytes().u32(1).u32(1).u32(2).u32(2).u8(1, 2).u16(631).build());
        byte[] numeric = message("MSG", 'F', bytes().u32(1).u32(1).u32(2).u32(2).u8(2).u16(0).u32(673).build());
        Observed o = exchange(fromClient(ns2), fromClient(numeric));
        assertThat(o.values(OpcuaAttributes.FUNCTION)).containsExactly("write");
    }

    @Test
    void otherProtocolsOnPort4840YieldNothing() {
        OpcuaDissector d = new OpcuaDissector();
        Observed o = new Observed(d);
        o.feed(OpcuaWire.CLIENT, fromClient("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes()));
        assertThat(o.all).isEmpty();
        assertThat(d.notOpcua()).isEqualTo(1);
    }

    @Test
    void detectionAcceptsAFinalHeaderOfAKnownType() {
        Payload p = new Payload();
        byte[] hel = hello("opc.tcp://x:4841");
        assertThat(new OpcuaDissector().detect(p.wrap(hel, 0, hel.length), null)).isTrue();
        byte[] other = "HELO smtp.example.org\r\n".getBytes();
        assertThat(new OpcuaDissector().detect(p.wrap(other, 0, other.length), null)).isFalse();
        byte[] tiny = bytes().raw("HELF".getBytes()).u32(4).build();
        assertThat(new OpcuaDissector().detect(p.wrap(tiny, 0, tiny.length), null)).isFalse();
    }

    @Test
    void aHeuristicFlowOnAnotherPortIsDissected() {
        Observed o = new Observed(new OpcuaDissector());
        o.feed(OpcuaWire.CLIENT, OpcuaWire.CLIENT.tcp(50001, 48010, SyntheticFrame.PSH | SyntheticFrame.ACK,
                hello("opc.tcp://10.0.0.11:48010")));
        assertThat(o.values(OpcuaAttributes.FUNCTION)).containsExactly("hello");
    }

    @Test
    void controlCharactersInTextAreEscapedAndLongTextIsCut() {
        String longName = "x".repeat(OpcuaDissector.MAX_TEXT_LENGTH + 50);
        byte[] body = responseHeader().u32(1).endpoint("opc.tcp://a\nb", "urn:a", "urn:b", longName, 1, POLICY_NONE).build();
        Observed o = exchange(fromServer(msg(431, body)));
        assertThat(o.values(OpcuaAttributes.ENDPOINT_URL)).containsExactly("opc.tcp://a\\010b");
        assertThat(o.values(OpcuaAttributes.APPLICATION_NAME)).singleElement()
                .satisfies(v -> assertThat(v).hasSize(OpcuaDissector.MAX_TEXT_LENGTH));
    }

    /** Concatenation of byte arrays. */
    static final class Bytes {
        static byte[] concat(byte[]... parts) {
            OpcuaWire w = bytes();
            for (byte[] p : parts) w.raw(p);
            return w.build();
        }
    }
}
