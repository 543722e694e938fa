package io.osprey.dissect.lldp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.EtherTypes;
import io.osprey.packet.decode.Packet;

/**
 * Link Layer Discovery Protocol (IEEE 802.1AB-2016 clause 8) with the LLDP-MED extensions (ANSI/TIA-1057), on
 * EtherType 0x88CC. Every fact is about the sending device, the frame's source MAC. See {@link LldpAttributes} for
 * what is reported; organisationally specific TLVs other than those listed there are skipped.
 *
 * <p>LLDPDU layout (§8.4, §8.5): a sequence of TLVs, each a 16-bit header of a 7-bit type and a 9-bit length,
 * then that many octets, ending with type 0 (End of LLDPDU) or the end of the frame.
 */
public final class LldpDissector implements Dissector {
    /** TLV header: 7-bit type, 9-bit length (§8.5, Figure 8-5). */
    public static final int TLV_HEADER = 2;
    /** TLVs read per LLDPDU: an LLDPDU fits one frame, so at most 750 of them; real ones carry a few dozen. */
    public static final int MAX_TLVS = 256;

    // TLV types, Table 8-1
    static final int END = 0, CHASSIS_ID = 1, PORT_ID = 2, TTL = 3, PORT_DESCRIPTION = 4, SYSTEM_NAME = 5,
            SYSTEM_DESCRIPTION = 6, SYSTEM_CAPABILITIES = 7, MANAGEMENT_ADDRESS = 8, ORGANIZATIONALLY_SPECIFIC = 127;

    /** Longest chassis and port ID: 255 octets including the subtype (§8.5.2.2, §8.5.3.2). */
    public static final int MAX_ID_LENGTH = 255;
    /** Management address string: 1 to 31 octets including the family (§8.5.9.2, §8.5.9.3). */
    public static final int MAX_MANAGEMENT_ADDRESS_LENGTH = 31;

    /** Chassis ID subtypes 1..7, Table 8-2; index 0 is reserved. */
    static final String[] CHASSIS_SUBTYPES = {null, "chassis-component", "interface-alias", "port-component",
            "mac-address", "network-address", "interface-name", "local"};
    static final int CHASSIS_MAC = 4, CHASSIS_NETWORK_ADDRESS = 5;
    /** Port ID subtypes 1..7, Table 8-3. */
    static final String[] PORT_SUBTYPES = {null, "interface-alias", "port-component", "mac-address",
            "network-address", "interface-name", "agent-circuit-id", "local"};
    static final int PORT_MAC = 3, PORT_NETWORK_ADDRESS = 4;

    /** System capabilities bits 1..11 (bit 1 the least significant), Table 8-4. */
    public static final String[] CAPABILITY_NAMES = {"other", "repeater", "bridge", "wlan-ap", "router", "telephone",
            "docsis", "station", "c-vlan", "s-vlan", "two-port-mac-relay"};

    // Organizationally specific TLVs (§8.6): 3-octet OUI then a 1-octet subtype
    static final int OUI_IEEE_802_1 = 0x0080c2, OUI_IANA = 0x00005e, OUI_TIA = 0x0012bb;
    static final int IEEE_802_1_PORT_VLAN_ID = 1;
    static final int IANA_MUD_URL = 1;
    /** RFC 8520 §4.2: the MUD URL is 1 to 255 octets. */
    public static final int MAX_MUD_URL_LENGTH = 255;

