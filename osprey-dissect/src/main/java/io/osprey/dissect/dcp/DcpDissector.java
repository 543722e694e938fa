package io.osprey.dissect.dcp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.EtherTypes;
import io.osprey.packet.decode.Packet;

/**
 * PROFINET Discovery and Configuration Protocol (IEC 61158-6-10, DCP), on EtherType 0x8892 with the FrameIDs
 * 0xFEFC (Hello), 0xFEFD (Get, Set and unicast Identify), 0xFEFE (multicast Identify request) and 0xFEFF (Identify
 * response). See {@link DcpAttributes} for what is reported about whom. Cyclic real-time frames share the EtherType
 * and are dropped on their FrameID before anything else is read.
 *
 * <p>DCP PDU after the FrameID: ServiceID (1), ServiceType (1), Xid (4), ResponseDelay or reserved (2),
 * DCPDataLength (2), then blocks: Option (1), Suboption (1), DCPBlockLength (2) and that many octets, padded to an
 * even length. Blocks of responses and Hello start with a 2-octet BlockInfo, blocks of Set requests with a 2-octet
 * BlockQualifier (both inside DCPBlockLength); filter blocks of Identify requests carry the bare value.
 */
public final class DcpDissector implements Dissector {
    public static final int FRAME_ID_HELLO = 0xfefc, FRAME_ID_GET_SET = 0xfefd, FRAME_ID_IDENTIFY_REQUEST = 0xfefe,
            FRAME_ID_IDENTIFY_RESPONSE = 0xfeff;
    /** FrameID (2) then the DCP header: ServiceID, ServiceType, Xid, ResponseDelay, DCPDataLength. */
    public static final int HEADER = 2 + 10;
    /** Option, Suboption, DCPBlockLength. */
    public static final int BLOCK_HEADER = 4;
    /** BlockInfo (responses, Hello) or BlockQualifier (Set requests) at the start of a block's value. */
    public static final int BLOCK_PREFIX = 2;
    /** Blocks read per PDU: a 1500-octet frame holds at most 372 empty ones; real PDUs carry about a dozen. */
    public static final int MAX_BLOCKS = 64;
    /** NameOfStation and AliasName are 1 to 240 octets (DNS-compatible name, IEC 61158-6-10). */
    public static final int MAX_NAME_LENGTH = 240;
    /** DeviceVendorValue ("type of station") is 1 to 255 octets. */
    public static final int MAX_VENDOR_TEXT_LENGTH = 255;
    /** DeviceOptions pairs reported; the defined options have about 30 suboptions in all. */
    public static final int MAX_DEVICE_OPTIONS = 64;

    static final int SERVICE_GET = 3, SERVICE_SET = 4, SERVICE_IDENTIFY = 5, SERVICE_HELLO = 6;
    /** ServiceType bits 0-1: 0 request, 1 response success (bit 2 flags "request not supported"). */
    static final int TYPE_REQUEST = 0, TYPE_RESPONSE = 1;

    static final int OPTION_IP = 1, OPTION_DEVICE = 2, OPTION_DHCP = 3, OPTION_CONTROL = 5;
    static final int IP_PARAMETER = 2, IP_FULL_SUITE = 3;
    static final int DEVICE_VENDOR = 1, DEVICE_NAME_OF_STATION = 2, DEVICE_ID = 3, DEVICE_ROLE = 4,
            DEVICE_OPTIONS = 5, DEVICE_ALIAS_NAME = 6;
    static final int CONTROL_SIGNAL = 3, CONTROL_FACTORY_RESET = 5, CONTROL_RESET_TO_FACTORY = 6;
    /** DeviceRole bits 0..3. */
    static final String[] ROLES = {"io-device", "io-controller", "io-multidevice", "io-supervisor"};

    /** The operation reported for each Set request, its detail saying what it sets ("ip", "factory-reset"). */
    public static final String SET_OPERATION = "set";
    private final ReportedOperations operations = new ReportedOperations("dcp");
    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts("dcp", true);
    private final DcpVendors vendors = DcpVendors.table();
    private long malformed;

    // the packet being examined, so the helpers need no long parameter lists
    private long timestamp;
    private ObservationSink sink;

