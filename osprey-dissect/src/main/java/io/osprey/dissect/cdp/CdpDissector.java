package io.osprey.dissect.cdp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.lldp.AddressText;
import io.osprey.packet.decode.EtherTypes;
import io.osprey.packet.decode.Packet;

/**
 * Cisco Discovery Protocol, versions 1 and 2, carried in IEEE 802.3 frames with LLC/SNAP, OUI 00-00-0C and
 * protocol id 0x2000. Every fact is about the sending device, the frame's source MAC; see {@link CdpAttributes}.
 *
 * <p>The decoder gives such frames the pseudo EtherType {@link EtherTypes#SNAP} (0x20000), which is above the
 * 16-bit range an {@link Interest} accepts, so this dissector asks for every packet and first checks, with two
 * int comparisons, that the frame is Cisco SNAP protocol 0x2000.
 *
 * <p>Layout (Cisco CDP specification, as also documented by Wireshark's packet-cdp.c): version (1 octet),
 * TTL (1), checksum (2), then TLVs of a 2-octet type, a 2-octet length that counts the 4-octet header, and the
 * value.
 */
public final class CdpDissector implements Dissector {
    public static final int HEADER = 4;
    public static final int TLV_HEADER = 4;
    /** TLVs read per message: a message fits one frame; real ones carry about fifteen. */
    public static final int MAX_TLVS = 128;
    /** Addresses read from one address TLV. */
    public static final int MAX_ADDRESSES = 16;

    static final int DEVICE_ID = 0x0001, ADDRESSES = 0x0002, PORT_ID = 0x0003, CAPABILITIES = 0x0004,
            SOFTWARE_VERSION = 0x0005, PLATFORM = 0x0006, VTP_DOMAIN = 0x0009, NATIVE_VLAN = 0x000a, DUPLEX = 0x000b,
            VOIP_VLAN_REPLY = 0x000e, POWER = 0x0010, SYSTEM_NAME = 0x0014, MANAGEMENT_ADDRESSES = 0x0016;

    /** Capability bits, least significant first. */
    public static final String[] CAPABILITY_NAMES = {"router", "bridge", "source-route-bridge", "switch", "host",
            "igmp", "repeater", "phone", "remote", "cvta", "two-port-mac-relay"};

    /** Address protocol types: NLPID (then 0xCC = IP) or IEEE 802.2 (then an LLC/SNAP header naming IPv6). */
    static final int PROTOCOL_NLPID = 1, PROTOCOL_802_2 = 2, NLPID_IP = 0xcc;
    static final long SNAP_IPV6 = 0xaaaa0300000086ddL;

    private final Payload message = new Payload();
    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts("cdp", true);
    private long malformed;

    private long mac;
    private long timestamp;
    private ObservationSink sink;

    @Override
    public String name() {
        return "cdp";
    }

    @Override
    public Interest interest() {
        return Interest.forAllPackets();
    }

    /** Messages that ended inside a TLV or had a TLV length below its header (counted, not thrown). */
    public long malformed() {
        return malformed;
    }

    /** True for an LLC/SNAP frame with Cisco's OUI and the CDP protocol id. */
    public static boolean isCdp(Packet packet) {
        return packet.isSnap(EtherTypes.OUI_CISCO, EtherTypes.SNAP_CISCO_CDP) && packet.l3Offset() >= 0;
    }

    @Override
    public void dissect(Packet packet, Payload ignored, FlowView flow, ObservationSink sink) {
        if (!isCdp(packet)) return;
        int length = packet.length() - packet.l3Offset();
        if (packet.l3Length() >= 0) length = Math.min(length, packet.l3Length());
        Payload p = message.wrap(packet.data(), packet.l3Offset(), length);
        int version = p.u8(0);
        if (version != 1 && version != 2) return;
        this.mac = packet.srcMac();
        this.timestamp = packet.timestampNanos();
        this.sink = sink;
        int at = HEADER;
        for (int n = 0; n < MAX_TLVS && p.has(at, TLV_HEADER); n++) {
            int type = p.u16(at);
            int tlvLength = p.u16(at + 2);
            if (tlvLength < TLV_HEADER || !p.has(at, tlvLength)) {
                malformed++;
                return;
            }
            tlv(p, type, at + TLV_HEADER, tlvLength - TLV_HEADER);
            at += tlvLength;
        }
    }

