package io.osprey.dissect.enip;

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
 * EtherNet/IP encapsulation (ODVA CIP Vol. 2 ch. 2) on TCP and UDP 44818, and the CIP requests it carries.
 *
 * <p>Every message opens with the 24-octet encapsulation header (§2-3.1, little-endian):
 * <pre>
 *  0 command u16 | 2 length u16 (octets after the header) | 4 session handle u32 | 8 status u32
 * 12 sender context [8] | 20 options u32 (shall be 0, §2-3.6: a receiver discards the message otherwise)
 * </pre>
 * A TCP segment may hold several messages; each is read as far as the segment goes.
 *
 * <ul>
 *   <li>ListIdentity reply (0x63, §2-4.2.3): the Common Packet Format item CIP Identity (0x0C) carries the
 *       Identity object's attributes (CIP Vol. 1 §5A-2): vendor, device type, product code, revision, status,
 *       serial number, product name and state, reported about the sender (the device).</li>
 *   <li>SendRRData (0x6F) and SendUnitData (0x70) (§2-4.7, §2-4.8): the CPF data item (unconnected 0xB2, or
 *       connected 0xB1 after a two-octet sequence count, §2-6.3) holds a Message Router request (CIP Vol. 1
 *       §2-4.1: service, path size in words, EPATH, data); its service and addressed class are reported about the
 *       sender, a client. Unconnected_Send (Vol. 1 §3-5.5.2) and Multiple_Service_Packet (Vol. 1 §) are
 *       opened to {@link #MAX_DEPTH} levels.</li>
 *   <li>A valid message from port 44818 proves an EtherNet/IP server ({@link Observation.Service}).</li>
 * </ul>
 * CIP class-1 I/O (UDP 2222) carries no identity and is not read.
 */
public final class EnipDissector implements Dissector {
    public static final String NAME = "enip";
    /** §2-2: the registered port, TCP for explicit messages, UDP for ListIdentity and friends. */
    public static final int PORT = 44818;
    public static final int HEADER_LENGTH = 24;
    static final int NOP = 0x00, LIST_SERVICES = 0x04, LIST_IDENTITY = 0x63, LIST_INTERFACES = 0x64,
            REGISTER_SESSION = 0x65, UNREGISTER_SESSION = 0x66, SEND_RR_DATA = 0x6f, SEND_UNIT_DATA = 0x70,
            INDICATE_STATUS = 0x72, CANCEL = 0x73;
    /** CPF item types (§2-6): CIP Identity, connected and unconnected data. */
    static final int ITEM_IDENTITY = 0x0c, ITEM_CONNECTED_DATA = 0xb1, ITEM_UNCONNECTED_DATA = 0xb2;
    /** CPF items read per message: a request holds an address and a data item, a reply one item per device. */
    public static final int MAX_ITEMS = 8;
    /** Encapsulation messages read per segment. */
    public static final int MAX_MESSAGES_PER_SEGMENT = 16;
    /** Nesting of Unconnected_Send and Multiple_Service_Packet requests opened. */
    public static final int MAX_DEPTH = 2;
    /** Requests read inside one Multiple_Service_Packet. */
    public static final int MAX_PACKED_REQUESTS = 16;
    /** EPATH segments examined before the class is found (ports and routing come first in a route path). */
    public static final int MAX_PATH_SEGMENTS = 8;
    /** Octets of a product name kept: the SHORT_STRING holds at most 255, Identity attribute 7 at most 32. */
    public static final int MAX_PRODUCT_NAME_LENGTH = 64;
    /** Distinct services and distinct classes reported per client. */
    public static final int MAX_VALUES_PER_HOST = 64;
    /**
     * Every packet of a connection is examined: a program upload or a new service can come at any time in a session
     * that lasts for hours, and a request already seen costs one table lookup.
     */
    public static final int PAYLOAD_PACKETS = Integer.MAX_VALUE;
    /** The operation reported for each CIP request: detail "service=Get_Attribute_List class=0x02". */
    public static final String CIP_OPERATION = "cip";
    /** Response bit of the service code (CIP Vol. 1 §2-4.2). */
    static final int REPLY = 0x80;
    static final int CONNECTION_MANAGER = 0x06, UNCONNECTED_SEND = 0x52, MULTIPLE_SERVICE_PACKET = 0x0a;
    /** Class under which requests addressed by tag name are named: the Logix Symbol object (1756-PM020). */
    static final int SYMBOL_OBJECT = 0x6b;
    /** {@link #pathClass} result for a path of ANSI extended symbolic segments (Vol. 1 §C-1.4.5). */
    static final int SYMBOLIC = -2;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ReportedOperations operations = new ReportedOperations("cip");
    private final ValueBuffer detail = new ValueBuffer();
    private final CipNames vendors = CipNames.vendors();
    private final CipNames deviceTypes = CipNames.deviceTypes();
    private final CipNames services = CipNames.services();
    private long malformed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).andUdpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp() && !packet.isUdp()) return;
        int src = packet.srcPort(), dst = packet.dstPort();
        boolean fromServer = src == PORT && dst != PORT || src == dst && flow.exists() && !flow.fromClient();
        boolean fromClient = dst == PORT && src != PORT || src == dst && flow.exists() && flow.fromClient();
        int at = 0;
        for (int n = 0; n < MAX_MESSAGES_PER_SEGMENT && payload.has(at, HEADER_LENGTH); n++) {
            int command = payload.u16le(at);
            int length = payload.u16le(at + 2);
            if (!knownCommand(command) || u32le(payload, at + 20) != 0) {
                malformed++;
                operations.between(packet, !fromServer).every(sink, ReportedOperations.MALFORMED, null);
                return;
            }
            if (n == 0) role(packet, fromServer, fromClient, sink);
            int body = at + HEADER_LENGTH;
            int end = Math.min(body + length, payload.length());
            boolean success = u32le(payload, at + 8) == 0;
            switch (command) {
                case LIST_IDENTITY -> { if (length > 0 && success) identityReply(packet, payload, body, end, sink); }
                case SEND_RR_DATA, SEND_UNIT_DATA -> { if (success) cipItems(packet, payload, body, end, sink); }
                default -> { }
            }
            if (body + length > payload.length()) return; // continues in a later segment
            at = body + length;
        }
    }

    /** §2-3.2 Table 2-3.2: the commands a conforming device may send or receive. */
    private static boolean knownCommand(int c) {
        return switch (c) {
            case NOP, LIST_SERVICES, LIST_IDENTITY, LIST_INTERFACES, REGISTER_SESSION, UNREGISTER_SESSION,
                 SEND_RR_DATA, SEND_UNIT_DATA, INDICATE_STATUS, CANCEL -> true;
            default -> false;
        };
    }

    private void role(Packet packet, boolean fromServer, boolean fromClient, ObservationSink sink) {
        if (!fromServer && !fromClient) return;
        long ts = packet.timestampNanos();
        value.clear().append(fromServer ? EnipAttributes.ROLE_SERVER : EnipAttributes.ROLE_CLIENT);
        reported.attribute(sink, packet.srcMac(), packet.srcIpHi(), packet.srcIpLo(), EnipAttributes.ROLE, value,
                EnipAttributes.SEEN, ts);
        if (fromServer) {
            reported.service(sink, packet.srcMac(), packet.srcIpHi(), packet.srcIpLo(), PORT,
                    packet.isTcp() ? Observation.Transport.TCP : Observation.Transport.UDP, NAME, ts);
        }
    }

    /** §2-4.2.3: item count, then CPF items; the CIP Identity item (Table 2-4.4) is read where it is whole enough. */
    private void identityReply(Packet packet, Payload payload, int at, int end, ObservationSink sink) {
        int count = payload.u16le(at);
        int p = at + 2;
        for (int i = 0; i < Math.min(count, MAX_ITEMS) && p + 4 <= end; i++) {
            int type = payload.u16le(p), length = payload.u16le(p + 2);
            if (type == ITEM_IDENTITY) identity(packet, payload, p + 4, Math.min(p + 4 + length, end), sink);
            p += 4 + length;
        }
    }

    /**
     * Table 2-4.4: protocol version u16, socket address (16 octets, big-endian sockaddr_in), vendor id u16, device
     * type u16, product code u16, revision (major u8, minor u8), status u16, serial number u32, product name
     * (SHORT_STRING: length u8, octets), state u8.
     */
    private void identity(Packet packet, Payload payload, int d, int end, ObservationSink sink) {
        if (d + 32 > end) {
            malformed++;
            return;
        }
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        int vendor = payload.u16le(d + 18), deviceType = payload.u16le(d + 20);
        report(sink, mac, hi, lo, EnipAttributes.VENDOR_ID, value.clear().appendDecimal(vendor), ts);
        String vendorName = vendors.name(vendor);
        if (vendorName != null) report(sink, mac, hi, lo, EnipAttributes.VENDOR, value.clear().append(vendorName), ts);
        report(sink, mac, hi, lo, EnipAttributes.DEVICE_TYPE, value.clear().appendDecimal(deviceType), ts);
        String typeName = deviceTypes.name(deviceType);
        if (typeName != null) {
            report(sink, mac, hi, lo, EnipAttributes.DEVICE_TYPE_NAME, value.clear().append(typeName), ts);
        }
        report(sink, mac, hi, lo, EnipAttributes.PRODUCT_CODE, value.clear().appendDecimal(payload.u16le(d + 22)), ts);
        value.clear().appendDecimal(payload.u8(d + 24)).append('.').appendDecimal(payload.u8(d + 25));
        report(sink, mac, hi, lo, EnipAttributes.REVISION, value, ts);
        value.clear().append("0x");
        for (int i = 3; i >= 0; i--) value.appendHex2(payload.u8(d + 28 + i));
        report(sink, mac, hi, lo, EnipAttributes.SERIAL_NUMBER, value, ts);
        int nameLength = payload.u8(d + 32);
        if (nameLength < 0 || d + 33 + nameLength > end) return;
        value.clear();
        for (int i = 0; i < nameLength && value.length() < MAX_PRODUCT_NAME_LENGTH; i++) {
            value.appendText(payload.u8(d + 33 + i));
        }
        report(sink, mac, hi, lo, EnipAttributes.PRODUCT_NAME, value.trimTrailing(' '), ts);
        int state = payload.u8(d + 33 + nameLength);
        if (state >= 0 && d + 34 + nameLength <= end) {
            report(sink, mac, hi, lo, EnipAttributes.STATE, value.clear().append("0x").appendHex2(state), ts);
        }
    }

    private void report(ObservationSink sink, long mac, long hi, long lo, String attribute, ValueBuffer v, long ts) {
        reported.attribute(sink, mac, hi, lo, attribute, v, EnipAttributes.STATED, ts);
    }

    /** §2-4.7.1: interface handle u32, timeout u16, then the CPF (§2-6.1): item count and items. */
    private void cipItems(Packet packet, Payload payload, int at, int end, ObservationSink sink) {
        int count = payload.u16le(at + 6);
        int p = at + 8;
        for (int i = 0; i < Math.min(count, MAX_ITEMS) && p + 4 <= end; i++) {
            int type = payload.u16le(p), length = payload.u16le(p + 2);
            int data = p + 4, dataEnd = Math.min(data + length, end);
            if (type == ITEM_UNCONNECTED_DATA) cipRequest(packet, payload, data, dataEnd, 0, sink);
            else if (type == ITEM_CONNECTED_DATA) cipRequest(packet, payload, data + 2, dataEnd, 0, sink);
            p = data + length;
        }
    }

    /** CIP Vol. 1 §2-4.1 Message Router request: service u8, path size u8 (words), EPATH, request data. */
    private void cipRequest(Packet packet, Payload payload, int at, int end, int depth, ObservationSink sink) {
        int service = payload.u8(at);
        int words = payload.u8(at + 1);
        if (service < 0 || words < 0 || at + 2 > end || (service & REPLY) != 0) return;
        int pathEnd = at + 2 + 2 * words;
        int classId = pathClass(payload, at + 2, Math.min(pathEnd, end));
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        String name = services.service(classId == SYMBOLIC ? SYMBOL_OBJECT : classId, service);
        if (name != null) value.clear().append(name);
        else value.clear().append("0x").appendHex2(service);
        reported.attribute(sink, mac, hi, lo, EnipAttributes.CIP_SERVICE, value, MAX_VALUES_PER_HOST,
                EnipAttributes.SEEN, ts);
        detail.clear().append("service=").append(value.text());
        if (classId == SYMBOLIC) detail.append(" class=symbolic");
        if (classId >= 0) {
            value.clear().append("0x");
            if (classId > 0xff) value.appendHex2(classId >>> 8);
            value.appendHex2(classId & 0xff);
            reported.attribute(sink, mac, hi, lo, EnipAttributes.CIP_CLASS, value, MAX_VALUES_PER_HOST,
                    EnipAttributes.SEEN, ts);
            detail.append(" class=").append(value.text());
        }
        operations.between(packet, true).once(sink, CIP_OPERATION, detail);
        if (depth >= MAX_DEPTH || pathEnd > end) return;
        if (service == UNCONNECTED_SEND && classId == CONNECTION_MANAGER) {
            // Vol. 1 §3-5.5.2: priority/time tick u8, time-out ticks u8, message size u16, message, route path
            int size = payload.u16le(pathEnd + 2);
            if (size > 0) cipRequest(packet, payload, pathEnd + 4, Math.min(pathEnd + 4 + size, end), depth + 1, sink);
        } else if (service == MULTIPLE_SERVICE_PACKET) {
            // Vol. 1 §: number of services u16, offsets u16 from the number, then the requests
            int count = payload.u16le(pathEnd);
            for (int i = 0; i < Math.min(count, MAX_PACKED_REQUESTS); i++) {
                int offset = payload.u16le(pathEnd + 2 + 2 * i);
                int next = i + 1 < count ? payload.u16le(pathEnd + 4 + 2 * i) : end - pathEnd;
                if (offset < 0 || next < offset) break;
                cipRequest(packet, payload, pathEnd + offset, Math.min(pathEnd + next, end), depth + 1, sink);
            }
        }
    }

    /**
     * The class a request path addresses (CIP Vol. 1 Appendix C): a logical class segment (0x20 8-bit, 0x21
     * 16-bit after a pad octet), after any port, instance or attribute segments; {@link #SYMBOLIC} for an ANSI
     * extended symbolic segment (0x91, a tag name); -1 otherwise.
     */
    static int pathClass(Payload payload, int at, int end) {
        int q = at;
        for (int n = 0; n < MAX_PATH_SEGMENTS && q < end; n++) {
            int segment = payload.u8(q);
            switch (segment) {
                case 0x20 -> { return q + 2 <= end ? payload.u8(q + 1) : -1; }
                case 0x21 -> { return q + 4 <= end ? payload.u16le(q + 2) : -1; }
                case 0x91 -> { return SYMBOLIC; }
                case 0x24, 0x2c, 0x30, 0x34 -> q += 2;
                case 0x25, 0x2d, 0x31, 0x35 -> q += 4;
                default -> {
                    if (segment >= 0 && segment >>> 5 == 0) { // port segment (§C-1.3): link address follows
                        boolean extendedLink = (segment & 0x10) != 0;
                        int linkLength = extendedLink ? payload.u8(q + 1) : 1;
                        if (linkLength < 0) return -1;
                        int size = extendedLink ? 2 + linkLength : 2;
                        if ((segment & 0x0f) == 0x0f) size += 2; // extended port identifier
                        q += size + (size & 1);
                    } else {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    private static long u32le(Payload payload, int at) {
        int lo = payload.u16le(at), hi = payload.u16le(at + 2);
        return lo < 0 || hi < 0 ? -1 : (long) hi << 16 | lo;
    }

    /** Messages that did not read as EtherNet/IP encapsulation or a CIP Identity item. */
    public long malformed() { return malformed; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
