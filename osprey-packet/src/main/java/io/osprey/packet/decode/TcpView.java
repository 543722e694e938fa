package io.osprey.packet.decode;

import static io.osprey.packet.decode.Bytes.u16;
import static io.osprey.packet.decode.Bytes.u32;
import static io.osprey.packet.decode.Bytes.u8;

/**
 * A TCP header (RFC 9293 §3.1) with its options, read in place.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |       |C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
 * |       |       |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (data offset > 5)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Options (RFC 9293 §3.2): kind 0 (end of list) and 1 (no-op) are one byte; every other option is
 * kind 1 | length 1 (counting kind and length) | value. {@link #options()} walks them in wire order.
 */
public final class TcpView {
    public static final int SOURCE_PORT_OFFSET = 0;
    public static final int PORT_LENGTH = 2;
    public static final int DESTINATION_PORT_OFFSET = SOURCE_PORT_OFFSET + PORT_LENGTH;
    public static final int SEQUENCE_OFFSET = DESTINATION_PORT_OFFSET + PORT_LENGTH;
    public static final int SEQUENCE_LENGTH = 4;
    public static final int ACKNOWLEDGMENT_OFFSET = SEQUENCE_OFFSET + SEQUENCE_LENGTH;
    public static final int ACKNOWLEDGMENT_LENGTH = 4;
    public static final int DATA_OFFSET_OFFSET = ACKNOWLEDGMENT_OFFSET + ACKNOWLEDGMENT_LENGTH;
    public static final int DATA_OFFSET_LENGTH = 1;
    public static final int FLAGS_OFFSET = DATA_OFFSET_OFFSET + DATA_OFFSET_LENGTH;
    public static final int FLAGS_LENGTH = 1;
    public static final int WINDOW_OFFSET = FLAGS_OFFSET + FLAGS_LENGTH;
    public static final int WINDOW_LENGTH = 2;
    public static final int CHECKSUM_OFFSET = WINDOW_OFFSET + WINDOW_LENGTH;
    public static final int CHECKSUM_LENGTH = 2;
    public static final int URGENT_POINTER_OFFSET = CHECKSUM_OFFSET + CHECKSUM_LENGTH;
    public static final int URGENT_POINTER_LENGTH = 2;
    public static final int OPTIONS_OFFSET = URGENT_POINTER_OFFSET + URGENT_POINTER_LENGTH;
    public static final int MIN_HEADER_LENGTH = OPTIONS_OFFSET;
    public static final int MAX_HEADER_LENGTH = 15 * 4;

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;

    /** Option kinds (IANA "TCP Option Kind Numbers"). */
    public static final int OPTION_EOL = 0;
    public static final int OPTION_NOP = 1;
    public static final int OPTION_MSS = 2;
    public static final int OPTION_WINDOW_SCALE = 3;
    public static final int OPTION_SACK_PERMITTED = 4;
    public static final int OPTION_SACK = 5;
    public static final int OPTION_TIMESTAMPS = 8;
    public static final int OPTION_MD5 = 19;
    public static final int OPTION_USER_TIMEOUT = 28;
    public static final int OPTION_AUTHENTICATION = 29;
    public static final int OPTION_MPTCP = 30;
    public static final int OPTION_FAST_OPEN = 34;

    private final TcpOptionCursor cursor = new TcpOptionCursor();
    private byte[] data;
    private int offset;
    private int length;

    public TcpView wrap(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = length;
        return this;
    }

    void clear() { length = 0; }

    /** True when the whole header, options included, was captured and its data offset is at least 5. */
    public boolean valid() {
        return length >= MIN_HEADER_LENGTH && headerLength() >= MIN_HEADER_LENGTH && headerLength() <= length;
    }

