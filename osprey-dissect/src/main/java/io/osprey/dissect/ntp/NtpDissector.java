package io.osprey.dissect.ntp;

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
 * NTP (RFC 5905) on UDP port 123. Reports about the sender its mode, version and, for servers and peers, its
 * stratum and a primary server's reference clock; a host answering in server mode (4) from port 123 is an NTP
 * {@link Observation.Service}.
 *
 * <p>Packet header (RFC 5905 §7.3, Figure 8), the only part read:
 * <pre>
 *  0      LI(2) VN(3) Mode(3)
 *  1      Stratum
 *  2      Poll
 *  3      Precision
 *  4..7   Root Delay
 *  8..11  Root Dispersion
 *  12..15 Reference ID
 *  16..47 Reference, Origin, Receive, Transmit Timestamps
 * </pre>
 * Control (6) and private (7) messages have their own shorter layout: only their mode and version are read.
 */
public final class NtpDissector implements Dissector {
    public static final String NAME = "ntp";
    public static final int PORT = 123;
    static final int FLAGS_OFFSET = 0;
    static final int STRATUM_OFFSET = 1;
    static final int REFERENCE_ID_OFFSET = 12;
    /** The fixed header up to the Transmit Timestamp; extension fields and a MAC may follow (RFC 5905 §7.3). */
    public static final int HEADER_LENGTH = 48;
    /** Control and private messages start with a 12-octet (RFC 9327 §2) and 8-octet header: the shortest sane one. */
    public static final int MIN_OTHER_LENGTH = 8;
    /** Versions 1 (RFC 1059) to 4 (RFC 5905); 0 is RFC 958's, never seen, and higher ones do not exist. */
    public static final int MIN_VERSION = 1;
    public static final int MAX_VERSION = 4;
    /** 16 is "unsynchronized" (RFC 5905 §7.3 Figure 11); higher values are reserved. */
    public static final int MAX_STRATUM = 16;
    static final int PRIMARY_STRATUM = 1;

    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ValueBuffer value = new ValueBuffer();
    private long notNtp;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        // every packet is one small NTP message, and peers exchanging from port 123 to 123 make one endless flow
        return Interest.forUdpPorts(PORT).withPayloadPackets(Integer.MAX_VALUE);
    }

    /** Datagrams on the port that are not NTP (too short, unknown version). */
    public long notNtp() { return notNtp; }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp() || packet.srcPort() != PORT && packet.dstPort() != PORT) return;
        int flags = payload.u8(FLAGS_OFFSET);
        int version = flags >>> 3 & 7;
        NtpMode mode = NtpMode.of(flags);
        boolean header = mode != NtpMode.CONTROL && mode != NtpMode.PRIVATE && mode != NtpMode.RESERVED;
        if (flags < 0 || version < MIN_VERSION || version > MAX_VERSION
                || payload.length() < (header ? HEADER_LENGTH : MIN_OTHER_LENGTH)) {
            notNtp++;
            return;
        }
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        reported.attribute(sink, mac, hi, lo, NtpAttributes.MODE, value.clear().append(mode.label()),
                NtpAttributes.STATED, ts);
        reported.attribute(sink, mac, hi, lo, NtpAttributes.VERSION, value.clear().appendDecimal(version),
                NtpAttributes.STATED, ts);
        if (mode == NtpMode.SERVER && packet.srcPort() == PORT) {
            reported.service(sink, mac, hi, lo, PORT, Observation.Transport.UDP, NAME, ts);
        }
        // a client's stratum is meaningless (commonly 0); 0 from a server is a kiss-o'-death (RFC 5905 §7.4)
        int stratum = payload.u8(STRATUM_OFFSET);
        boolean states = mode == NtpMode.SERVER || mode == NtpMode.BROADCAST || mode == NtpMode.SYMMETRIC_ACTIVE
                || mode == NtpMode.SYMMETRIC_PASSIVE;
        if (!states || stratum < 1 || stratum > MAX_STRATUM) return;
        reported.attribute(sink, mac, hi, lo, NtpAttributes.STRATUM, value.clear().appendDecimal(stratum),
                NtpAttributes.STATED, ts);
        if (stratum == PRIMARY_STRATUM) {
            value.clear();
            for (int i = 0; i < 4; i++) {
                int c = payload.u8(REFERENCE_ID_OFFSET + i);
                if (c == 0) break;
                value.appendText(c);
            }
            reported.attribute(sink, mac, hi, lo, NtpAttributes.REFERENCE_CLOCK, value, NtpAttributes.STATED, ts);
        }
    }
}