    private void tlv(Payload p, int type, int at, int length) {
        switch (type) {
            case DEVICE_ID -> text(p, at, length, CdpAttributes.DEVICE_ID);
            case ADDRESSES -> addresses(p, at, length, CdpAttributes.ADDRESS);
            case MANAGEMENT_ADDRESSES -> addresses(p, at, length, CdpAttributes.MANAGEMENT_ADDRESS);
            case PORT_ID -> text(p, at, length, CdpAttributes.PORT_ID);
            case CAPABILITIES -> {
                if (length < 4) return;
                value.clear();
                AddressText.flags(value, p.u32(at), CAPABILITY_NAMES);
                report(CdpAttributes.CAPABILITIES);
            }
            case SOFTWARE_VERSION -> text(p, at, length, CdpAttributes.SOFTWARE_VERSION);
            case PLATFORM -> text(p, at, length, CdpAttributes.PLATFORM);
            case VTP_DOMAIN -> text(p, at, length, CdpAttributes.VTP_DOMAIN);
            case SYSTEM_NAME -> text(p, at, length, CdpAttributes.SYSTEM_NAME);
            case NATIVE_VLAN -> {
                if (length >= 2) decimal(p.u16(at), CdpAttributes.NATIVE_VLAN);
            }
            case DUPLEX -> {
                if (length < 1) return;
                value.clear().append(p.u8(at) == 0 ? "half" : "full");
                report(CdpAttributes.DUPLEX);
            }
            case VOIP_VLAN_REPLY -> {
                // one octet of appliance type, then the VLAN
                if (length >= 3) decimal(p.u16(at + 1), CdpAttributes.VOICE_VLAN);
            }
            case POWER -> {
                if (length >= 2) decimal(p.u16(at), CdpAttributes.POWER_MILLIWATTS);
            }
            default -> { } // cluster hello, trust, CoS, power negotiation: nothing about the device's identity
        }
    }

    /**
     * An address list: a 4-octet count, then per address a protocol type, protocol length, protocol, 2-octet
     * address length and address. Only IPv4 and IPv6 are reported, and not 0.0.0.0 (no address configured).
     */
    private void addresses(Payload p, int at, int length, String attribute) {
        if (length < 4) return;
        long count = p.u32(at);
        int end = at + length;
        int a = at + 4;
        for (int n = 0; n < MAX_ADDRESSES && n < count && a + 2 <= end; n++) {
            int protocolType = p.u8(a);
            int protocolLength = p.u8(a + 1);
            int protocol = a + 2;
            int addressLength = p.u16(protocol + protocolLength);
            int address = protocol + protocolLength + 2;
            if (addressLength < 0 || address + addressLength > end) return;
            a = address + addressLength;
            boolean ipv4 = protocolType == PROTOCOL_NLPID && protocolLength == 1 && p.u8(protocol) == NLPID_IP
                    && addressLength == 4;
            boolean ipv6 = protocolType == PROTOCOL_802_2 && protocolLength == 8
                    && (p.u32(protocol) << 32 | p.u32(protocol + 4)) == SNAP_IPV6 && addressLength == 16;
            if (!ipv4 && !ipv6 || isZero(p, address, addressLength)) continue;
            value.clear();
            AddressText.append(value, p, address, addressLength,
                    ipv4 ? AddressText.FAMILY_IPV4 : AddressText.FAMILY_IPV6);
            report(attribute);
        }
    }

    private static boolean isZero(Payload p, int at, int n) {
        for (int i = 0; i < n; i++) if (p.u8(at + i) != 0) return false;
        return true;
    }

    private void text(Payload p, int at, int length, String attribute) {
        value.clear();
        AddressText.text(value, p, at, length);
        report(attribute);
    }

    private void decimal(int n, String attribute) {
        value.clear().appendDecimal(n);
        report(attribute);
    }

    private void report(String attribute) {
        reported.attribute(sink, mac, 0, 0, attribute, value, CdpAttributes.STATED, timestamp);
    }
}