    // LLDP-MED subtypes (TIA-1057 §10.2)
    static final int MED_CAPABILITIES = 1, MED_NETWORK_POLICY = 2, MED_HARDWARE_REVISION = 5, MED_ASSET_ID = 11;
    /** LLDP-MED capabilities bits (TIA-1057 §10.2.2.1, Table 10), bit 0 the least significant. */
    public static final String[] MED_CAPABILITY_NAMES = {"capabilities", "network-policy", "location-identification",
            "extended-power-pse", "extended-power-pd", "inventory"};
    /** LLDP-MED device type 1..4 (TIA-1057 §10.2.2.2, Table 11); 0 is "not defined". */
    static final String[] MED_DEVICE_CLASSES = {null, "endpoint-class-1", "endpoint-class-2", "endpoint-class-3",
            "network-connectivity"};
    /** Network policy application types 1..8 (TIA-1057 §10.2.3.2, Table 12). */
    static final String[] MED_APPLICATIONS = {null, "voice", "voice-signaling", "guest-voice", "guest-voice-signaling",
            "softphone-voice", "video-conferencing", "streaming-video", "video-signaling"};
    /** Inventory TLV attributes by subtype 5..11 (TIA-1057 §10.2.6). */
    static final String[] MED_INVENTORY = {LldpAttributes.MED_HARDWARE_REVISION, LldpAttributes.MED_FIRMWARE_REVISION,
            LldpAttributes.MED_SOFTWARE_REVISION, LldpAttributes.MED_SERIAL_NUMBER, LldpAttributes.MED_MANUFACTURER,
            LldpAttributes.MED_MODEL, LldpAttributes.MED_ASSET_ID};
    /** Inventory strings are at most 32 octets (TIA-1057 §10.2.6). */
    public static final int MAX_INVENTORY_LENGTH = 32;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts("lldp", true);
    private long malformed;

    // the packet being examined, so the helpers need no long parameter lists
    private long mac;
    private long timestamp;
    private ObservationSink sink;

    @Override
    public String name() {
        return "lldp";
    }

    @Override
    public Interest interest() {
        return Interest.forEtherTypes(EtherTypes.LLDP);
    }

    /** LLDPDUs that ended inside a TLV (counted, not thrown). */
    public long malformed() {
        return malformed;
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (packet.etherType() != EtherTypes.LLDP) return;
        this.mac = packet.srcMac();
        this.timestamp = packet.timestampNanos();
        this.sink = sink;
        int at = 0;
        for (int n = 0; n < MAX_TLVS && payload.has(at, TLV_HEADER); n++) {
            int header = payload.u16(at);
            int type = header >>> 9;
            int length = header & 0x1ff;
            int body = at + TLV_HEADER;
            if (type == END) return;
            if (!payload.has(body, length)) {
                malformed++;
                return;
            }
            tlv(payload, type, body, length);
            at = body + length;
        }
    }

    private void tlv(Payload p, int type, int at, int length) {
        switch (type) {
            case CHASSIS_ID -> id(p, at, length, CHASSIS_SUBTYPES, CHASSIS_MAC, CHASSIS_NETWORK_ADDRESS,
                    LldpAttributes.CHASSIS_ID, LldpAttributes.CHASSIS_ID_SUBTYPE);
            case PORT_ID -> id(p, at, length, PORT_SUBTYPES, PORT_MAC, PORT_NETWORK_ADDRESS,
                    LldpAttributes.PORT_ID, LldpAttributes.PORT_ID_SUBTYPE);
            case PORT_DESCRIPTION -> text(p, at, length, LldpAttributes.PORT_DESCRIPTION);
            case SYSTEM_NAME -> text(p, at, length, LldpAttributes.SYSTEM_NAME);
            case SYSTEM_DESCRIPTION -> text(p, at, length, LldpAttributes.SYSTEM_DESCRIPTION);
            case SYSTEM_CAPABILITIES -> {
                // §8.5.8: two octets of supported, then two of enabled capabilities
                if (length < 4) return;
                flags(p.u16(at), CAPABILITY_NAMES, LldpAttributes.CAPABILITIES);
                flags(p.u16(at + 2), CAPABILITY_NAMES, LldpAttributes.CAPABILITIES_ENABLED);
            }
            case MANAGEMENT_ADDRESS -> managementAddress(p, at, length);
            case ORGANIZATIONALLY_SPECIFIC -> organizational(p, at, length);
            default -> { } // TTL and reserved types say nothing about the device
        }
    }

    /** Chassis or port ID (§8.5.2, §8.5.3): a subtype octet, then the ID read as that subtype says. */
    private void id(Payload p, int at, int length, String[] subtypes, int macSubtype, int addressSubtype,
                    String attribute, String subtypeAttribute) {
        if (length < 2 || length > MAX_ID_LENGTH) return;
        int subtype = p.u8(at);
        int idAt = at + 1, idLength = length - 1;
        value.clear();
        if (subtype == macSubtype && idLength == 6) {
            AddressText.mac(value, p, idAt);
        } else if (subtype == addressSubtype && idLength >= 2) {
            // a network address is prefixed by its IANA address family (§8.5.2.3)
            AddressText.append(value, p, idAt + 1, idLength - 1, p.u8(idAt));
        } else {
            AddressText.text(value, p, idAt, idLength);
        }
        report(attribute);
        if (subtype > 0 && subtype < subtypes.length) {
            value.clear().append(subtypes[subtype]);
            report(subtypeAttribute);
        }
    }

