package io.osprey.dissect.snmp;

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
 * SNMP v1 (RFC 1157), v2c (RFC 1901, RFC 3416) and v3 (RFC 3412, RFC 3414) on UDP 161 (agent) and 162 (trap
 * receiver). See {@link SnmpAttributes}. The agent is the side on port 161, or the sender of a trap to 162.
 *
 * <p>Messages are walked along their fixed shape (RFC 3416 §3): message SEQUENCE, then PDU, then the varbind
 * list, then one varbind: {@link #MAX_DEPTH} levels, never recursively.
 *
 * <p>A v1 or v2c message that asks something (get, get-next, get-bulk, set) or notifies (trap, inform) carries the
 * community, a password, in clear (RFC 3410 §5): reported as a {@value #CLEARTEXT_CREDENTIALS}
 * {@link io.osprey.dissect.Observation.Operation} from its sender to its receiver, once per pair and detail
 * "protocol=snmp version=2c community=default-public" (version 1 or 2c, community as one of the classes of
 * {@link SnmpAttributes#COMMUNITY_IN_USE}, never the string).
 */
public final class SnmpDissector implements Dissector {
    public static final int AGENT_PORT = 161, TRAP_PORT = 162;
    /** Levels of BER nesting read: message, PDU, varbind list, varbind. */
    public static final int MAX_DEPTH = 4;
    /** Varbinds examined per PDU; responses to a walk carry a few dozen at most. */
    public static final int MAX_VARBINDS = 64;
    /** Arcs written for an OID value; RFC 2578 §3.5 allows at most 128 sub-identifiers. */
    public static final int MAX_OID_ARCS = 128;
    /** RFC 3411 §5: an SnmpEngineID is 5 to 32 octets (some agents send fewer, which are still shown). */
    public static final int MAX_ENGINE_ID_LENGTH = 32;

    static final int VERSION_1 = 0, VERSION_2C = 1, VERSION_3 = 3;
    /** The operation reported for a message carrying a community (the vocabulary of the login dissectors). */
    public static final String CLEARTEXT_CREDENTIALS = "cleartext-credentials";
    // PDU tags, RFC 3416 §3 (context-specific, constructed)
    static final int GET = 0xa0, GET_NEXT = 0xa1, RESPONSE = 0xa2, SET = 0xa3, TRAP_V1 = 0xa4, GET_BULK = 0xa5,
            INFORM = 0xa6, TRAP_V2 = 0xa7, REPORT = 0xa8;

    /** The BER contents of 1.3.6.1.2.1.1 (the system group, RFC 3418): sysX.0 is this, X, 0. */
    private static final int[] SYSTEM_GROUP = {0x2b, 6, 1, 2, 1, 1};
    static final int SYS_DESCR = 1, SYS_OBJECT_ID = 2, SYS_NAME = 5, SYS_LOCATION = 6;

    private final BerReader message = new BerReader();
    private final BerReader element = new BerReader();
    private final BerReader pdu = new BerReader();
    private final BerReader varbind = new BerReader();
    private final BerReader name = new BerReader();
    private final BerReader value = new BerReader();
    private final ValueBuffer text = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts("snmp", false);
    private final ReportedOperations operations = new ReportedOperations("snmp");
    private final ValueBuffer detail = new ValueBuffer();
    private long malformed;

    private ObservationSink sink;
    private long timestamp;
    private long agentMac, agentHi, agentLo, managerMac, managerHi, managerLo;

    @Override
    public String name() {
        return "snmp";
    }

    /**
     * Packets examined per flow. A manager often polls or walks from one source port, so one flow carries many
     * exchanges; a walk from the MIB-2 root reaches sysLocation at its twelfth packet.
     */
    public static final int PAYLOAD_PACKETS_PER_FLOW = 64;

    @Override
    public Interest interest() {
        return Interest.forUdpPorts(AGENT_PORT, TRAP_PORT).withPayloadPackets(PAYLOAD_PACKETS_PER_FLOW);
    }

    /** Datagrams on the SNMP ports that were not well-formed SNMP (counted, not thrown). */
    public long malformed() {
        return malformed;
    }

    @Override
    public void dissect(Packet packet, Payload p, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp()) return;
        if (!message.read(p, 0, p.length()) || message.tag != BerReader.SEQUENCE
                || !element.read(p, message.contentAt, message.end()) || element.tag != BerReader.INTEGER) {
            malformed++;
            return;
        }
        long version = element.unsigned(p);
        if (version != VERSION_1 && version != VERSION_2C && version != VERSION_3) return;
        this.sink = sink;
        this.timestamp = packet.timestampNanos();
        boolean fromAgent = packet.srcPort() == AGENT_PORT || packet.dstPort() == TRAP_PORT;
        if (fromAgent) {
            agentMac = packet.srcMac(); agentHi = packet.srcIpHi(); agentLo = packet.srcIpLo();
            managerMac = packet.dstMac(); managerHi = packet.dstIpHi(); managerLo = packet.dstIpLo();
        } else {
            agentMac = packet.dstMac(); agentHi = packet.dstIpHi(); agentLo = packet.dstIpLo();
            managerMac = packet.srcMac(); managerHi = packet.srcIpHi(); managerLo = packet.srcIpLo();
        }
        if (version == VERSION_3) {
            v3(p, packet);
            return;
        }
        // RFC 1157 §4 / RFC 1901 §3: version, community, PDU
        if (!element.read(p, element.end(), message.end()) || element.tag != BerReader.OCTET_STRING
                || !pdu.read(p, element.end(), message.end())) {
            malformed++;
            return;
        }
        text.clear().append(version == VERSION_1 ? "1" : "2c");
        reportBoth(SnmpAttributes.VERSION);
        String community = communityClass(p, element);
        text.clear().append(community);
        reportBoth(SnmpAttributes.COMMUNITY_IN_USE);
        if (pdu.tag == GET || pdu.tag == GET_NEXT || pdu.tag == GET_BULK || pdu.tag == SET || pdu.tag == TRAP_V1
                || pdu.tag == TRAP_V2 || pdu.tag == INFORM) {
            detail.clear().append("protocol=snmp version=").append(version == VERSION_1 ? "1" : "2c")
                    .append(" community=").append(community);
            operations.between(packet, true).once(sink, CLEARTEXT_CREDENTIALS, detail);
        }
        if (pdu.tag == RESPONSE && packet.srcPort() == AGENT_PORT) {
            reported.service(sink, agentMac, agentHi, agentLo, AGENT_PORT, Observation.Transport.UDP, "snmp",
                    timestamp);
            varbinds(p, pdu.contentAt, pdu.end(), 3);
        } else if (pdu.tag == TRAP_V2 || pdu.tag == INFORM) {
            varbinds(p, pdu.contentAt, pdu.end(), 3);
        } else if (pdu.tag == TRAP_V1) {
            // RFC 1157 §4.1.6: enterprise, agent-addr, generic-trap, specific-trap, time-stamp, variable-bindings
            varbinds(p, pdu.contentAt, pdu.end(), 5);
        }
    }

    /** The community's class; the octets themselves are never kept. */
    private static String communityClass(Payload p, BerReader community) {
        if (community.length == 0) return SnmpAttributes.COMMUNITY_EMPTY;
        if (equalsAscii(p, community, "public")) return SnmpAttributes.COMMUNITY_DEFAULT_PUBLIC;
        if (equalsAscii(p, community, "private")) return SnmpAttributes.COMMUNITY_DEFAULT_PRIVATE;
        return SnmpAttributes.COMMUNITY_OTHER;
    }

    private static boolean equalsAscii(Payload p, BerReader e, String s) {
        return e.length == s.length() && p.startsWith(e.contentAt, s);
    }

    /** Skips {@code skip} elements of the PDU, then reads its varbind list (RFC 3416 §3). */
    private void varbinds(Payload p, int at, int end, int skip) {
        for (int i = 0; i < skip; i++) {
            if (!element.read(p, at, end)) return;
            at = element.end();
        }
        if (!element.read(p, at, end) || element.tag != BerReader.SEQUENCE) return;
        int listEnd = element.end();
        at = element.contentAt;
        for (int n = 0; n < MAX_VARBINDS && varbind.read(p, at, listEnd); n++) {
            at = varbind.end();
            if (varbind.tag != BerReader.SEQUENCE || !name.read(p, varbind.contentAt, varbind.end())
                    || name.tag != BerReader.OID || !value.read(p, name.end(), varbind.end())) continue;
            int object = systemObject(p, name);
            String attribute = switch (object) {
                case SYS_DESCR -> SnmpAttributes.SYS_DESCR;
                case SYS_OBJECT_ID -> SnmpAttributes.SYS_OBJECT_ID;
                case SYS_NAME -> SnmpAttributes.SYS_NAME;
                case SYS_LOCATION -> SnmpAttributes.SYS_LOCATION;
                default -> null;
            };
            if (attribute == null) continue;
            text.clear();
            if (object == SYS_OBJECT_ID) {
                if (value.tag != BerReader.OID || !appendOid(p, value)) continue;
            } else {
                if (value.tag != BerReader.OCTET_STRING) continue;
                int length = value.length;
                while (length > 0 && p.u8(value.contentAt + length - 1) == 0) length--; // C-string terminators
                for (int i = 0; i < length; i++) text.appendText(p.u8(value.contentAt + i));
            }
            reported.attribute(sink, agentMac, agentHi, agentLo, attribute, text, SnmpAttributes.STATED, timestamp);
        }
    }

    /** X for an OID 1.3.6.1.2.1.1.X.0 with X below 128, else 0. */
    private static int systemObject(Payload p, BerReader oid) {
        if (oid.length != SYSTEM_GROUP.length + 2 || p.u8(oid.end() - 1) != 0) return 0;
        for (int i = 0; i < SYSTEM_GROUP.length; i++) if (p.u8(oid.contentAt + i) != SYSTEM_GROUP[i]) return 0;
        int x = p.u8(oid.contentAt + SYSTEM_GROUP.length);
        return x < 0x80 ? x : 0;
    }

    /** Writes an OID in dotted form (X.690 §8.19); false when malformed. */
    private boolean appendOid(Payload p, BerReader oid) {
        long arc = 0;
        int arcs = 0;
        for (int i = 0; i < oid.length; i++) {
            int b = p.u8(oid.contentAt + i);
            arc = arc << 7 | b & 0x7f;
            if (arc > 0xffffffffL) return false;
            if ((b & 0x80) != 0) continue;
            if (++arcs > MAX_OID_ARCS) return false;
            if (arcs == 1) {
                // the first sub-identifier packs the first two arcs (X.690 §8.19.4)
                int first = arc < 40 ? 0 : arc < 80 ? 1 : 2;
                text.appendDecimal(first).append('.');
                appendUnsigned(arc - 40L * first);
            } else {
                text.append('.');
                appendUnsigned(arc);
            }
            arc = 0;
        }
        return arcs > 0 && (p.u8(oid.end() - 1) & 0x80) == 0;
    }

    private void appendUnsigned(long v) {
        if (v >= 10) appendUnsigned(v / 10);
        text.append((int) ('0' + v % 10));
    }

    /**
     * SNMPv3 (RFC 3412 §6): version, msgGlobalData SEQUENCE, msgSecurityParameters OCTET STRING holding the USM
     * SEQUENCE whose first element is msgAuthoritativeEngineID (RFC 3414 §2.4). Requests to and responses from
     * port 161 name the agent's engine; messages on port 162 are skipped, as an inform's authoritative engine is
     * the receiver's and the PDU type may be encrypted.
     */
    private void v3(Payload p, Packet packet) {
        if (packet.srcPort() != AGENT_PORT && packet.dstPort() != AGENT_PORT) return;
        text.clear().append("3");
        reportBoth(SnmpAttributes.VERSION);
        if (!element.read(p, element.end(), message.end()) || element.tag != BerReader.SEQUENCE
                || !element.read(p, element.end(), message.end()) || element.tag != BerReader.OCTET_STRING
                || !value.read(p, element.contentAt, element.end()) || value.tag != BerReader.SEQUENCE
                || !name.read(p, value.contentAt, value.end()) || name.tag != BerReader.OCTET_STRING) {
            malformed++;
            return;
        }
        int n = name.length;
        if (n == 0 || n > MAX_ENGINE_ID_LENGTH) return; // empty: discovery (RFC 3414 §4)
        text.clear();
        for (int i = 0; i < n; i++) text.appendHex2(p.u8(name.contentAt + i));
        reported.attribute(sink, agentMac, agentHi, agentLo, SnmpAttributes.ENGINE_ID, text, SnmpAttributes.STATED,
                timestamp);
        // RFC 3411 §5: with the first bit set, the first four octets are the enterprise number
        if (n >= 5 && (p.u8(name.contentAt) & 0x80) != 0) {
            long enterprise = p.u32(name.contentAt) & 0x7fffffffL;
            text.clear();
            appendUnsigned(enterprise);
            reported.attribute(sink, agentMac, agentHi, agentLo, SnmpAttributes.ENGINE_ENTERPRISE, text,
                    SnmpAttributes.STATED, timestamp);
        }
    }

    private void reportBoth(String attribute) {
        reported.attribute(sink, agentMac, agentHi, agentLo, attribute, text, SnmpAttributes.STATED, timestamp);
        reported.attribute(sink, managerMac, managerHi, managerLo, attribute, text, SnmpAttributes.STATED, timestamp);
    }
}
