package io.osprey.dissect.c37118;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.Packet;

/**
 * IEEE C37.118.2-2011 (and C37.118-2005) synchrophasor frames on TCP or UDP 4712 and 4713. Every frame starts with
 * a common header (§6.2, Table 2) and ends with a CRC-CCITT:
 *
 * <pre>
 * SYNC (2: 0xAA, then bit 7 reserved, bits 6-4 frame type, bits 3-0 version) | FRAMESIZE (2) | IDCODE (2) |
 * SOC (4) | FRACSEC (4) | frame body | CHK (2)
 * </pre>
 *
 * Frame types: 0 data, 1 header, 2 configuration 1, 3 configuration 2, 4 command, 5 configuration 3. Data,
 * header and configuration frames come from a data source (PMU or PDC: the server), commands from its client.
 * Facts: roles, frame types, the stream IDCODE, the station names, PMU ID codes and PMU count of configuration
 * frames, header text, the client's commands ({@link C37118Attributes#FUNCTION}), and the data source's
 * {@link Observation.Service} (the port it sends from).
 *
 * <p>Data frames come 10 to 120 times a second: after the first one of a flow is checked and reported, later ones
 * of the same flow cost a comparison. Every other frame has its CRC checked before anything is read.
 *
 * <p>Operations (source "c37118", from the command's sender to its receiver): each command, named as
 * {@link C37118Attributes#FUNCTION} names it, with the stream's IDCODE as detail ("idcode=7"). Turning a data
 * stream off or on and asking for a configuration (which precedes a reconfiguration of the receiving PDC) are
 * reported at each occurrence, the other commands once per pair. A frame whose header does not hold, or whose CHK
 * is wrong ("bad-checksum"), is {@link ReportedOperations#MALFORMED}.
 */
public final class C37118Dissector implements Dissector {
    public static final String NAME = "c37118";
    /** C37.118.2-2011 §F: TCP 4712 for commands and data, UDP 4713 for data (both seen in either role). */
    public static final int PORT_TCP = 4712, PORT_UDP = 4713;
    /** Commands (data off, send configuration) come at any time in a stream. */
    public static final int PAYLOAD_PACKETS = Integer.MAX_VALUE;

