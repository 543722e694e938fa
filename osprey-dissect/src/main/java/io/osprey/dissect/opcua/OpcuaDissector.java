package io.osprey.dissect.opcua;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;

/**
 * OPC UA binary over TCP (OPC 10000-6 §7: UA Connection Protocol and UA Secure Conversation), on port 4840 or any
 * port whose first payload is a UA message header. Every message starts with the same 8-octet header:
 * <pre>
 * 0 MessageType 3 ASCII octets (HEL ACK ERR RHE OPN MSG CLO) | 3 IsFinal 'F' 'C' 'A' | 4 MessageSize u32le (header included)
 * </pre>
 * <ul>
 *   <li>Hello (§7.1.2.3): the EndpointUrl the client asks for, about the server; the client's role.</li>
 *   <li>Acknowledge/Error: the server's role and its {@link Observation.Service}.</li>
 *   <li>OpenSecureChannel (§6.7.2): the SecurityPolicyUri of the asymmetric security header, about the sender.</li>
 *   <li>MSG/CLO single-chunk messages: after the 16-octet symmetric security and sequence headers the body starts
 *       with the TypeId of the service request or response. It is plain text only when the channel's security mode
 *       is None or Sign; with SignAndEncrypt the octets are random, so a TypeId is trusted only when it is a
 *       namespace-0 four-octet NodeId naming a known service (about 2^-23 odds for random octets).</li>
 *   <li>GetEndpoints and CreateSession responses: each EndpointDescription's URL, security mode and policy, and the
 *       server's ApplicationDescription (application name, URI, product URI); a CreateSession request: the client's
 *       own ApplicationDescription.</li>
 * </ul>
 * Who is client and who is server comes from the message itself (a Hello or a request is the client's), not from
 * the port. Messages are read whole or as far as the segment holds them; a segment that does not start with a UA
 * header (the continuation of a large message) is skipped and counted.
 *
 * <p>Operations (source "opcua", from the requesting client to the server): each service request, named as
 * {@link OpcuaAttributes#FUNCTION} names it ("read", "browse", "hello"), once per pair; the services that change
 * the server's address space or process — write, call, add-nodes, delete-nodes, add-references,
 * delete-references, history-update (OPC 10000-4 §5.8, §5.10.4, §5.11, §5.7.2-5.7.5) — at each occurrence. A
 * segment that starts as UA and then holds something that is not is {@link ReportedOperations#MALFORMED}.
 */
public final class OpcuaDissector implements Dissector {
    public static final String NAME = "opcua";
    /** IANA "opcua-tcp", OPC 10000-6 §7.2. */
    public static final int PORT = 4840;
    /** Every packet of a connection is examined: writes and method calls come at any time in long sessions. */
    public static final int PAYLOAD_PACKETS = Integer.MAX_VALUE;