    /**
     * Management address (§8.5.9): string length (family octet plus address), family, address, then interface
     * numbering and an OID, which say nothing about the device.
     */
    private void managementAddress(Payload p, int at, int length) {
        int stringLength = p.u8(at);
        if (stringLength < 2 || stringLength > MAX_MANAGEMENT_ADDRESS_LENGTH || stringLength + 1 > length) return;
        value.clear();
        AddressText.append(value, p, at + 2, stringLength - 1, p.u8(at + 1));
        report(LldpAttributes.MANAGEMENT_ADDRESS);
    }

    private void organizational(Payload p, int at, int length) {
        if (length < 4) return;
        int oui = p.u8(at) << 16 | p.u16(at + 1);
        int subtype = p.u8(at + 3);
        int body = at + 4, bodyLength = length - 4;
        if (oui == OUI_TIA) {
            med(p, subtype, body, bodyLength);
        } else if (oui == OUI_IANA && subtype == IANA_MUD_URL) {
            if (bodyLength <= MAX_MUD_URL_LENGTH) text(p, body, bodyLength, LldpAttributes.MUD_URL);
        } else if (oui == OUI_IEEE_802_1 && subtype == IEEE_802_1_PORT_VLAN_ID && bodyLength >= 2) {
            int vid = p.u16(body);
            if (vid == 0) return; // 0: the port does not support port-based VLANs
            value.clear().appendDecimal(vid);
            report(LldpAttributes.PORT_VLAN_ID);
        }
        // other IEEE 802.1 / 802.3 TLVs (VLAN names, MAC/PHY, power, link aggregation, frame size) are skipped
    }

    private void med(Payload p, int subtype, int at, int length) {
        if (subtype == MED_CAPABILITIES) {
            // §10.2.2: two octets of capabilities, one of device type
            if (length < 3) return;
            flags(p.u16(at), MED_CAPABILITY_NAMES, LldpAttributes.MED_CAPABILITIES);
            int deviceClass = p.u8(at + 2);
            if (deviceClass > 0 && deviceClass < MED_DEVICE_CLASSES.length) {
                value.clear().append(MED_DEVICE_CLASSES[deviceClass]);
                report(LldpAttributes.MED_DEVICE_CLASS);
            }
        } else if (subtype == MED_NETWORK_POLICY) {
            // §10.2.3: application type (8 bits), then U, T, X flags and a 12-bit VLAN ID, L2 priority, DSCP
            if (length < 4) return;
            int application = p.u8(at);
            if (application == 0 || application >= MED_APPLICATIONS.length) return;
            int bits = p.u8(at + 1) << 16 | p.u16(at + 2);
            boolean unknown = (bits & 0x800000) != 0, tagged = (bits & 0x400000) != 0;
            int vid = bits >>> 9 & 0xfff;
            value.clear().append(MED_APPLICATIONS[application]);
            if (unknown) value.append(" unknown");
            else if (tagged) value.append(" vlan=").appendDecimal(vid);
            else value.append(" untagged");
            report(LldpAttributes.MED_NETWORK_POLICY);
        } else if (subtype >= MED_HARDWARE_REVISION && subtype <= MED_ASSET_ID) {
            if (length <= MAX_INVENTORY_LENGTH) text(p, at, length, MED_INVENTORY[subtype - MED_HARDWARE_REVISION]);
        }
    }

    private void text(Payload p, int at, int length, String attribute) {
        value.clear();
        AddressText.text(value, p, at, length);
        report(attribute);
    }

    private void flags(int bits, String[] names, String attribute) {
        value.clear();
        AddressText.flags(value, bits, names);
        report(attribute);
    }

    private void report(String attribute) {
        reported.attribute(sink, mac, 0, 0, attribute, value, LldpAttributes.STATED, timestamp);
    }
}