    static final int SYNC = 0xAA;
    static final int TYPE_DATA = 0, TYPE_HEADER = 1, TYPE_CONFIG_1 = 2, TYPE_CONFIG_2 = 3, TYPE_COMMAND = 4,
            TYPE_CONFIG_3 = 5;
    /** Common header: SYNC, FRAMESIZE, IDCODE, SOC, FRACSEC; then the body and a 2-octet CHK. */
    static final int HEADER = 14, CHK = 2, MIN_FRAME = HEADER + CHK;
    /** Versions defined so far: 1 (C37.118-2005), 2 (C37.118.2-2011). */
    static final int MAX_VERSION = 2;
    /** Frames read per TCP segment. */
    public static final int MAX_FRAMES_PER_SEGMENT = 16;
    /** PMU blocks walked per configuration frame (NUM_PMU may claim up to 65535). */
    public static final int MAX_PMU_BLOCKS = 256;
    /** Distinct station names and PMU ID codes reported per data source (a PDC aggregates many PMUs). */
    public static final int MAX_STATIONS_PER_HOST = 64;
    /** CFG-1/2 STN and CHNAM: 16 octets of ASCII (Table 8). */
    static final int NAME_LENGTH = 16;
    /** Octets of a header frame's text kept. */
    public static final int MAX_HEADER_TEXT = 256;
    /** Detail of the {@link ReportedOperations#MALFORMED} operation for a frame whose CHK is wrong. */
    public static final String BAD_CHECKSUM = "bad-checksum";

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private final ValueBuffer detail = new ValueBuffer();
    private long senderMac, senderHi, senderLo, receiverMac, receiverHi, receiverLo, nanos;
    private int senderPort;
    private boolean receiverUnicast;
    private Observation.Transport transport;
    private ObservationSink sink;
    /** The flow whose first data frame was reported (flow ids are reused: its first-seen time tells flows apart). */
    private int dataFlow = -1;
    private long dataFlowFirstSeen;
    private long badChecksum, malformed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT_TCP, PORT_UDP).andUdpPorts(PORT_TCP, PORT_UDP)
                .withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (payload.u8(0) != SYNC) return;
        this.sink = sink;
        locate(packet);
        int at = 0;
        for (int n = 0; n < MAX_FRAMES_PER_SEGMENT && payload.has(at, MIN_FRAME) && payload.u8(at) == SYNC; n++) {
            int size = payload.u16(at + 2);
            int type = payload.u8(at + 1) >>> 4 & 0x7, version = payload.u8(at + 1) & 0xF;
            if (size < MIN_FRAME || at + size > payload.length() || (payload.u8(at + 1) & 0x80) != 0
                    || version < 1 || version > MAX_VERSION || type > TYPE_CONFIG_3) {
                malformed++;
                operations.every(sink, ReportedOperations.MALFORMED, null);
                return;
            }
            if (type == TYPE_DATA && flow.exists() && flow.id() == dataFlow && flow.firstSeen() == dataFlowFirstSeen) {
                at += size;
                continue;
            }
            if (crc(payload, at, size - CHK) != payload.u16(at + size - CHK)) {
                badChecksum++;
                operations.every(sink, ReportedOperations.MALFORMED, BAD_CHECKSUM);
                return;
            }
            frame(payload, at, size, type, version);
            if (type == TYPE_DATA && flow.exists()) {
                dataFlow = flow.id();
                dataFlowFirstSeen = flow.firstSeen();
            }
            at += size;
        }
    }

    private void locate(Packet packet) {
        senderMac = packet.srcMac();
        senderHi = packet.srcIpHi();
        senderLo = packet.srcIpLo();
        receiverMac = packet.dstMac();
        receiverHi = packet.dstIpHi();
        receiverLo = packet.dstIpLo();
        senderPort = packet.srcPort();
        // a stream multicast or broadcast to its clients names no one host as the client
        receiverUnicast = !Addresses.isMulticastMac(receiverMac) && !Addresses.isMulticast(receiverHi, receiverLo)
                && !Addresses.isBroadcast(receiverHi, receiverLo);
        transport = packet.isTcp() ? Observation.Transport.TCP : Observation.Transport.UDP;
        nanos = packet.timestampNanos();
        // the command's sender is the client; for other frames the sender is the data source
        boolean towardsServer = packet.dstPort() == PORT_TCP || packet.dstPort() == PORT_UDP;
        operations.between(packet, towardsServer || packet.srcPort() != PORT_TCP && packet.srcPort() != PORT_UDP);
    }

    private void frame(Payload p, int at, int size, int type, int version) {
        boolean command = type == TYPE_COMMAND;
        fact(true, C37118Attributes.ROLE, value.clear().append(command ? C37118Attributes.ROLE_CLIENT
                : C37118Attributes.ROLE_SERVER));
        if (receiverUnicast) {
            fact(false, C37118Attributes.ROLE, value.clear().append(command ? C37118Attributes.ROLE_SERVER
                    : C37118Attributes.ROLE_CLIENT));
        }
        fact(true, C37118Attributes.FRAME_TYPE, value.clear().append(frameType(type)));
        value.clear();
        if (version == 1) value.append("2005");
        else value.append("2011");
        fact(true, C37118Attributes.VERSION, value);
        if (command) {
            int cmd = p.u16(at + HEADER);
            String name = command(cmd);
            if (name != null) {
                fact(true, C37118Attributes.FUNCTION, value.clear().append(name));
                operations.between(senderMac, senderHi, senderLo, receiverMac, receiverHi, receiverLo, nanos);
                detail.clear().append("idcode=").appendDecimal(p.u16(at + 4));
                if (cmd <= 0x0002 || cmd >= 0x0004 && cmd <= 0x0006) operations.every(sink, name, detail.text());
                else operations.once(sink, name, detail);
            }
            return;
        }
        fact(true, C37118Attributes.ID_CODE, value.clear().appendDecimal(p.u16(at + 4)));
        reported.service(sink, senderMac, senderHi, senderLo, senderPort, transport, NAME, nanos);
        int end = at + size - CHK;
        switch (type) {
            case TYPE_HEADER -> header(p, at + HEADER, end);
            case TYPE_CONFIG_1, TYPE_CONFIG_2 -> config12(p, at + HEADER, end);
            case TYPE_CONFIG_3 -> config3(p, at + HEADER, end);
            default -> { }
        }
    }

    /** A fact about the sender ({@code true}) or the receiver of the frame. */
    private void fact(boolean aboutSender, String attribute, ValueBuffer v) {
        fact(aboutSender, attribute, v, Integer.MAX_VALUE);
    }

    private void fact(boolean aboutSender, String attribute, ValueBuffer v, int maxValues) {
        if (aboutSender) {
            reported.attribute(sink, senderMac, senderHi, senderLo, attribute, v, maxValues, C37118Attributes.STATED, nanos);
        } else {
            reported.attribute(sink, receiverMac, receiverHi, receiverLo, attribute, v, maxValues,
                    C37118Attributes.STATED, nanos);
        }
    }

    private static String frameType(int type) {
        return switch (type) {
            case TYPE_DATA -> "data";
            case TYPE_HEADER -> "header";
            case TYPE_CONFIG_1 -> "config-1";
            case TYPE_CONFIG_2 -> "config-2";
            case TYPE_COMMAND -> "command";
            default -> "config-3";
        };
    }

    /** C37.118.2-2011 Table 15, CMD word; user-designated and reserved codes are not named. */
    private static String command(int cmd) {
        return switch (cmd) {
            case 0x0001 -> "data-off";
            case 0x0002 -> "data-on";
            case 0x0003 -> "send-header";
            case 0x0004 -> "send-config-1";
            case 0x0005 -> "send-config-2";
            case 0x0006 -> "send-config-3";
            case 0x0008 -> "extended-frame";
            default -> null;
        };
    }

    /** Header frame (Table 7): ASCII text, trimmed of NUL padding and blanks. */
    private void header(Payload p, int from, int to) {
        value.clear();
        for (int i = from; i < to && i < from + MAX_HEADER_TEXT; i++) {
            int c = p.u8(i);
            if (c == 0) break;
            value.appendText(c);
        }
        value.trimTrailing(' ');
        fact(true, C37118Attributes.HEADER, value);
    }

    /**
     * Configuration 1 and 2 (Table 8): TIME_BASE (4), NUM_PMU (2), then per PMU STN (16), IDCODE (2), FORMAT (2),
     * PHNMR, ANNMR, DGNMR (2 each), CHNAM (16 per phasor, analog and digital bit), PHUNIT (4 per phasor), ANUNIT
     * (4 per analog), DIGUNIT (4 per digital word), FNOM (2), CFGCNT (2); then DATA_RATE (2).
     */
    private void config12(Payload p, int from, int to) {
        int numPmu = p.u16(from + 4);
        if (from + 6 > to) return;
        fact(true, C37118Attributes.PMU_COUNT, value.clear().appendDecimal(numPmu));
        int at = from + 6;
        for (int k = 0; k < Math.min(numPmu, MAX_PMU_BLOCKS) && at + NAME_LENGTH + 10 <= to; k++) {
            station(p, at, NAME_LENGTH);
            fact(true, C37118Attributes.PMU_ID_CODE, value.clear().appendDecimal(p.u16(at + NAME_LENGTH)),
                    MAX_STATIONS_PER_HOST);
            int phasors = p.u16(at + NAME_LENGTH + 4), analogs = p.u16(at + NAME_LENGTH + 6);
            int digitals = p.u16(at + NAME_LENGTH + 8);
            long block = NAME_LENGTH + 10L + NAME_LENGTH * (phasors + analogs + 16L * digitals)
                    + 4L * (phasors + analogs + digitals) + 4;
            if (at + block > to) return;
            at += (int) block;
        }
    }

    /**
     * Configuration 3 (C37.118.2-2011 Table 10): CONT_IDX (2), TIME_BASE (4), NUM_PMU (2), then per PMU STN (a
     * length octet and the name), IDCODE (2), G_PMU_ID (16), FORMAT (2), PHNMR, ANNMR, DGNMR (2 each), CHNAM
     * (length-prefixed names), PHSCALE (12 per phasor), ANSCALE (8 per analog), DIGUNIT (4 per digital word),
     * PMU_LAT, PMU_LON, PMU_ELEV (4 each), SVC_CLASS (1), WINDOW (4), GRP_DLY (4), FNOM (2), CFGCNT (2). Only an
     * unfragmented frame or the first fragment (CONT_IDX 0) starts with the PMU blocks.
     */
    private void config3(Payload p, int from, int to) {
        if (from + 8 > to || p.u16(from) != 0) return;
        int numPmu = p.u16(from + 6);
        fact(true, C37118Attributes.PMU_COUNT, value.clear().appendDecimal(numPmu));
        int at = from + 8;
        for (int k = 0; k < Math.min(numPmu, MAX_PMU_BLOCKS) && at < to; k++) {
            int stn = p.u8(at);
            if (stn < 0 || at + 1 + stn + 26 > to) return;
            station(p, at + 1, stn);
            at += 1 + stn;
            fact(true, C37118Attributes.PMU_ID_CODE, value.clear().appendDecimal(p.u16(at)), MAX_STATIONS_PER_HOST);
            int phasors = p.u16(at + 20), analogs = p.u16(at + 22), digitals = p.u16(at + 24);
            at += 26;
            long names = phasors + analogs + 16L * digitals;
            for (long n = 0; n < names; n++) {
                int length = p.u8(at);
                if (length < 0) return;
                at += 1 + length;
            }
            long rest = 12L * phasors + 8L * analogs + 4L * digitals + 4 + 4 + 4 + 1 + 4 + 4 + 2 + 2;
            if (at + rest > to) return;
            at += (int) rest;
        }
    }

    private void station(Payload p, int at, int length) {
        value.clear();
        int i = at, end = at + length;
        while (i < end && p.u8(i) == ' ') i++;
        for (; i < end; i++) {
            int c = p.u8(i);
            if (c <= 0) break;
            value.appendText(c);
        }
        value.trimTrailing(' ');
        fact(true, C37118Attributes.STATION_NAME, value, MAX_STATIONS_PER_HOST);
    }

    /** CRC-CCITT of §6.2: polynomial x^16 + x^12 + x^5 + 1, initial value 0xFFFF, no reflection or final XOR. */
    static int crc(Payload p, int from, int n) {
        int crc = 0xFFFF;
        for (int i = from; i < from + n; i++) {
            crc ^= p.u8(i) << 8;
            for (int b = 0; b < 8; b++) crc = (crc & 0x8000) != 0 ? (crc << 1 ^ 0x1021) & 0xFFFF : crc << 1 & 0xFFFF;
        }
        return crc;
    }

    /** Frames whose checksum is wrong (and are not read). */
    public long badChecksum() { return badChecksum; }
    /** Frames whose header does not hold (size, reserved bit, version, type). */
    public long malformed() { return malformed; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