    static final int HEADER_LENGTH = 8;
    /** §6.7.2.3 symmetric security header (SecureChannelId, TokenId) and §6.7.2.4 sequence header. */
    static final int SYMMETRIC_BODY_OFFSET = HEADER_LENGTH + 4 + 4 + 4 + 4;
    static final int HEL = 0x48454C, ACK = 0x41434B, ERR = 0x455252, RHE = 0x524845, OPN = 0x4F504E, MSG = 0x4D5347,
            CLO = 0x434C4F;
    static final int FINAL = 'F', INTERMEDIATE = 'C', ABORT = 'A';
    /** §7.1.2.3: Hello is 5 UInt32 then the EndpointUrl. */
    static final int HELLO_URL_OFFSET = HEADER_LENGTH + 20;
    /** Messages read per segment. */
    public static final int MAX_MESSAGES_PER_SEGMENT = 16;
    /** EndpointDescriptions read per GetEndpoints/CreateSession answer. */
    public static final int MAX_ENDPOINTS = 16;
    /** UserTokenPolicies walked per EndpointDescription. */
    public static final int MAX_TOKEN_POLICIES = 16;
    /** Octets of a URI or name kept (§7.1.2.3 limits an EndpointUrl to 4096; names are far shorter). */
    public static final int MAX_TEXT_LENGTH = 256;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final OpcuaReader reader = new OpcuaReader();
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private Packet packet;
    private ObservationSink sink;
    private long srcMac, srcHi, srcLo, dstMac, dstHi, dstLo, nanos;
    private int srcPort;
    private long notOpcua, splitMessages, malformed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).andHeuristic().withPayloadPackets(PAYLOAD_PACKETS);
    }

    /** §7.1.2.2: a known message type, a chunk type allowed for it, and a size at least the header's. */
    static boolean isHeader(Payload payload, int at) {
        if (!payload.has(at, HEADER_LENGTH)) return false;
        int type = payload.u8(at) << 16 | payload.u8(at + 1) << 8 | payload.u8(at + 2);
        int chunk = payload.u8(at + 3);
        boolean chunked = type == MSG || type == OPN || type == CLO;
        boolean known = chunked || type == HEL || type == ACK || type == ERR || type == RHE;
        return known && (chunk == FINAL || chunked && (chunk == INTERMEDIATE || chunk == ABORT))
                && (payload.u16le(at + 6) != 0 || payload.u16le(at + 4) >= HEADER_LENGTH);
    }

    @Override
    public boolean detect(Payload payload, FlowView flow) {
        return isHeader(payload, 0) && payload.u8(3) == FINAL;
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp() || payload.length() == 0) return;
        this.sink = sink;
        srcMac = packet.srcMac();
        srcHi = packet.srcIpHi();
        srcLo = packet.srcIpLo();
        dstMac = packet.dstMac();
        dstHi = packet.dstIpHi();
        dstLo = packet.dstIpLo();
        srcPort = packet.srcPort();
        nanos = packet.timestampNanos();
        this.packet = packet;
        boolean towardsPort = packet.dstPort() == PORT && packet.srcPort() != PORT
                || (packet.dstPort() == PORT) == (packet.srcPort() == PORT) && (!flow.exists() || flow.fromClient());
        int at = 0;
        for (int n = 0; n < MAX_MESSAGES_PER_SEGMENT && payload.has(at, HEADER_LENGTH); n++) {
            if (!isHeader(payload, at)) {
                if (n == 0) {
                    notOpcua++;
                } else {
                    malformed++;
                    operations.between(packet, towardsPort).every(sink, ReportedOperations.MALFORMED, null);
                }
                return;
            }
            long size = (long) payload.u16le(at + 6) << 16 | payload.u16le(at + 4);
            long end = at + size;
            message(payload, at, (int) Math.min(end, payload.length()), towardsPort);
            if (end > payload.length()) {
                splitMessages++;
                return;
            }
            at = (int) end;
        }
    }

    private void message(Payload payload, int at, int end, boolean towardsPort) {
        int type = payload.u8(at) << 16 | payload.u8(at + 1) << 8 | payload.u8(at + 2);
        boolean whole = payload.u8(at + 3) == FINAL;
        switch (type) {
            case HEL -> {
                client("hello");
                reader.reset(payload, at + HELLO_URL_OFFSET, end);
                text(false, OpcuaAttributes.ENDPOINT_URL, OpcuaAttributes.ASKED);
            }
            case ACK, ERR -> server();
            case OPN -> openSecureChannel(payload, at, end, whole, towardsPort);
            case MSG, CLO -> {
                if (!whole) return;
                reader.reset(payload, at + SYMMETRIC_BODY_OFFSET, end);
                body(reader.typeId());
            }
            default -> { }
        }
    }

    /**
     * §6.7.2.2 asymmetric security header: SecureChannelId, SecurityPolicyUri, SenderCertificate,
     * ReceiverCertificateThumbprint, then the sequence header and (with policy None) the plain-text body.
     */
    private void openSecureChannel(Payload payload, int at, int end, boolean whole, boolean towardsPort) {
        reader.reset(payload, at + HEADER_LENGTH + 4, end);
        int policyAt = reader.position();
        int policyLength = reader.stringLength();
        reader.skip(Math.max(policyLength, 0));
        reader.skipString();
        reader.skipString();
        reader.skip(8);
        long typeId = whole && !reader.failed() ? reader.typeId() : -1;
        boolean fromClient = typeId == OpcuaServices.OPEN_SECURE_CHANNEL
                || typeId != OpcuaServices.OPEN_SECURE_CHANNEL + OpcuaServices.RESPONSE_OFFSET && towardsPort;
        if (fromClient) client("open-secure-channel");
        else server();
        reader.reset(payload, policyAt, end);
        text(true, OpcuaAttributes.SECURITY_POLICY, OpcuaAttributes.STATED);
    }

    /** A service request or response body, starting after its TypeId. */
    private void body(long typeId) {
        if (typeId < 0 || reader.failed()) return;
        String request = OpcuaServices.request(typeId);
        if (request != null) {
            client(request);
            if (typeId == OpcuaServices.CREATE_SESSION) createSessionRequest();
        } else if (OpcuaServices.isResponse(typeId)) {
            server();
            if (typeId == OpcuaServices.GET_ENDPOINTS + OpcuaServices.RESPONSE_OFFSET) {
                reader.skipResponseHeader();
                endpoints();
            } else if (typeId == OpcuaServices.CREATE_SESSION + OpcuaServices.RESPONSE_OFFSET) {
                createSessionResponse();
            }
        }
    }

    /** OPC 10000-4 §5.6.2.2: RequestHeader, ClientDescription, ServerUri, EndpointUrl, ... */
    private void createSessionRequest() {
        reader.skipRequestHeader();
        applicationDescription(true);
        reader.skipString(); // server URI
        text(false, OpcuaAttributes.ENDPOINT_URL, OpcuaAttributes.ASKED);
    }

    /** §5.6.2.2 response: ResponseHeader, SessionId, AuthenticationToken, timeout, nonce, certificate, endpoints. */
    private void createSessionResponse() {
        reader.skipResponseHeader();
        reader.nodeId();
        reader.nodeId();
        reader.skip(8);
        reader.skipString();
        reader.skipString();
        endpoints();
    }

    /** An array of EndpointDescription (OPC 10000-4 §7.14), about the server that sent it. */
    private void endpoints() {
        int n = Math.min(reader.arrayLength(), MAX_ENDPOINTS);
        for (int i = 0; i < n && !reader.failed(); i++) {
            text(true, OpcuaAttributes.ENDPOINT_URL, OpcuaAttributes.STATED);
            applicationDescription(true);
            reader.skipString(); // server certificate
            String mode = OpcuaServices.securityMode(reader.u32());
            if (mode != null && !reader.failed()) fact(true, OpcuaAttributes.SECURITY_MODE, value.clear().append(mode));
            text(true, OpcuaAttributes.SECURITY_POLICY, OpcuaAttributes.STATED);
            int tokens = reader.arrayLength();
            if (tokens > MAX_TOKEN_POLICIES) return;
            for (int t = 0; t < tokens && !reader.failed(); t++) {
                reader.skipString(); // policy id
                reader.skip(4); // token type
                reader.skipString(); // issued token type
                reader.skipString(); // issuer endpoint URL
                reader.skipString(); // security policy URI
            }
            reader.skipString(); // transport profile URI
            reader.skip(1); // security level
        }
    }

    /** OPC 10000-4 §7.2 ApplicationDescription: URI, product URI, name, type, gateway, discovery profile and URLs. */
    private void applicationDescription(boolean aboutSender) {
        text(aboutSender, OpcuaAttributes.APPLICATION_URI, OpcuaAttributes.STATED);
        text(aboutSender, OpcuaAttributes.PRODUCT_URI, OpcuaAttributes.STATED);
        int mask = reader.u8();
        if ((mask & OpcuaReader.TEXT_HAS_LOCALE) != 0) reader.skipString();
        if ((mask & OpcuaReader.TEXT_HAS_TEXT) != 0) {
            text(aboutSender, OpcuaAttributes.APPLICATION_NAME, OpcuaAttributes.STATED);
        }
        String type = OpcuaServices.applicationType(reader.u32());
        if (type != null && !reader.failed()) fact(aboutSender, OpcuaAttributes.APPLICATION_TYPE, value.clear().append(type));
        reader.skipString();
        reader.skipString();
        reader.skipStringArray();
    }

    /**
     * Reads a String at the cursor and reports it when it is whole in the payload and not empty: UTF-8 octets,
     * control characters escaped, cut at {@link #MAX_TEXT_LENGTH}, surrounding spaces trimmed.
     */
    private void text(boolean aboutSender, String attribute, double confidence) {
        int n = reader.stringLength();
        int from = reader.position();
        reader.skip(Math.max(n, 0));
        if (n <= 0 || reader.failed()) return;
        value.clear();
        int k = 0;
        while (k < n && reader.octet(from + k) == ' ') k++;
        for (int i = k; i < n && i - k < MAX_TEXT_LENGTH; i++) value.appendText(reader.octet(from + i));
        value.trimTrailing(' ');
        fact(aboutSender, attribute, value, confidence);
    }

    private void client(String function) {
        fact(true, OpcuaAttributes.ROLE, value.clear().append(OpcuaAttributes.ROLE_CLIENT));
        fact(true, OpcuaAttributes.FUNCTION, value.clear().append(function));
        operations.between(packet, true);
        if (OpcuaServices.changesServer(function)) operations.every(sink, function, null);
        else operations.once(sink, function);
    }

    private void server() {
        fact(true, OpcuaAttributes.ROLE, value.clear().append(OpcuaAttributes.ROLE_SERVER));
        reported.service(sink, srcMac, srcHi, srcLo, srcPort, Observation.Transport.TCP, NAME, nanos);
    }

    private void fact(boolean aboutSender, String attribute, ValueBuffer v) {
        fact(aboutSender, attribute, v, OpcuaAttributes.STATED);
    }

    private void fact(boolean aboutSender, String attribute, ValueBuffer v, double confidence) {
        if (aboutSender) reported.attribute(sink, srcMac, srcHi, srcLo, attribute, v, confidence, nanos);
        else reported.attribute(sink, dstMac, dstHi, dstLo, attribute, v, confidence, nanos);
    }

    /** Segments whose first octets are not a UA message header (continuations of large messages, other protocols). */
    public long notOpcua() { return notOpcua; }

    /** Messages that go on in a later segment, read as far as this one held them. */
    public long splitMessages() { return splitMessages; }

    /** Segments with a UA header followed by something that is not one. */
    public long malformed() { return malformed; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
