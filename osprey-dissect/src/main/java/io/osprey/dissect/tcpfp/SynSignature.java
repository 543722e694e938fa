package io.osprey.dissect.tcpfp;

import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Ipv4View;
import io.osprey.packet.decode.Ipv6View;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.decode.TcpOptionCursor;
import io.osprey.packet.decode.TcpView;

/**
 * What a SYN or SYN-ACK tells about the stack that built it, in the shape of p0f v3's signatures (p0f v3 README §5),
 * read from a decoded packet into reused fields: reading allocates nothing.
 *
 * <p>Text form ({@link #appendTo}), eight colon-separated fields, the same as p0f's {@code raw_sig}:
 * <pre>
 * ver:ttl+dist:olen:mss:wsize,scale:olayout:quirks:pclass
 * 4  :64+0    :0   :1460:mss*4,1   :mss,sok,ts,nop,ws:df,id+:0
 * </pre>
 * <ul>
 * <li>{@code ver}: IP version, 4 or 6.
 * <li>{@code ttl+dist}: the observed TTL (hop limit) and the hops it lost: the initial TTL is guessed as the
 *     smallest of 32, 64, 128 and 255 not below the observed one, and {@code dist} is their difference.
 * <li>{@code olen}: IPv4 options length (IHL·4 − 20), or the IPv6 extension headers' length, in bytes.
 * <li>{@code mss}: the MSS option's value (RFC 9293 §3.7.1), {@code *} without one.
 * <li>{@code wsize}: the window field, written {@code mss*N} when it is N times the MSS (or N times MSS − 12 when
 *     timestamps are on: Linux counts in segments net of the 12-byte option, RFC 7323 §3), {@code mtu*N} when it is
 *     N times the MTU the MSS implies (MSS + 40 for IPv4, + 60 for IPv6), else in decimal.
 * <li>{@code scale}: the window scale shift (RFC 7323 §2.2), 0 without the option (the layout tells which).
 * <li>{@code olayout}: the options in wire order ({@link TcpView#appendOptionLayout}): mss, nop, ws, sok, sack,
 *     ts, eol+N (N bytes after it), ?K (another kind K).
 * <li>{@code quirks}: comma-separated {@link TcpQuirks}, empty when none.
 * <li>{@code pclass}: {@code 0} without payload, {@code +} with.
 * </ul>
 */
public final class SynSignature {
    /** The initial TTLs stacks use (RFC 1700 "IP TTL" 64, Windows 128, Cisco and many RTOSes 255, old ones 32). */
    static final int[] INITIAL_TTLS = {32, 64, 128, 255};
    /** Bytes the timestamps option takes from every segment (RFC 7323 §3: 10, padded to 12). */
    static final int TIMESTAMPS_OPTION_BYTES = 12;
    /** IPv4 (20) + TCP (20) header bytes between an MTU and its MSS (RFC 9293 §3.7.1). */
    static final int IPV4_MSS_OVERHEAD = 40;
    /** IPv6 (40) + TCP (20). */
    static final int IPV6_MSS_OVERHEAD = 60;
    /** The largest valid window scale shift (RFC 7323 §2.3). */
    static final int MAX_WINDOW_SCALE = 14;
    static final int NO_MSS = -1;

    /** The window field read as a multiple: of the MSS, of the MTU, or plain. */
    enum WindowForm { PLAIN, MSS, MTU }

    int version;
    int ttl;
    int initialTtl;
    int optionsLength;
    int mss;
    int window;
    int windowScale;
    boolean timestamps;
    boolean synAck;
    final StringBuilder layout = new StringBuilder(64);
    int quirks;
    boolean payload;
    WindowForm windowForm;
    int windowMultiple;