    byte[] data() { return data; }
    public int offset() { return offset; }
    /** Captured bytes of the segment, header included, bounded by the IP length. */
    public int length() { return length; }
    public int sourcePort() { return u16(data, offset + SOURCE_PORT_OFFSET); }
    public int destinationPort() { return u16(data, offset + DESTINATION_PORT_OFFSET); }
    public long seq() { return u32(data, offset + SEQUENCE_OFFSET); }
    public long ack() { return u32(data, offset + ACKNOWLEDGMENT_OFFSET); }
    /** Header length in 32-bit words. */
    public int dataOffset() { return u8(data, offset + DATA_OFFSET_OFFSET) >>> 4; }
    public int headerLength() { return dataOffset() << 2; }
    /** The 4 bits between data offset and flags; RFC 9293 reserves them (ex-NS of RFC 3540, AccECN's AE). */
    public int reservedBits() { return u8(data, offset + DATA_OFFSET_OFFSET) & 0x0f; }
    public int flags() { return u8(data, offset + FLAGS_OFFSET); }
    public boolean hasFlags(int mask) { return (flags() & mask) == mask; }
    public int window() { return u16(data, offset + WINDOW_OFFSET); }
    public int checksum() { return u16(data, offset + CHECKSUM_OFFSET); }
    public int urgentPointer() { return u16(data, offset + URGENT_POINTER_OFFSET); }
    public int optionsOffset() { return offset + OPTIONS_OFFSET; }
    /** Captured option bytes: 0 when the fixed header is incomplete, clipped when the options were cut. */
    public int optionsLength() { return length < MIN_HEADER_LENGTH ? 0 : Math.max(0, Math.min(headerLength(), length) - MIN_HEADER_LENGTH); }

    /**
     * This view's option cursor, rewound to the first option. It is shared: a caller that needs two walks
     * at once makes its own {@code new TcpOptionCursor().reset(view)}.
     */
    public TcpOptionCursor options() { return cursor.reset(this); }

    /** Maximum segment size (RFC 9293 §3.7.1), -1 when absent. */
    public int mss() {
        TcpOptionCursor c = options();
        while (c.next()) {
            if (c.kind() == OPTION_MSS && c.length() == 4) {
                return u16(data, c.valueOffset());
            }
        }
        return -1;
    }

    /** Window scale shift count (RFC 7323 §2.2), -1 when absent. */
    public int windowScale() {
        TcpOptionCursor c = options();
        while (c.next()) {
            if (c.kind() == OPTION_WINDOW_SCALE && c.length() == 3) {
                return u8(data, c.valueOffset());
            }
        }
        return -1;
    }

    /** SACK permitted (RFC 2018 §2). */
    public boolean sackPermitted() {
        TcpOptionCursor c = options();
        while (c.next()) {
            if (c.kind() == OPTION_SACK_PERMITTED && c.length() == 2) {
                return true;
            }
        }
        return false;
    }

    /** Timestamps option present (RFC 7323 §3.2). */
    public boolean hasTimestamps() { return timestampsValueOffset() >= 0; }

    /** TSval, unsigned, -1 when the option is absent. */
    public long tsVal() {
        int at = timestampsValueOffset();
        return at < 0 ? -1 : u32(data, at);
    }

    /** TSecr, unsigned, -1 when the option is absent. */
    public long tsEcr() {
        int at = timestampsValueOffset();
        return at < 0 ? -1 : u32(data, at + 4);
    }

    private int timestampsValueOffset() {
        TcpOptionCursor c = options();
        while (c.next()) {
            if (c.kind() == OPTION_TIMESTAMPS && c.length() == 10) {
                return c.valueOffset();
            }
        }
        return -1;
    }

    /**
     * Appends the option layout in p0f's notation ({@code mss,nop,ws,sok,ts}: p0f v3 README §5 "olayout"):
     * {@code eol+N} for an end-of-list followed by N bytes, {@code ?K} for another kind K. A malformed
     * option ends the list (p0f's "bad" quirk; see {@link TcpOptionCursor#malformed()}).
     */
    public StringBuilder appendOptionLayout(StringBuilder out) {
        TcpOptionCursor c = options();
        boolean first = true;
        while (c.next()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            switch (c.kind()) {
                case OPTION_EOL -> out.append("eol+").append(c.remainingBytes());
                case OPTION_NOP -> out.append("nop");
                case OPTION_MSS -> out.append("mss");
                case OPTION_WINDOW_SCALE -> out.append("ws");
                case OPTION_SACK_PERMITTED -> out.append("sok");
                case OPTION_SACK -> out.append("sack");
                case OPTION_TIMESTAMPS -> out.append("ts");
                default -> out.append('?').append(c.kind());
            }
        }
        return out;
    }
}
