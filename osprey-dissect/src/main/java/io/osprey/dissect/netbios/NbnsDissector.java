package io.osprey.dissect.netbios;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.DnsMessage;
import io.osprey.dissect.dns.DnsName;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.Packet;

/**
 * NetBIOS name service (RFC 1001 §15, RFC 1002 §4.2) on UDP port 137, in the DNS message format with NetBIOS
 * opcodes. Reports:
 * <ul>
 *   <li>registrations and refreshes (opcodes 5, 8, 9, 15; RFC 1002 §4.2.2, §4.2.4): the name in the additional
 *   record, as {@value NetbiosAttributes#NAME} or {@value NetbiosAttributes#GROUP} (the G bit of NB_FLAGS),
 *   about the registering sender at the registered NB_ADDRESS;</li>
 *   <li>name queries (§4.2.12): {@value NetbiosAttributes#QUERY} about the sender (at most
 *   {@link #MAX_QUERY_NAMES_PER_HOST}); the "*" wildcard of node status requests is not a name;</li>
 *   <li>positive name query responses (§4.2.13): the name for each NB_ADDRESS listed — about the sender when it
 *   is the address, else about that address (a WINS server answering for another host);</li>
 *   <li>node status responses (§4.2.18): the responder's name table and its unit id
 *   ({@value NetbiosAttributes#UNIT_ID});</li>
 *   <li>a NetBIOS name service {@link Observation.Service} for a host that responds from port 137.</li>
 * </ul>
 */
public final class NbnsDissector implements Dissector {
    public static final int PORT = 137;
    /** Distinct names reported per host as {@value NetbiosAttributes#QUERY}. */
    public static final int MAX_QUERY_NAMES_PER_HOST = 64;
    /** NB_ADDRESS entries read from one answer (a group name lists one per member). */
    public static final int MAX_ADDRESSES = 16;
    /** Names read from a node status response (NUM_NAMES is one octet; a host has a dozen). */
    public static final int MAX_NODE_NAMES = 64;

    /** RFC 1002 §4.2.1.1 opcodes. */
    static final int OPCODE_QUERY = 0, OPCODE_REGISTRATION = 5, OPCODE_REFRESH = 8, OPCODE_REFRESH_ALT = 9,
            OPCODE_MULTI_HOMED_REGISTRATION = 15;
    /** RFC 1002 §4.2.1.3 NB_FLAGS and §4.2.18 NAME_FLAGS: G (group), DRG (being deregistered), CNF (conflict). */
    static final int FLAG_GROUP = 0x8000, FLAG_DEREGISTERING = 0x1000, FLAG_CONFLICT = 0x0800;
    /** An NB_ADDRESS entry: NB_FLAGS (2), NB_ADDRESS (4). */
    static final int ADDRESS_ENTRY_LENGTH = 6;
    /** A node status NODE_NAME entry: 16 name octets, NAME_FLAGS (2). */
    static final int NODE_NAME_ENTRY_LENGTH = NetbiosName.LENGTH + 2;
    /** UNIT_ID, the first field of the statistics after the node names. */
    static final int UNIT_ID_LENGTH = 6;

    private final DnsMessage message = new DnsMessage();
    private final DnsName name = new DnsName();
    private final byte[] netbiosName = new byte[NetbiosName.LENGTH];
    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts("nbns", true);

