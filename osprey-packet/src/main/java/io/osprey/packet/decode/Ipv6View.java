package io.osprey.packet.decode;

import static io.osprey.packet.decode.Bytes.i32;
import static io.osprey.packet.decode.Bytes.i64;
import static io.osprey.packet.decode.Bytes.u16;
import static io.osprey.packet.decode.Bytes.u8;

/**
 * An IPv6 header (RFC 8200 §3) and the extension headers the decoder walked (RFC 8200 §4).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Source Address (16)                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Destination Address (16)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Extension headers: hop-by-hop (0), routing (43), destination options (60): next header 1 | length 1
 * (8-byte units, not counting the first 8) | data. Fragment (44): next header 1 | reserved 1 | offset 13
 * bits, 2 reserved bits, M flag | identification 4. AH (51, RFC 4302 §2): next header 1 | length 1
 * (4-byte units minus 2) | ... . ESP (50) and "no next header" (59) end the walk.
 */
public final class Ipv6View {
    public static final int VERSION_CLASS_FLOW_OFFSET = 0;
    public static final int VERSION_CLASS_FLOW_LENGTH = 4;
    public static final int PAYLOAD_LENGTH_OFFSET = VERSION_CLASS_FLOW_OFFSET + VERSION_CLASS_FLOW_LENGTH;
    public static final int PAYLOAD_LENGTH_LENGTH = 2;
    public static final int NEXT_HEADER_OFFSET = PAYLOAD_LENGTH_OFFSET + PAYLOAD_LENGTH_LENGTH;
    public static final int NEXT_HEADER_LENGTH = 1;
    public static final int HOP_LIMIT_OFFSET = NEXT_HEADER_OFFSET + NEXT_HEADER_LENGTH;
    public static final int HOP_LIMIT_LENGTH = 1;
    public static final int SOURCE_OFFSET = HOP_LIMIT_OFFSET + HOP_LIMIT_LENGTH;
    public static final int ADDRESS_LENGTH = 16;
    public static final int DESTINATION_OFFSET = SOURCE_OFFSET + ADDRESS_LENGTH;
    public static final int HEADER_LENGTH = DESTINATION_OFFSET + ADDRESS_LENGTH;

    /** Within an extension header. */
    public static final int EXTENSION_NEXT_HEADER_OFFSET = 0;
    public static final int EXTENSION_LENGTH_OFFSET = 1;
    public static final int FRAGMENT_HEADER_LENGTH = 8;
    public static final int FRAGMENT_OFFSET_FLAGS_OFFSET = 2;
    public static final int FRAGMENT_IDENTIFICATION_OFFSET = 4;

    /**
     * Extension headers walked before giving up. RFC 8200 §4.1 allows each type once (destination
     * options twice), so a legitimate chain has at most 6 of the kinds decoded here; longer chains are
     * an evasion technique (RFC 7112) and are reported as {@link Packet#MALFORMED_IPV6}.
     */
    public static final int MAX_EXTENSION_HEADERS = 8;

    private final int[] extensionType = new int[MAX_EXTENSION_HEADERS];
    private final int[] extensionOffset = new int[MAX_EXTENSION_HEADERS];
    private final int[] extensionLength = new int[MAX_EXTENSION_HEADERS];
    private int extensionCount;

    private byte[] data;
    private int offset;
    private int length;

    /** Positions the view on a header; the extension-header list is emptied (the decoder fills it). */
    public Ipv6View wrap(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = length;
        this.extensionCount = 0;
        return this;
    }

    void clear() {
        length = 0;
        extensionCount = 0;
    }

    /** Appends an extension header; the decoder checks the count against {@link #MAX_EXTENSION_HEADERS}. */
    void addExtension(int type, int absoluteOffset, int headerLength) {
        extensionType[extensionCount] = type;
        extensionOffset[extensionCount] = absoluteOffset;
        extensionLength[extensionCount] = headerLength;
        extensionCount++;
    }

    public boolean valid() { return length >= HEADER_LENGTH && version() == 6; }

    public int offset() { return offset; }
    /** The packet's captured bytes, bounded by 40 + {@link #payloadLength()} (except when that is 0). */
    public int length() { return length; }
    public int version() { return u8(data, offset) >>> 4; }
    public int trafficClass() { return i32(data, offset) >>> 20 & 0xff; }
    public int dscp() { return trafficClass() >>> 2; }
    public int ecn() { return trafficClass() & 0x03; }
    public int flowLabel() { return i32(data, offset) & 0x000f_ffff; }
    /** 0 for jumbograms (RFC 2675) and in captures taken with segmentation offload. */
    public int payloadLength() { return u16(data, offset + PAYLOAD_LENGTH_OFFSET); }
    /** The next header of the fixed header, i.e. the first extension header or the upper layer. */
    public int nextHeader() { return u8(data, offset + NEXT_HEADER_OFFSET); }
    public int hopLimit() { return u8(data, offset + HOP_LIMIT_OFFSET); }
    public long sourceHi() { return i64(data, offset + SOURCE_OFFSET); }
    public long sourceLo() { return i64(data, offset + SOURCE_OFFSET + 8); }
    public long destinationHi() { return i64(data, offset + DESTINATION_OFFSET); }
    public long destinationLo() { return i64(data, offset + DESTINATION_OFFSET + 8); }

    /** Number of extension headers the decoder walked, in wire order. */
    public int extensionHeaderCount() { return extensionCount; }
    /** The protocol number of extension header {@code i} ({@link IpProtocols#HOP_BY_HOP}, ...). */
    public int extensionHeaderType(int i) { return extensionType[i]; }
    /** Absolute offset of extension header {@code i} in the frame. */
    public int extensionHeaderOffset(int i) { return extensionOffset[i]; }
    public int extensionHeaderLength(int i) { return extensionLength[i]; }
    /** True when the walked chain contains an extension header of {@code type}. */
    public boolean hasExtensionHeader(int type) {
        for (int i = 0; i < extensionCount; i++) {
            if (extensionType[i] == type) {
                return true;
            }
        }
        return false;
    }
    /** The routing type of the first routing header (0 is deprecated by RFC 5095), -1 when none. */
    public int routingType() {
        for (int i = 0; i < extensionCount; i++) {
            if (extensionType[i] == IpProtocols.ROUTING) {
                return u8(data, extensionOffset[i] + 2);
            }
        }
        return -1;
    }
}