    @Override
    public String name() {
        return "dcp";
    }

    @Override
    public Interest interest() {
        return Interest.forEtherTypes(EtherTypes.PROFINET);
    }

    /** DCP PDUs whose blocks overran the frame or DCPDataLength (counted, not thrown). */
    public long malformed() {
        return malformed;
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (packet.etherType() != EtherTypes.PROFINET) return;
        int frameId = payload.u16(0);
        if (frameId < FRAME_ID_HELLO || frameId > FRAME_ID_IDENTIFY_RESPONSE || !payload.has(0, HEADER)) return;
        this.timestamp = packet.timestampNanos();
        this.sink = sink;
        int service = payload.u8(2);
        int type = payload.u8(3) & 0x03;
        int end = Math.min(payload.length(), HEADER + payload.u16(10));
        long src = packet.srcMac(), dst = packet.dstMac();
        if (service == SERVICE_IDENTIFY && type == TYPE_RESPONSE || service == SERVICE_GET && type == TYPE_RESPONSE
                || service == SERVICE_HELLO && type == TYPE_REQUEST) {
            blocks(payload, end, src, Kind.DEVICE);
        } else if (service == SERVICE_SET && type == TYPE_REQUEST) {
            value.clear().append("true");
            report(src, DcpAttributes.SETTER, DcpAttributes.SEEN);
            operations.between(src, 0, 0, dst, 0, 0, timestamp);
            blocks(payload, end, dst, Kind.SET);
        } else if (service == SERVICE_IDENTIFY && type == TYPE_REQUEST) {
            value.clear().append("true");
            report(src, DcpAttributes.IDENTIFY_REQUEST, DcpAttributes.SEEN);
            blocks(payload, end, src, Kind.FILTER);
        }
    }

    /** How a PDU's blocks are laid out and whom they describe. */
    private enum Kind { DEVICE, SET, FILTER }

    private void blocks(Payload p, int end, long mac, Kind kind) {
        int at = HEADER;
        for (int n = 0; n < MAX_BLOCKS && at + BLOCK_HEADER <= end; n++) {
            int option = p.u8(at), suboption = p.u8(at + 1), length = p.u16(at + 2);
            int body = at + BLOCK_HEADER;
            if (body + length > end) {
                malformed++;
                return;
            }
            switch (kind) {
                case DEVICE -> {
                    if (length >= BLOCK_PREFIX) device(p, option, suboption, body + BLOCK_PREFIX, length - BLOCK_PREFIX, mac);
                }
                case SET -> set(option, suboption, mac);
                case FILTER -> {
                    if (option == OPTION_DEVICE && suboption == DEVICE_NAME_OF_STATION) {
                        name(p, body, length, MAX_NAME_LENGTH, mac, DcpAttributes.IDENTIFY_NAME, DcpAttributes.LOOKED_UP);
                    }
                }
            }
            at = body + length + (length & 1); // blocks are padded to an even length
        }
    }