    @Override
    public String name() {
        return "nbns";
    }

    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).withPayloadPackets(Integer.MAX_VALUE);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp() || packet.ipVersion() != 4 || !message.wrap(payload, 0, payload.length())) return;
        int opcode = message.opcode();
        if (!message.isResponse()) {
            switch (opcode) {
                case OPCODE_QUERY -> query(packet, sink);
                case OPCODE_REGISTRATION, OPCODE_REFRESH, OPCODE_REFRESH_ALT, OPCODE_MULTI_HOMED_REGISTRATION ->
                        registration(packet, sink);
                default -> { }
            }
        } else if (opcode == OPCODE_QUERY && message.rcode() == 0) {
            if (packet.srcPort() == PORT) {
                reported.service(sink, packet.srcMac(), packet.srcIpHi(), packet.srcIpLo(), PORT,
                        Observation.Transport.UDP, "netbios-ns", packet.timestampNanos());
            }
            answers(packet, sink);
        }
    }

    private void query(Packet packet, ObservationSink sink) {
        while (message.next() && message.section() == DnsMessage.QUESTION) {
            if (message.type() != DnsMessage.TYPE_NB || !readName(message.nameOffset())) continue;
            if (NetbiosName.isWildcard(netbiosName)) continue;
            NetbiosName.appendText(netbiosName, value.clear());
            reported.attribute(sink, packet.srcMac(), packet.srcIpHi(), packet.srcIpLo(), NetbiosAttributes.QUERY, value,
                    MAX_QUERY_NAMES_PER_HOST, NetbiosAttributes.STATED, packet.timestampNanos());
        }
    }

    private void registration(Packet packet, ObservationSink sink) {
        while (message.next()) {
            if (message.section() != DnsMessage.ADDITIONAL || message.type() != DnsMessage.TYPE_NB) continue;
            if (message.rdataLength() < ADDRESS_ENTRY_LENGTH || !readName(message.nameOffset())) continue;
            int flags = message.u16(message.rdataOffset());
            long lo = Packet.IPV4_MAPPED_PREFIX | message.u32(message.rdataOffset() + 2);
            report(sink, packet.srcMac(), lo, flags, NetbiosAttributes.STATED, packet.timestampNanos());
        }
    }

    private void answers(Packet packet, ObservationSink sink) {
        while (message.next()) {
            if (message.section() != DnsMessage.ANSWER) continue;
            if (message.type() == DnsMessage.TYPE_NB) {
                if (!readName(message.nameOffset())) continue;
                int entries = Math.min(MAX_ADDRESSES, message.rdataLength() / ADDRESS_ENTRY_LENGTH);
                for (int i = 0; i < entries; i++) {
                    int at = message.rdataOffset() + i * ADDRESS_ENTRY_LENGTH;
                    long lo = Packet.IPV4_MAPPED_PREFIX | message.u32(at + 2);
                    boolean self = lo == packet.srcIpLo();
                    report(sink, self ? packet.srcMac() : Packet.NO_MAC, lo, message.u16(at),
                            self ? NetbiosAttributes.STATED : NetbiosAttributes.STATED_BY_SERVER, packet.timestampNanos());
                }
            } else if (message.type() == DnsMessage.TYPE_NBSTAT) {
                nodeStatus(packet, sink);
            }
        }
    }

    /** RFC 1002 §4.2.18: NUM_NAMES (1), NODE_NAME entries, then STATISTICS starting with the UNIT_ID. */
    private void nodeStatus(Packet packet, ObservationSink sink) {
        int at = message.rdataOffset();
        int end = at + message.rdataLength();
        int names = message.u8(at);
        if (names < 0) return;
        Payload payload = message.payload();
        long mac = packet.srcMac(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        int pos = at + 1;
        for (int i = 0; i < Math.min(names, MAX_NODE_NAMES) && pos + NODE_NAME_ENTRY_LENGTH <= end; i++) {
            if (!NetbiosName.copy(payload, message.base() + pos, netbiosName)) return;
            int flags = message.u16(pos + NetbiosName.LENGTH);
            if ((flags & (FLAG_DEREGISTERING | FLAG_CONFLICT)) == 0) {
                report(sink, mac, lo, flags, NetbiosAttributes.STATED, ts);
            }
            pos += NODE_NAME_ENTRY_LENGTH;
        }
        if (names > MAX_NODE_NAMES || pos + UNIT_ID_LENGTH > end) return;
        long unitId = message.u32(pos) << 16 | message.u16(pos + 4);
        if (unitId == 0 || Addresses.isMulticastMac(unitId)) return;
        value.clear();
        for (int i = 5; i >= 0; i--) {
            value.appendHex2((int) (unitId >>> 8 * i) & 0xff);
            if (i > 0) value.append(':');
        }
        reported.attribute(sink, mac, 0, lo, NetbiosAttributes.UNIT_ID, value, NetbiosAttributes.STATED, ts);
    }

    private boolean readName(int at) {
        return name.read(message, at) >= 0 && NetbiosName.decode(name, netbiosName);
    }

    private void report(ObservationSink sink, long mac, long ipLo, int flags, double confidence, long ts) {
        if ((int) ipLo == 0) return;
        NetbiosName.appendText(netbiosName, value.clear());
        String attribute = (flags & FLAG_GROUP) != 0 ? NetbiosAttributes.GROUP : NetbiosAttributes.NAME;
        reported.attribute(sink, mac, 0, ipLo, attribute, value, confidence, ts);
    }
}
