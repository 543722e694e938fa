package io.osprey.dissect.sbus;

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
 * SAIA (SBC) Ether-S-Bus on UDP 5050: S-Bus telegrams in data mode SM2 behind an Ether-S-Bus header (SBC manual
 * 26/739 "S-Bus for the PCD family", chapter Ether-S-Bus). One telegram per datagram, integers big-endian:
 * <pre>
 * 0 length u32 (the whole telegram, header and CRC) | 4 version (0 or 1) | 5 protocol type (0 S-Bus)
 * 6 sequence u16 | 8 telegram attribute (0 request, 1 response, 2 ACK/NAK)
 * request  9 destination station | 10 command | 11 data
 * response 9 data
 * ACK/NAK  9 code u16 (0 ACK, 1 NAK, 2 NAK password, 3 NAK reduced protocol, 4 NAK port in use)
 * last 2   CRC-16 (CCITT polynomial 0x1021, initial value 0) over everything before it
 * </pre>
 * A response carries no command: the command of each request is kept by (client, server, ports, sequence) in a
 * direct-mapped table of primitives, so that a Read PCD Status or Read Firmware Version answer can be read.
 *
 * <p>Facts: each end's role, the commands each client sent ({@link SbusAttributes#FUNCTION}), the station number
 * a PCD is addressed as, its status, PCD type and firmware version, and its {@link Observation.Service}.
 * Operations (source "sbus", from the client to the PCD): each command once per pair, named as the function;
 * commands that write data or start, stop, restart, clear or reprogram the PCD ({@link SbusCommands#changesPcd})
 * at each occurrence, with detail "station=N" and for writes of registers, flags, timers, counters and outputs
 * " address=A"; a NAK at each occurrence ("code=2" for a wrong password); the status a PCD states as
 * {@link ReportedOperations#MODE}. A telegram whose length disagrees with the datagram or whose CRC is wrong is
 * {@link ReportedOperations#MALFORMED}.
 */
public final class SbusDissector implements Dissector {
    public static final String NAME = "sbus";
    /** The Ether-S-Bus UDP port of the PCD's Ethernet interfaces. */
    public static final int PORT = 5050;
    /** Every datagram is examined: a SCADA polls a PCD for ever, and a stop or a download can come at any time. */
    public static final int PAYLOAD_PACKETS = Integer.MAX_VALUE;

    static final int HEADER_LENGTH = 9, CRC_LENGTH = 2;
    static final int VERSION = 4, PROTOCOL_TYPE = 5, SEQUENCE = 6, ATTRIBUTE = 8, STATION = 9, COMMAND = 10,
            REQUEST_DATA = 11, RESPONSE_DATA = 9, ACK_CODE = 9;
    static final int MAX_VERSION = 1, PROTOCOL_SBUS = 0;
    static final int REQUEST = 0, RESPONSE = 1, ACK_NAK = 2;
    /** Station 254 is reserved and 255 addresses every station: neither names the PCD. */
    static final int BROADCAST_STATION = 0xFE;
    /** The shortest telegram: the header, one octet (a status answer) and the CRC. */
    static final int MIN_TELEGRAM = HEADER_LENGTH + 1 + CRC_LENGTH;
    /** S-Bus telegrams carry at most 32 registers of data; Ether-S-Bus allows up to 1,500 octets. */
    public static final int MAX_TELEGRAM = 1500;
    /** Read Firmware Version answer: PCD type, 5 ASCII characters, then the firmware version, 3 characters. */
    static final int PCD_TYPE_LENGTH = 5, FIRMWARE_VERSION_LENGTH = 3;
    /** Requests whose command is remembered until answered (direct-mapped: a collision forgets one). */
    public static final int PENDING_SLOTS = 1024;
    /** Distinct commands reported per client. */
    public static final int MAX_FUNCTIONS_PER_HOST = 64;
    /** The operation for a command outside the command list, with "command=xx" as detail, and for a NAK. */
    public static final String UNKNOWN_COMMAND = "unknown-command", NAK_OPERATION = "nak";

    private final ValueBuffer value = new ValueBuffer();
    private final ValueBuffer detail = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private final long[] pendingKey = new long[PENDING_SLOTS];
    /** The command of the pending request plus one (0: the slot is empty). */
    private final short[] pendingCommand = new short[PENDING_SLOTS];
    private long notSbus, malformed, unanswered;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }

    /** The Ether-S-Bus header's fixed values: a known version, the S-Bus protocol type and a known attribute. */
    static boolean isHeader(Payload payload) {
        return payload.has(0, HEADER_LENGTH) && payload.u8(VERSION) <= MAX_VERSION
                && payload.u8(PROTOCOL_TYPE) == PROTOCOL_SBUS && payload.u8(ATTRIBUTE) <= ACK_NAK;
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp() || payload.length() == 0) return;
        if (!isHeader(payload)) {
            notSbus++;
            return;
        }
        int attribute = payload.u8(ATTRIBUTE);
        long length = payload.u32(0);
        if (length != payload.length() || length < MIN_TELEGRAM || length > MAX_TELEGRAM
                || attribute == REQUEST && length < REQUEST_DATA + CRC_LENGTH
                || crc(payload, 0, (int) length - CRC_LENGTH) != payload.u16((int) length - CRC_LENGTH)) {
            malformed++;
            operations.between(packet, attribute == REQUEST).every(sink, ReportedOperations.MALFORMED, null);
            return;
        }
        int end = (int) length - CRC_LENGTH;
        switch (attribute) {
            case REQUEST -> request(packet, payload, end, sink);
            case RESPONSE -> response(packet, payload, end, sink);
            default -> ackNak(packet, payload, sink);
        }
    }

    private void request(Packet packet, Payload payload, int end, ObservationSink sink) {
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        int station = payload.u8(STATION), command = payload.u8(COMMAND);
        reported.attribute(sink, mac, hi, lo, SbusAttributes.ROLE, value.clear().append(SbusAttributes.ROLE_CLIENT),
                SbusAttributes.SEEN, ts);
        String name = SbusCommands.name(command);
        value.clear();
        if (name != null) value.append(name);
        else value.appendHex2(command);
        reported.attribute(sink, mac, hi, lo, SbusAttributes.FUNCTION, value, MAX_FUNCTIONS_PER_HOST,
                SbusAttributes.SEEN, ts);
        if (station < BROADCAST_STATION && !Addresses.isMulticastMac(packet.dstMac())
                && !Addresses.isMulticast(packet.dstIpHi(), packet.dstIpLo())
                && !Addresses.isBroadcast(packet.dstIpHi(), packet.dstIpLo())) {
            reported.attribute(sink, packet.dstMac(), packet.dstIpHi(), packet.dstIpLo(), SbusAttributes.STATION,
                    value.clear().appendDecimal(station), SbusAttributes.STATED, ts);
        }
        operations.between(packet, true);
        if (name == null) {
            operations.once(sink, UNKNOWN_COMMAND, detail.clear().append("command=").appendHex2(command));
        } else if (SbusCommands.changesPcd(command)) {
            detail.clear().append("station=").appendDecimal(station);
            if (SbusCommands.writesMedia(command) && REQUEST_DATA + 3 <= end) {
                detail.append(" address=").appendDecimal(payload.u16(REQUEST_DATA + 1));
            }
            operations.every(sink, name, detail.text());
        } else {
            operations.once(sink, name);
        }
        long key = key(hi, lo, packet.srcPort(), packet.dstIpHi(), packet.dstIpLo(), packet.dstPort(),
                payload.u16(SEQUENCE));
        int slot = slot(key);
        if (pendingCommand[slot] != 0) unanswered++;
        pendingKey[slot] = key;
        pendingCommand[slot] = (short) (command + 1);
    }

    private void response(Packet packet, Payload payload, int end, ObservationSink sink) {
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        server(packet, sink);
        long key = key(packet.dstIpHi(), packet.dstIpLo(), packet.dstPort(), hi, lo, packet.srcPort(),
                payload.u16(SEQUENCE));
        int slot = slot(key);
        if (pendingKey[slot] != key || pendingCommand[slot] == 0) return;
        int command = pendingCommand[slot] - 1;
        pendingCommand[slot] = 0;
        if (SbusCommands.readsStatus(command) && RESPONSE_DATA < end) {
            String status = SbusCommands.status(payload.u8(RESPONSE_DATA));
            if (status == null) return;
            reported.attribute(sink, mac, hi, lo, SbusAttributes.STATUS, value.clear().append(status),
                    SbusAttributes.STATED, ts);
            operations.between(packet, false).once(sink, ReportedOperations.MODE, value);
        } else if (command == SbusCommands.READ_FIRMWARE_VERSION
                && RESPONSE_DATA + PCD_TYPE_LENGTH + FIRMWARE_VERSION_LENGTH <= end) {
            reported.attribute(sink, mac, hi, lo, SbusAttributes.PCD_TYPE,
                    text(payload, RESPONSE_DATA, PCD_TYPE_LENGTH), SbusAttributes.STATED, ts);
            reported.attribute(sink, mac, hi, lo, SbusAttributes.FIRMWARE_VERSION,
                    text(payload, RESPONSE_DATA + PCD_TYPE_LENGTH, FIRMWARE_VERSION_LENGTH), SbusAttributes.STATED, ts);
        }
    }

    /** An ACK answers a write or a control command; a NAK refuses it (code 2: wrong password). */
    private void ackNak(Packet packet, Payload payload, ObservationSink sink) {
        server(packet, sink);
        long key = key(packet.dstIpHi(), packet.dstIpLo(), packet.dstPort(), packet.srcIpHi(), packet.srcIpLo(),
                packet.srcPort(), payload.u16(SEQUENCE));
        int slot = slot(key);
        if (pendingKey[slot] == key) pendingCommand[slot] = 0;
        int code = payload.u16(ACK_CODE);
        if (code != 0) operations.between(packet, false).every(sink, NAK_OPERATION, "code=" + code);
    }

    private void server(Packet packet, ObservationSink sink) {
        long ts = packet.timestampNanos();
        reported.attribute(sink, packet.srcMac(), packet.srcIpHi(), packet.srcIpLo(), SbusAttributes.ROLE,
                value.clear().append(SbusAttributes.ROLE_SERVER), SbusAttributes.SEEN, ts);
        if (packet.srcPort() == PORT) {
            reported.service(sink, packet.srcMac(), packet.srcIpHi(), packet.srcIpLo(), PORT,
                    Observation.Transport.UDP, NAME, ts);
        }
    }

    /** ASCII text, NUL padding ended, control characters escaped, surrounding blanks trimmed. */
    private ValueBuffer text(Payload payload, int at, int n) {
        value.clear();
        int i = 0;
        while (i < n && payload.u8(at + i) == ' ') i++;
        for (; i < n; i++) {
            int c = payload.u8(at + i);
            if (c <= 0) break;
            value.appendText(c);
        }
        return value.trimTrailing(' ');
    }

    private static long key(long clientHi, long clientLo, int clientPort, long serverHi, long serverLo, int serverPort,
                            int sequence) {
        long h = (clientHi * 0x9E3779B97F4A7C15L ^ clientLo) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ serverHi) * 0x9E3779B97F4A7C15L ^ serverLo;
        return (h * 31 + ((long) clientPort << 16 | serverPort)) * 0x10001L + sequence;
    }

    private static int slot(long key) {
        return (int) (key ^ key >>> 23 ^ key >>> 47) & (PENDING_SLOTS - 1);
    }

    /** CRC-16 with the CCITT polynomial x^16 + x^12 + x^5 + 1, initial value 0, no reflection (S-Bus manual). */
    static int crc(Payload p, int from, int n) {
        int crc = 0;
        for (int i = from; i < from + n; i++) {
            crc ^= p.u8(i) << 8;
            for (int b = 0; b < 8; b++) crc = (crc & 0x8000) != 0 ? (crc << 1 ^ 0x1021) & 0xFFFF : crc << 1 & 0xFFFF;
        }
        return crc;
    }

    /** Datagrams on port 5050 whose first octets are not an Ether-S-Bus header. */
    public long notSbus() { return notSbus; }

    /** Telegrams whose length disagrees with the datagram, or whose CRC is wrong. */
    public long malformed() { return malformed; }

    /** Requests whose remembered command was replaced before an answer came (lost answers, collisions). */
    public long unanswered() { return unanswered; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