    /** A block a device states about itself (Identify and Get responses, Hello). */
    private void device(Payload p, int option, int suboption, int at, int length, long mac) {
        if (option == OPTION_IP && (suboption == IP_PARAMETER || suboption == IP_FULL_SUITE)) {
            ipParameter(p, at, length, mac);
            return;
        }
        if (option != OPTION_DEVICE) return;
        switch (suboption) {
            case DEVICE_VENDOR -> name(p, at, length, MAX_VENDOR_TEXT_LENGTH, mac, DcpAttributes.VENDOR_TEXT,
                    DcpAttributes.STATED);
            case DEVICE_NAME_OF_STATION -> name(p, at, length, MAX_NAME_LENGTH, mac, DcpAttributes.STATION_NAME,
                    DcpAttributes.STATED);
            case DEVICE_ALIAS_NAME -> name(p, at, length, MAX_NAME_LENGTH, mac, DcpAttributes.ALIAS_NAME,
                    DcpAttributes.STATED);
            case DEVICE_ID -> {
                if (length < 4) return;
                int vendor = p.u16(at);
                value.clear().appendHex2(vendor >>> 8).appendHex2(vendor & 0xff);
                report(mac, DcpAttributes.VENDOR_ID, DcpAttributes.STATED);
                int device = p.u16(at + 2);
                value.clear().appendHex2(device >>> 8).appendHex2(device & 0xff);
                report(mac, DcpAttributes.DEVICE_ID, DcpAttributes.STATED);
                String name = vendors.name(vendor);
                if (name != null) {
                    value.clear().append(name);
                    report(mac, DcpAttributes.VENDOR, DcpAttributes.STATED);
                }
            }
            case DEVICE_ROLE -> {
                if (length < 1) return;
                int role = p.u8(at);
                value.clear();
                for (int bit = 0; bit < ROLES.length; bit++) {
                    if ((role & 1 << bit) == 0) continue;
                    if (!value.isEmpty()) value.append(',');
                    value.append(ROLES[bit]);
                }
                report(mac, DcpAttributes.ROLE, DcpAttributes.STATED);
            }
            case DEVICE_OPTIONS -> {
                value.clear();
                for (int i = 0; i + 1 < length && i < 2 * MAX_DEVICE_OPTIONS; i += 2) {
                    if (!value.isEmpty()) value.append(',');
                    value.appendDecimal(p.u8(at + i)).append('/').appendDecimal(p.u8(at + i + 1));
                }
                report(mac, DcpAttributes.DEVICE_OPTIONS, DcpAttributes.STATED);
            }
            default -> { } // DeviceInstance, OEM DeviceID, RSI properties say nothing a rule needs yet
        }
    }

    /** IP parameter (and the first 12 octets of the full IP suite): address, subnet mask, standard gateway. */
    private void ipParameter(Payload p, int at, int length, long mac) {
        if (length < 12) return;
        long ip = p.u32(at), mask = p.u32(at + 4), gateway = p.u32(at + 8);
        if (ip == 0) return; // no address set yet
        ipv4(ip);
        report(mac, DcpAttributes.IP, DcpAttributes.STATED);
        reported.binding(sink, mac, 0, 0xffffL << 32 | ip, timestamp);
        ipv4(mask);
        report(mac, DcpAttributes.NETMASK, DcpAttributes.STATED);
        if (gateway != 0 && gateway != ip) { // the gateway equals the address when none is configured
            ipv4(gateway);
            report(mac, DcpAttributes.GATEWAY, DcpAttributes.STATED);
        }
    }

    /** What a Set request changes on its target. */
    private void set(int option, int suboption, long target) {
        String what = null;
        if (option == OPTION_IP && (suboption == IP_PARAMETER || suboption == IP_FULL_SUITE)) what = "ip";
        else if (option == OPTION_DEVICE && suboption == DEVICE_NAME_OF_STATION) what = "station-name";
        else if (option == OPTION_DHCP) what = "dhcp";
        else if (option == OPTION_CONTROL && suboption == CONTROL_SIGNAL) what = "signal";
        else if (option == OPTION_CONTROL
                && (suboption == CONTROL_FACTORY_RESET || suboption == CONTROL_RESET_TO_FACTORY)) what = "factory-reset";
        if (what == null) return; // Start and Stop bracket a transaction; other options are vendor-specific
        value.clear().append(what);
        report(target, DcpAttributes.SET_REQUEST, DcpAttributes.SEEN);
        operations.every(sink, SET_OPERATION, what);
    }

    /** Text without leading and trailing blanks or NULs (some stacks pad names), at most {@code max} octets. */
    private void name(Payload p, int at, int length, int max, long mac, String attribute, double confidence) {
        int from = at, to = at + Math.min(length, max);
        while (from < to && blank(p.u8(from))) from++;
        while (to > from && blank(p.u8(to - 1))) to--;
        value.clear();
        for (int i = from; i < to; i++) value.appendText(p.u8(i));
        report(mac, attribute, confidence);
    }

    private static boolean blank(int octet) {
        return octet == 0 || octet == ' ';
    }

    private void ipv4(long address) {
        value.clear();
        for (int shift = 24; shift >= 0; shift -= 8) {
            if (shift < 24) value.append('.');
            value.appendDecimal((int) (address >>> shift & 0xff));
        }
    }

    private void report(long mac, String attribute, double confidence) {
        reported.attribute(sink, mac, 0, 0, attribute, value, confidence, timestamp);
    }
}
