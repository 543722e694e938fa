package io.osprey.dissect.sccp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;

/**
 * Cisco Skinny Client Control Protocol (SCCP) over TCP port 2000. A phone registers with its call manager by
 * sending StationRegisterMessage, which states its device name, user id, device type and protocol version: all
 * reported about the phone (the sender). Any well-formed message sent from port 2000 shows a call manager there,
 * reported as an SCCP {@link Observation.Service}; one sent to port 2000 shows a station (a phone) at its sender.
 *
 * <p>Every message has a 12-octet little-endian header; a segment may carry several messages back to back:
 * <pre>
 *  0..3   length: octets after the header-version field (message id and data)
 *  4..7   header version (0 basic; 0x10.. CM 7 and later)
 *  8..11  message id
 *  12..   data
 * </pre>
 * StationRegisterMessage (id 0x0001) data: DeviceName char[16] (NUL-padded), station user id u32, instance u32,
 * station IP address u32, device type u32, max streams u32, active streams u32, protocol version u8, ...
 */
public final class SccpDissector implements Dissector {
    public static final String NAME = "sccp";
    public static final int PORT = 2000;
    static final int LENGTH_OFFSET = 0;
    static final int HEADER_VERSION_OFFSET = 4;
    static final int MESSAGE_ID_OFFSET = 8;
    public static final int HEADER_LENGTH = 12;
    /** The length field counts the message id too. */
    static final int MIN_LENGTH = 4;
    /** No Skinny message comes near this; a larger length is not Skinny. */
    public static final int MAX_LENGTH = 1 << 16;
    /** Header versions seen in the wild are small (0, 0x10–0x17); anything above is not a Skinny header. */
    static final long MAX_HEADER_VERSION = 0xff;
    /** Messages read from one segment. */
    public static final int MAX_MESSAGES_PER_SEGMENT = 16;
    /**
     * Packets of a connection examined (handshake included): the phone registers first thing, but a capture
     * from several taps holds each packet more than once.
     */
    public static final int PAYLOAD_PACKETS = 32;

    public static final int REGISTER_MESSAGE = 0x0001;
    static final int DEVICE_NAME_OFFSET = HEADER_LENGTH;
    public static final int DEVICE_NAME_LENGTH = 16;
    static final int USER_ID_OFFSET = DEVICE_NAME_OFFSET + DEVICE_NAME_LENGTH;
    static final int INSTANCE_OFFSET = USER_ID_OFFSET + 4;
    static final int STATION_IP_OFFSET = INSTANCE_OFFSET + 4;
    static final int DEVICE_TYPE_OFFSET = STATION_IP_OFFSET + 4;
    static final int MAX_STREAMS_OFFSET = DEVICE_TYPE_OFFSET + 4;
    static final int ACTIVE_STREAMS_OFFSET = MAX_STREAMS_OFFSET + 4;
    static final int PROTOCOL_VERSION_OFFSET = ACTIVE_STREAMS_OFFSET + 4;
    /** The register message up to its device type, the least a sender must have sent to be read. */
    static final int MIN_REGISTER_LENGTH = DEVICE_TYPE_OFFSET + 4;

    private final SccpDeviceTypes deviceTypes;
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ValueBuffer value = new ValueBuffer();
    private long notSccp;

    public SccpDissector() {
        this(SccpDeviceTypes.standard());
    }

    public SccpDissector(SccpDeviceTypes deviceTypes) {
        this.deviceTypes = deviceTypes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }

    /** Segments on the port that did not start with a Skinny header. */
    public long notSccp() { return notSccp; }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp() || payload.length() == 0) return;
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        int at = 0;
        for (int n = 0; n < MAX_MESSAGES_PER_SEGMENT && payload.has(at, HEADER_LENGTH); n++) {
            long length = u32le(payload, at + LENGTH_OFFSET);
            long headerVersion = u32le(payload, at + HEADER_VERSION_OFFSET);
            if (length < MIN_LENGTH || length > MAX_LENGTH || headerVersion > MAX_HEADER_VERSION) {
                if (n == 0) notSccp++;
                return;
            }
            if (n == 0 && packet.srcPort() == PORT) {
                reported.service(sink, mac, hi, lo, PORT, Observation.Transport.TCP, NAME, ts);
            } else if (n == 0 && packet.dstPort() == PORT) {
                reported.attribute(sink, mac, hi, lo, SccpAttributes.ROLE, value.clear().append(SccpAttributes.ROLE_STATION),
                        SccpAttributes.STATED, ts);
            }
            if (u32le(payload, at + MESSAGE_ID_OFFSET) == REGISTER_MESSAGE) register(payload, at, mac, hi, lo, ts, sink);
            at += HEADER_VERSION_OFFSET + 4 + (int) length;
        }
    }

    private void register(Payload payload, int at, long mac, long hi, long lo, long ts, ObservationSink sink) {
        if (!payload.has(at, MIN_REGISTER_LENGTH)) return;
        value.clear();
        for (int i = 0; i < DEVICE_NAME_LENGTH; i++) {
            int c = payload.u8(at + DEVICE_NAME_OFFSET + i);
            if (c == 0) break;
            value.appendText(c);
        }
        reported.attribute(sink, mac, hi, lo, SccpAttributes.DEVICE_NAME, value, SccpAttributes.STATED, ts);
        long userId = u32le(payload, at + USER_ID_OFFSET);
        if (userId > 0) {
            reported.attribute(sink, mac, hi, lo, SccpAttributes.USER_ID, decimal(userId), SccpAttributes.STATED, ts);
        }
        long deviceType = u32le(payload, at + DEVICE_TYPE_OFFSET);
        if (reported.attribute(sink, mac, hi, lo, SccpAttributes.DEVICE_TYPE, decimal(deviceType),
                SccpAttributes.STATED, ts)) {
            String name = deviceTypes.name(deviceType);
            if (name != null) {
                reported.attribute(sink, mac, hi, lo, SccpAttributes.DEVICE_TYPE_NAME, value.clear().append(name),
                        SccpAttributes.STATED, ts);
            }
        }
        int protocolVersion = payload.u8(at + PROTOCOL_VERSION_OFFSET);
        if (protocolVersion >= 0) {
            reported.attribute(sink, mac, hi, lo, SccpAttributes.PROTOCOL_VERSION, decimal(protocolVersion),
                    SccpAttributes.STATED, ts);
        }
    }

    private ValueBuffer decimal(long n) {
        value.clear();
        appendDecimal(n);
        return value;
    }

    private void appendDecimal(long n) {
        if (n >= 10) appendDecimal(n / 10);
        value.append((int) ('0' + n % 10));
    }

    private static long u32le(Payload p, int at) {
        int low = p.u16le(at), high = p.u16le(at + 2);
        return low < 0 || high < 0 ? -1 : (long) high << 16 | low;
    }
}
