package io.osprey.dissect.ubnt;

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
 * Ubiquiti discovery protocol on UDP 10001 (vendor protocol, community-documented; no published specification).
 * A controller asks with the 4-octet version 1 request {@code 01 00 00 00}; devices answer from port 10001, and
 * UniFi devices also announce themselves unasked with version 2 packets (command 0x06) to 255.255.255.255:10001.
 * <pre>
 * version (1) | command (1) | length (2, big-endian, of the TLVs) | TLVs: type (1) | length (2) | value
 * </pre>
 * TLVs read (as tshark's "ubdp" dissector and the capture show): 0x02 MAC and IPv4 address of an interface,
 * reported as a binding, and the text TLVs of {@link UbntAttributes}, reported about the sender; others (uptime
 * 0x0a, sequence 0x12, flags 0x17/0x18, ...) are skipped. A reply from port 10001 proves the service.
 */
public final class UbntDissector implements Dissector {
    public static final String NAME = "ubnt";
    public static final int PORT = 10001;
    static final int HEADER_LENGTH = 4;
    static final int TLV_HEADER_LENGTH = 3;
    static final int VERSION_1 = 1;
    static final int VERSION_2 = 2;
    static final int TLV_IP_INFO = 0x02;
    static final int TLV_FIRMWARE = 0x03;
    static final int TLV_HOSTNAME = 0x0b;
    static final int TLV_PLATFORM = 0x0c;
    static final int TLV_ESSID = 0x0d;
    static final int TLV_MODEL_FULL = 0x14;
    static final int TLV_MODEL = 0x15;
    static final int TLV_FIRMWARE_VERSION = 0x16;
    /** TLV 0x02: a 6-octet MAC and a 4-octet IPv4 address. */
    static final int IP_INFO_LENGTH = 10;
    /** TLVs read per packet; a UniFi announcement has about 15. */
    public static final int MAX_TLVS = 64;
    /** Octets of a text value kept. */
    public static final int MAX_VALUE_LENGTH = 128;
    /** Interfaces (TLV 0x02) reported per packet. */
    public static final int MAX_BINDINGS = 16;

    private final ValueBuffer value = new ValueBuffer();
    /** Keyed by MAC: discovery stays on the link, the frame's source is the device. */
    private final ReportedFacts reported = new ReportedFacts(NAME, true);
    private long notUbnt;

    @Override
    public String name() {
        return NAME;
    }

    /** Every packet: announcements repeat every 10 s. */
    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).withPayloadPackets(Integer.MAX_VALUE);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp()) return;
        int version = payload.u8(0);
        int length = payload.u16(2);
        if (version != VERSION_1 && version != VERSION_2 || length < 0) {
            notUbnt++;
            return;
        }
        if (length == 0) return; // a request: says nothing about its sender
        int end = Math.min(HEADER_LENGTH + length, payload.length());
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (packet.srcPort() == PORT) {
            reported.service(sink, mac, hi, lo, PORT, Observation.Transport.UDP, NAME, ts);
        }
        int bindings = 0;
        int at = HEADER_LENGTH;
        for (int n = 0; n < MAX_TLVS && at + TLV_HEADER_LENGTH <= end; n++) {
            int type = payload.u8(at);
            int len = payload.u16(at + 1);
            int v = at + TLV_HEADER_LENGTH;
            if (v + len > end) return; // truncated: the rest is not trusted
            if (type == TLV_IP_INFO && len == IP_INFO_LENGTH && bindings++ < MAX_BINDINGS) {
                long tlvMac = (long) payload.u16(v) << 32 | payload.u32(v + 2);
                long ip = payload.u32(v + 6);
                if (ip != 0) reported.binding(sink, tlvMac, 0, 0xffff_0000_0000L | ip, ts);
            } else {
                String attribute = attribute(type);
                if (attribute != null && text(payload, v, len)) {
                    reported.attribute(sink, mac, hi, lo, attribute, value, UbntAttributes.STATED, ts);
                }
            }
            at = v + len;
        }
    }

    private static String attribute(int type) {
        return switch (type) {
            case TLV_FIRMWARE -> UbntAttributes.FIRMWARE;
            case TLV_HOSTNAME -> UbntAttributes.HOSTNAME;
            case TLV_PLATFORM -> UbntAttributes.PLATFORM;
            case TLV_ESSID -> UbntAttributes.ESSID;
            case TLV_MODEL_FULL -> UbntAttributes.MODEL_FULL;
            case TLV_MODEL -> UbntAttributes.MODEL;
            case TLV_FIRMWARE_VERSION -> UbntAttributes.FIRMWARE_VERSION;
            default -> null;
        };
    }

    /** The value as text, NUL padding and surrounding spaces dropped, control characters escaped; false if empty. */
    private boolean text(Payload payload, int at, int len) {
        int end = at + len;
        while (end > at && (payload.u8(end - 1) == 0 || payload.u8(end - 1) == ' ')) end--;
        while (at < end && payload.u8(at) == ' ') at++;
        value.clear();
        for (int i = at; i < end && value.length() < MAX_VALUE_LENGTH; i++) value.appendText(payload.u8(i));
        return !value.isEmpty();
    }

    /** Packets on the port that were not discovery version 1 or 2. */
    public long notUbnt() { return notUbnt; }
}
