package io.osprey.packet.decode;

import static io.osprey.packet.decode.Bytes.i32;
import static io.osprey.packet.decode.Bytes.u16;
import static io.osprey.packet.decode.Bytes.u8;

/**
 * An IPv4 header (RFC 791 §3.1), read in place. The view's length is the datagram as captured and as
 * bounded by its total length, so Ethernet padding after a short datagram is not part of it.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |    DSCP   |ECN|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (IHL > 5)                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Flags: bit 0 reserved (must be zero), bit 1 DF (don't fragment), bit 2 MF (more fragments).
 */
public final class Ipv4View {
    public static final int VERSION_IHL_OFFSET = 0;
    public static final int VERSION_IHL_LENGTH = 1;
    public static final int TOS_OFFSET = VERSION_IHL_OFFSET + VERSION_IHL_LENGTH;
    public static final int TOS_LENGTH = 1;
    public static final int TOTAL_LENGTH_OFFSET = TOS_OFFSET + TOS_LENGTH;
    public static final int TOTAL_LENGTH_LENGTH = 2;
    public static final int IDENTIFICATION_OFFSET = TOTAL_LENGTH_OFFSET + TOTAL_LENGTH_LENGTH;
    public static final int IDENTIFICATION_LENGTH = 2;
    public static final int FLAGS_FRAGMENT_OFFSET = IDENTIFICATION_OFFSET + IDENTIFICATION_LENGTH;
    public static final int FLAGS_FRAGMENT_LENGTH = 2;
    public static final int TTL_OFFSET = FLAGS_FRAGMENT_OFFSET + FLAGS_FRAGMENT_LENGTH;
    public static final int TTL_LENGTH = 1;
    public static final int PROTOCOL_OFFSET = TTL_OFFSET + TTL_LENGTH;
    public static final int PROTOCOL_LENGTH = 1;
    public static final int CHECKSUM_OFFSET = PROTOCOL_OFFSET + PROTOCOL_LENGTH;
    public static final int CHECKSUM_LENGTH = 2;
    public static final int SOURCE_OFFSET = CHECKSUM_OFFSET + CHECKSUM_LENGTH;
    public static final int ADDRESS_LENGTH = 4;
    public static final int DESTINATION_OFFSET = SOURCE_OFFSET + ADDRESS_LENGTH;
    public static final int OPTIONS_OFFSET = DESTINATION_OFFSET + ADDRESS_LENGTH;
    public static final int MIN_HEADER_LENGTH = OPTIONS_OFFSET;
    /** IHL is 4 bits of 32-bit words. */
    public static final int MAX_HEADER_LENGTH = 15 * 4;

    public static final int FLAG_RESERVED = 0x8000;
    public static final int FLAG_DONT_FRAGMENT = 0x4000;
    public static final int FLAG_MORE_FRAGMENTS = 0x2000;
    public static final int FRAGMENT_OFFSET_MASK = 0x1fff;

    /** Option types (IANA "IP Option Numbers") that show up in passive captures. */
    public static final int OPTION_END = 0;
    public static final int OPTION_NOP = 1;
    public static final int OPTION_RECORD_ROUTE = 7;
    public static final int OPTION_TIMESTAMP = 68;
    public static final int OPTION_LOOSE_SOURCE_ROUTE = 131;
    public static final int OPTION_STRICT_SOURCE_ROUTE = 137;
    /** RFC 2113; every IGMPv2/v3 message carries it. */
    public static final int OPTION_ROUTER_ALERT = 148;

    private byte[] data;
    private int offset;
    private int length;

    public Ipv4View wrap(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = length;
        return this;
    }

    void clear() { length = 0; }

    /** True when the header, options included, was captured and claims version 4 with IHL of at least 5. */
    public boolean valid() {
        return length >= MIN_HEADER_LENGTH && version() == 4 && headerLength() >= MIN_HEADER_LENGTH && headerLength() <= length;
    }

    public int offset() { return offset; }
    /** The datagram's captured bytes, bounded by {@link #totalLength()} (except when that is 0, see TSO). */
    public int length() { return length; }
    public int version() { return u8(data, offset + VERSION_IHL_OFFSET) >>> 4; }
    /** Header length in 32-bit words. */
    public int ihl() { return u8(data, offset + VERSION_IHL_OFFSET) & 0x0f; }
    public int headerLength() { return ihl() << 2; }
    public int tos() { return u8(data, offset + TOS_OFFSET); }
    /** Differentiated services code point (RFC 2474). */
    public int dscp() { return tos() >>> 2; }
    /** Explicit congestion notification (RFC 3168). */
    public int ecn() { return tos() & 0x03; }
    /** 0 in captures taken on a host whose NIC does TCP segmentation offload. */
    public int totalLength() { return u16(data, offset + TOTAL_LENGTH_OFFSET); }
    public int identification() { return u16(data, offset + IDENTIFICATION_OFFSET); }
    /** The three flag bits in place (masks {@link #FLAG_DONT_FRAGMENT} etc.). */
    public int flags() { return u16(data, offset + FLAGS_FRAGMENT_OFFSET) & 0xe000; }
    public boolean reservedFlag() { return (flags() & FLAG_RESERVED) != 0; }
    public boolean dontFragment() { return (flags() & FLAG_DONT_FRAGMENT) != 0; }
    public boolean moreFragments() { return (flags() & FLAG_MORE_FRAGMENTS) != 0; }
    /** Fragment offset in 8-byte units. */
    public int fragmentOffset() { return u16(data, offset + FLAGS_FRAGMENT_OFFSET) & FRAGMENT_OFFSET_MASK; }
    public int fragmentOffsetBytes() { return fragmentOffset() << 3; }
    public int ttl() { return u8(data, offset + TTL_OFFSET); }
    public int protocol() { return u8(data, offset + PROTOCOL_OFFSET); }
    public int headerChecksum() { return u16(data, offset + CHECKSUM_OFFSET); }
    public int source() { return i32(data, offset + SOURCE_OFFSET); }
    public int destination() { return i32(data, offset + DESTINATION_OFFSET); }
    /** Absolute offset of the options in the frame (they run to {@link #headerLength()}). */
    public int optionsOffset() { return offset + OPTIONS_OFFSET; }
    public int optionsLength() { return headerLength() - MIN_HEADER_LENGTH; }

    /** RFC 791 §3.1 / RFC 1071: the ones'-complement sum over the header, checksum included, is 0xffff. */
    public boolean headerChecksumValid() {
        int sum = 0;
        int end = offset + headerLength();
        for (int i = offset; i < end; i += 2) {
            sum += u16(data, i);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return sum == 0xffff;
    }
}
