package io.osprey.dissect.ads;

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
 * Beckhoff ADS (Automation Device Specification) on AMS/TCP port 48898, and the TwinCAT discovery datagrams on UDP
 * 48899. All integers are little-endian. A TCP segment holds AMS/TCP packets (Beckhoff Information System, TE1000
 * "ADS specification", "AMS/TCP Packet" and "AMS Header"):
 * <pre>
 * 0 reserved u16 (0 for AMS commands) | 2 length u32 (AMS header and data)
 * 6 AMS header: target Net Id (6) | target port u16 | source Net Id (6) | source port u16 | command id u16 |
 *   state flags u16 (0x0001 response, 0x0004 ADS command) | data length u32 | error code u32 | invoke id u32
 * 38 ADS data
 * </pre>
 * <ul>
 *   <li>Every ADS command: the sender's Net Id, the roles (a request's sender is the client), the command name
 *       about the client, and the AMS port each server device answered from.</li>
 *   <li>ReadDeviceInfo response (result, major, minor, build u16, name char[16]): name and version, about the
 *       server.</li>
 *   <li>ReadState response (result, ADS state u16, device state u16): the ADS state; WriteControl request (ADS
 *       state, device state, ...): the state the client asked for.</li>
 *   <li>Discovery (UDP 48899): a search answer's host name, TwinCAT version and OS version tags.</li>
 * </ul>
 * Other AMS/TCP commands (reserved field not 0: port connect, router notification) are skipped.
 *
 * <p>Operations (source "ads", from the request's sender to its receiver): each ADS command once per pair, named as
 * {@link AdsAttributes#FUNCTION} names it; write-control, which changes the target's ADS state (starts, stops or
 * reconfigures the PLC runtime), at each occurrence with the requested state as detail ("state=stop
 * device=0"); the ADS state a ReadState answer states as {@link ReportedOperations#MODE} ("run", "stop", "config").
 * AMS headers without the ADS-command flag or with an unknown command, and short discovery datagrams, are
 * {@link ReportedOperations#MALFORMED}.
 */
public final class AdsDissector implements Dissector {
    public static final String NAME = "ads";
    /** AMS/TCP. */
    public static final int PORT = 48898;
    /** TwinCAT UDP: discovery and AMS/UDP. */
    public static final int DISCOVERY_PORT = 48899;
    /** Every packet of a connection is examined: writes and state changes come at any time. */
    public static final int PAYLOAD_PACKETS = Integer.MAX_VALUE;

    static final int TCP_HEADER = 6, AMS_HEADER = 32;
    static final int NET_ID_LENGTH = 6;
    static final int TARGET_PORT = 6, SOURCE_NET_ID = 8, SOURCE_PORT = 14, COMMAND = 16, STATE_FLAGS = 18,
            DATA_LENGTH = 20, ERROR_CODE = 24;
    static final int FLAG_RESPONSE = 0x0001, FLAG_ADS_COMMAND = 0x0004;
    static final int READ_DEVICE_INFO = 1, READ_STATE = 4, WRITE_CONTROL = 5;
    /** ReadDeviceInfo response: result u32, major u8, minor u8, build u16, device name char[16]. */
    static final int DEVICE_INFO_LENGTH = 24, DEVICE_NAME_LENGTH = 16;
    /** ReadState response: result u32, ADS state u16, device state u16. */
    static final int READ_STATE_LENGTH = 8;
    /** AMS packets read per segment. */
    public static final int MAX_PACKETS_PER_SEGMENT = 32;

    /** Discovery header: magic 03 66 14 71, invoke id, service (bit 31 = response), Net Id, port, tag count. */
    static final long DISCOVERY_MAGIC = 0x03661471L;
    static final long DISCOVERY_RESPONSE = 0x8000_0000L;
    static final int DISCOVERY_SERVICE = 8, DISCOVERY_NET_ID = 12, DISCOVERY_TAG_COUNT = 20, DISCOVERY_TAGS = 24;
    static final int TAG_TWINCAT_VERSION = 3, TAG_OS_VERSION = 4, TAG_HOSTNAME = 5;
    /** Tags read per discovery answer. */
    public static final int MAX_DISCOVERY_TAGS = 32;
    /** Octets of a host name kept (Windows host names are at most 15; the tag is NUL-terminated). */
    public static final int MAX_HOSTNAME_LENGTH = 64;
    /** OSVERSIONINFO: size, major, minor, build, platform id (u32 each), then the service pack string. */
    static final int OS_VERSION_FIXED = 20;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private ObservationSink sink;
    private long srcMac, srcHi, srcLo, dstMac, dstHi, dstLo, nanos;
    private int srcPort;
    private boolean tcp;
    private Packet packet;
    private long notAms, splitPackets, malformed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).andUdpPorts(DISCOVERY_PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (payload.length() == 0 || !packet.isTcp() && !packet.isUdp()) return;
        this.sink = sink;
        srcMac = packet.srcMac();
        srcHi = packet.srcIpHi();
        srcLo = packet.srcIpLo();
        dstMac = packet.dstMac();
        dstHi = packet.dstIpHi();
        dstLo = packet.dstIpLo();
        srcPort = packet.srcPort();
        nanos = packet.timestampNanos();
        tcp = packet.isTcp();
        this.packet = packet;
        if (!tcp) {
            if (payload.u32(0) == DISCOVERY_MAGIC) discovery(payload);
            else notAms++;
            return;
        }
        int at = 0;
        for (int n = 0; n < MAX_PACKETS_PER_SEGMENT && payload.has(at, TCP_HEADER); n++) {
            long length = u32le(payload, at + 2);
            if (length < AMS_HEADER && payload.u16(at) == 0 || length > Integer.MAX_VALUE - at - TCP_HEADER) {
                if (n == 0) notAms++;
                else malformed(packet.dstPort() == PORT);
                return;
            }
            int end = at + TCP_HEADER + (int) length;
            if (payload.u16(at) == 0) ams(payload, at + TCP_HEADER, Math.min(end, payload.length()));
            if (end > payload.length()) {
                splitPackets++;
                return;
            }
            at = end;
        }
    }

    static long u32le(Payload payload, int at) {
        return payload.has(at, 4) ? (long) payload.u16le(at + 2) << 16 | payload.u16le(at) : -1;
    }

    /** One AMS header and its ADS data in {@code [at, end)}. */
    private void ams(Payload payload, int at, int end) {
        if (at + AMS_HEADER > end) return;
        int command = payload.u16le(at + COMMAND);
        int flags = payload.u16le(at + STATE_FLAGS);
        String function = AdsCommands.name(command);
        if ((flags & FLAG_ADS_COMMAND) == 0 || function == null) {
            malformed((flags & FLAG_RESPONSE) == 0);
            return;
        }
        fact(true, AdsAttributes.NET_ID, netId(payload, at + SOURCE_NET_ID));
        int data = at + AMS_HEADER;
        long dataLength = u32le(payload, at + DATA_LENGTH);
        int dataEnd = (int) Math.min(end, data + dataLength);
        if ((flags & FLAG_RESPONSE) == 0) {
            fact(true, AdsAttributes.ROLE, value.clear().append(AdsAttributes.ROLE_CLIENT));
            fact(true, AdsAttributes.FUNCTION, value.clear().append(function));
            operations.between(packet, true);
            if (command == WRITE_CONTROL) {
                String state = data + 2 <= dataEnd ? AdsCommands.state(payload.u16le(data)) : null;
                if (state != null) fact(true, AdsAttributes.REQUESTED_STATE, value.clear().append(state));
                value.clear().append("state=").append(state != null ? state : "?");
                if (data + 4 <= dataEnd) value.append(" device=").appendDecimal(payload.u16le(data + 2));
                operations.every(sink, function, value.text());
            } else {
                operations.once(sink, function);
            }
            return;
        }
        fact(true, AdsAttributes.ROLE, value.clear().append(AdsAttributes.ROLE_SERVER));
        reported.service(sink, srcMac, srcHi, srcLo, srcPort, Observation.Transport.TCP, NAME, nanos);
        fact(true, AdsAttributes.AMS_PORT, value.clear().appendDecimal(payload.u16le(at + SOURCE_PORT)));
        if (u32le(payload, at + ERROR_CODE) != 0 || u32le(payload, data) != 0) return;
        if (command == READ_DEVICE_INFO && data + DEVICE_INFO_LENGTH <= dataEnd) {
            fact(true, AdsAttributes.VERSION, value.clear().appendDecimal(payload.u8(data + 4)).append('.')
                    .appendDecimal(payload.u8(data + 5)).append('.').appendDecimal(payload.u16le(data + 6)));
            fact(true, AdsAttributes.DEVICE_NAME, text(payload, data + 8, DEVICE_NAME_LENGTH));
        } else if (command == READ_STATE && data + READ_STATE_LENGTH <= dataEnd) {
            String state = AdsCommands.state(payload.u16le(data + 4));
            if (state != null) {
                fact(true, AdsAttributes.STATE, value.clear().append(state));
                operations.between(packet, false).once(sink, ReportedOperations.MODE, value);
            }
        }
    }

    /**
     * A discovery datagram: only answers (service with bit 31) carry tags about the sender; a search request only
     * states the searching host's Net Id.
     */
    private void discovery(Payload payload) {
        if (!payload.has(0, DISCOVERY_TAGS)) {
            malformed(packet.dstPort() == DISCOVERY_PORT);
            return;
        }
        fact(true, AdsAttributes.NET_ID, netId(payload, DISCOVERY_NET_ID));
        if ((u32le(payload, DISCOVERY_SERVICE) & DISCOVERY_RESPONSE) == 0) return;
        reported.service(sink, srcMac, srcHi, srcLo, srcPort, Observation.Transport.UDP, NAME, nanos);
        long tags = Math.min(u32le(payload, DISCOVERY_TAG_COUNT), MAX_DISCOVERY_TAGS);
        int at = DISCOVERY_TAGS;
        for (int i = 0; i < tags && payload.has(at, 4); i++) {
            int tag = payload.u16le(at), length = payload.u16le(at + 2);
            int data = at + 4;
            if (!payload.has(data, length)) {
                malformed(false);
                return;
            }
            switch (tag) {
                case TAG_HOSTNAME -> fact(true, AdsAttributes.HOSTNAME,
                        text(payload, data, Math.min(length, MAX_HOSTNAME_LENGTH)));
                case TAG_TWINCAT_VERSION -> {
                    if (length >= 4) {
                        fact(true, AdsAttributes.TWINCAT_VERSION, value.clear().appendDecimal(payload.u8(data))
                                .append('.').appendDecimal(payload.u8(data + 1)).append('.')
                                .appendDecimal(payload.u16le(data + 2)));
                    }
                }
                case TAG_OS_VERSION -> {
                    if (length >= OS_VERSION_FIXED) osVersion(payload, data);
                }
                default -> { }
            }
            at = data + length;
        }
    }

    /** OSVERSIONINFO (Win32): dwOSVersionInfoSize, dwMajorVersion, dwMinorVersion, dwBuildNumber, dwPlatformId. */
    private void osVersion(Payload payload, int at) {
        long major = u32le(payload, at + 4), minor = u32le(payload, at + 8), build = u32le(payload, at + 12);
        String platform = AdsCommands.platform(u32le(payload, at + 16));
        if (platform == null || major > 0xFFFF || minor > 0xFFFF || build > 0xFFFF) return;
        fact(true, AdsAttributes.OS_VERSION, value.clear().append(platform).append(' ').appendDecimal((int) major)
                .append('.').appendDecimal((int) minor).append('.').appendDecimal((int) build));
    }

    private ValueBuffer netId(Payload payload, int at) {
        value.clear();
        for (int i = 0; i < NET_ID_LENGTH; i++) {
            if (i > 0) value.append('.');
            value.appendDecimal(payload.u8(at + i));
        }
        return value;
    }

    /** NUL-terminated text, control characters escaped, surrounding spaces trimmed. */
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

    private void fact(boolean aboutSender, String attribute, ValueBuffer v) {
        if (aboutSender) reported.attribute(sink, srcMac, srcHi, srcLo, attribute, v, AdsAttributes.STATED, nanos);
        else reported.attribute(sink, dstMac, dstHi, dstLo, attribute, v, AdsAttributes.STATED, nanos);
    }

    private void malformed(boolean fromClient) {
        malformed++;
        operations.between(packet, fromClient).every(sink, ReportedOperations.MALFORMED, null);
    }

    /** Payloads on the ADS ports that are not AMS/TCP (or a discovery datagram). */
    public long notAms() { return notAms; }

    /** AMS packets that go on in a later segment. */
    public long splitPackets() { return splitPackets; }

    /** AMS headers with an unknown command or without the ADS-command flag, and short discovery datagrams. */
    public long malformed() { return malformed; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