    /**
     * Reads a SYN (client) or SYN-ACK (server); false when the packet is neither or its TCP header was not captured
     * whole, in which case the fields are undefined.
     */
    public boolean read(Packet p) {
        if (!p.isTcp() || !p.isIp()) return false;
        int flags = p.tcpFlags();
        if ((flags & TcpView.SYN) == 0 || (flags & (TcpView.RST | TcpView.FIN)) != 0) return false;
        TcpView tcp = p.tcp();
        if (!tcp.valid()) return false;
        synAck = (flags & TcpView.ACK) != 0;
        version = p.ipVersion();
        ttl = p.ttl();
        initialTtl = initialTtl(ttl);
        quirks = 0;
        if (version == 4) {
            Ipv4View ip = p.ipv4();
            optionsLength = Math.max(0, ip.optionsLength());
            if (ip.dontFragment()) {
                quirks |= TcpQuirks.DF;
                if (ip.identification() != 0) quirks |= TcpQuirks.ID_PLUS;
            } else if (ip.identification() == 0) {
                quirks |= TcpQuirks.ID_MINUS;
            }
            if (ip.ecn() != 0) quirks |= TcpQuirks.ECN;
            if (ip.reservedFlag()) quirks |= TcpQuirks.MBZ;
        } else {
            Ipv6View ip = p.ipv6();
            optionsLength = Math.max(0, p.l4Offset() - ip.offset() - Ipv6View.HEADER_LENGTH);
            if (ip.ecn() != 0) quirks |= TcpQuirks.ECN;
            if (ip.flowLabel() != 0) quirks |= TcpQuirks.FLOW;
        }
        if ((flags & (TcpView.ECE | TcpView.CWR)) != 0) quirks |= TcpQuirks.ECN;
        if (tcp.seq() == 0) quirks |= TcpQuirks.SEQ_MINUS;
        if (synAck) {
            if (tcp.ack() == 0) quirks |= TcpQuirks.ACK_MINUS;
        } else if (tcp.ack() != 0) {
            quirks |= TcpQuirks.ACK_PLUS;
        }
        if ((flags & TcpView.URG) != 0) quirks |= TcpQuirks.URGF_PLUS;
        else if (tcp.urgentPointer() != 0) quirks |= TcpQuirks.UPTR_PLUS;
        if ((flags & TcpView.PSH) != 0) quirks |= TcpQuirks.PUSHF_PLUS;

        mss = tcp.mss();
        windowScale = tcp.windowScale();
        if (windowScale > MAX_WINDOW_SCALE) quirks |= TcpQuirks.EXWS;
        timestamps = tcp.hasTimestamps();
        if (timestamps) {
            if (tcp.tsVal() == 0) quirks |= TcpQuirks.TS1_MINUS;
            if (!synAck && tcp.tsEcr() != 0) quirks |= TcpQuirks.TS2_PLUS;
        }
        quirks |= optionAreaQuirks(p, tcp.options());
        layout.setLength(0);
        tcp.appendOptionLayout(layout);
        window = tcp.window();
        payload = p.payloadLength() > 0;
        classifyWindow();
        return true;
    }

    /** {@link TcpQuirks#BAD} for options that cannot be delimited, {@link TcpQuirks#OPT_PLUS} for non-zero padding. */
    private static int optionAreaQuirks(Packet p, TcpOptionCursor c) {
        byte[] data = p.data();
        while (c.next()) {
            if (c.kind() == TcpView.OPTION_EOL) {
                int from = c.offset() + 1;
                for (int i = from; i < from + c.remainingBytes(); i++) {
                    if (data[i] != 0) return TcpQuirks.OPT_PLUS;
                }
                return 0;
            }
        }
        return c.malformed() ? TcpQuirks.BAD : 0;
    }

    private void classifyWindow() {
        windowForm = WindowForm.PLAIN;
        windowMultiple = window;
        if (mss <= 0 || window <= 0) return;
        if (window % mss == 0) {
            windowForm = WindowForm.MSS;
            windowMultiple = window / mss;
            return;
        }
        int netMss = mss - TIMESTAMPS_OPTION_BYTES;
        if (timestamps && netMss > 0 && window % netMss == 0) {
            windowForm = WindowForm.MSS;
            windowMultiple = window / netMss;
            return;
        }
        int mtu = mtu();
        if (window % mtu == 0) {
            windowForm = WindowForm.MTU;
            windowMultiple = window / mtu;
        }
    }

    int mtu() { return mss + (version == 6 ? IPV6_MSS_OVERHEAD : IPV4_MSS_OVERHEAD); }

    /** The smallest common initial TTL not below {@code ttl}. */
    static int initialTtl(int ttl) {
        for (int candidate : INITIAL_TTLS) {
            if (ttl <= candidate) return candidate;
        }
        return 255;
    }

    int distance() { return initialTtl - ttl; }

    /** True when the options layout is exactly {@code expected}. */
    boolean layoutEquals(String expected) {
        return CharSequence.compare(layout, expected) == 0;
    }

    /** Writes the text form (class comment) into {@code out}. */
    public ValueBuffer appendTo(ValueBuffer out) {
        out.appendDecimal(version).append(':').appendDecimal(ttl).append('+').appendDecimal(distance()).append(':')
                .appendDecimal(optionsLength).append(':');
        if (mss == NO_MSS) out.append('*');
        else out.appendDecimal(mss);
        out.append(':');
        switch (windowForm) {
            case MSS -> out.append("mss*").appendDecimal(windowMultiple);
            case MTU -> out.append("mtu*").appendDecimal(windowMultiple);
            case PLAIN -> out.appendDecimal(window);
        }
        out.append(',').appendDecimal(Math.max(0, windowScale)).append(':');
        for (int i = 0; i < layout.length(); i++) out.append(layout.charAt(i));
        out.append(':');
        boolean first = true;
        for (int i = 0; i < TcpQuirks.NAMES.length; i++) {
            if ((quirks & 1 << i) == 0) continue;
            if (!first) out.append(',');
            out.append(TcpQuirks.NAMES[i]);
            first = false;
        }
        return out.append(':').append(payload ? '+' : '0');
    }

    @Override
    public String toString() {
        return appendTo(new ValueBuffer()).text();
    }
}
