package io.osprey.packet.decode;

import static io.osprey.packet.decode.Bytes.i64;
import static io.osprey.packet.decode.Bytes.u32;
import static io.osprey.packet.decode.Bytes.u48;
import static io.osprey.packet.decode.Bytes.u8;

/**
 * Walks the options of a neighbour discovery message in wire order without allocating.
 *
 * <pre>
 * RFC 4861 §4.6: type 1 | length 1 (in 8-byte units, kind and length included) | value
 *  1/2 source/target link-layer address: 6-byte MAC on Ethernet (length 1)
 *  3   prefix information (length 4): prefix length 1 | L A flags 1 | valid lifetime 4 | preferred
 *      lifetime 4 | reserved 4 | prefix 16
 *  5   MTU (length 1): reserved 2 | MTU 4
 * </pre>
 *
 * An option with length 0, or running past the message, ends the walk with {@link #malformed()} set
 * (§4.6: "Nodes MUST silently discard an ND packet that contains an option with length zero").
 */
public final class NdOptionCursor {
    public static final int SOURCE_LINK_LAYER_ADDRESS = 1;
    public static final int TARGET_LINK_LAYER_ADDRESS = 2;
    public static final int PREFIX_INFORMATION = 3;
    public static final int REDIRECTED_HEADER = 4;
    public static final int MTU = 5;
    /** RFC 8106. */
    public static final int RECURSIVE_DNS_SERVER = 25;
    public static final int DNS_SEARCH_LIST = 31;

    /** Option lengths are in units of 8 bytes. */
    public static final int LENGTH_UNIT = 8;
    public static final int PREFIX_INFORMATION_LENGTH = 32;
    public static final int PREFIX_LENGTH_OFFSET = 2;
    public static final int PREFIX_FLAGS_OFFSET = PREFIX_LENGTH_OFFSET + 1;
    public static final int PREFIX_VALID_LIFETIME_OFFSET = PREFIX_FLAGS_OFFSET + 1;
    public static final int PREFIX_PREFERRED_LIFETIME_OFFSET = PREFIX_VALID_LIFETIME_OFFSET + 4;
    public static final int PREFIX_ADDRESS_OFFSET = PREFIX_PREFERRED_LIFETIME_OFFSET + 4 + 4;
    public static final int MTU_VALUE_OFFSET = 4;
    public static final int PREFIX_ON_LINK = 0x80;
    public static final int PREFIX_AUTONOMOUS = 0x40;

    private byte[] data;
    private int position;
    private int end;
    private int type;
    private int optionOffset;
    private int optionLength;
    private boolean malformed;

    /** Rewinds the cursor to the first option of {@code icmpv6}; no options when it is not ND. */
    public NdOptionCursor reset(Icmpv6View icmpv6) {
        this.data = icmpv6.data();
        int start = icmpv6.ndOptionsOffset();
        this.position = Math.max(start, 0);
        this.end = start < 0 ? 0 : start + icmpv6.ndOptionsLength();
        this.type = -1;
        this.optionOffset = -1;
        this.optionLength = 0;
        this.malformed = false;
        return this;
    }

    public boolean next() {
        if (position >= end) {
            return false;
        }
        if (end - position < 2) {
            return fail();
        }
        int len = u8(data, position + 1) * LENGTH_UNIT;
        if (len == 0 || len > end - position) {
            return fail();
        }
        type = u8(data, position);
        optionOffset = position;
        optionLength = len;
        position += len;
        return true;
    }

    private boolean fail() {
        malformed = true;
        position = end;
        return false;
    }

    public int type() { return type; }
    /** Option length in bytes, type and length included. */
    public int length() { return optionLength; }
    public int offset() { return optionOffset; }
    public int valueOffset() { return optionOffset + 2; }
    public boolean malformed() { return malformed; }

    /** The MAC of a source/target link-layer address option of Ethernet size, else {@link Packet#NO_MAC}. */
    public long linkLayerAddress() {
        return (type == SOURCE_LINK_LAYER_ADDRESS || type == TARGET_LINK_LAYER_ADDRESS) && optionLength == LENGTH_UNIT
                ? u48(data, optionOffset + 2)
                : Packet.NO_MAC;
    }

    private boolean isPrefix() { return type == PREFIX_INFORMATION && optionLength == PREFIX_INFORMATION_LENGTH; }

    /** Prefix length in bits, -1 unless this is a prefix information option. */
    public int prefixLength() { return isPrefix() ? u8(data, optionOffset + PREFIX_LENGTH_OFFSET) : -1; }
    public int prefixFlags() { return isPrefix() ? u8(data, optionOffset + PREFIX_FLAGS_OFFSET) : 0; }
    public long prefixValidLifetime() { return isPrefix() ? u32(data, optionOffset + PREFIX_VALID_LIFETIME_OFFSET) : -1; }
    public long prefixPreferredLifetime() { return isPrefix() ? u32(data, optionOffset + PREFIX_PREFERRED_LIFETIME_OFFSET) : -1; }
    public long prefixHi() { return isPrefix() ? i64(data, optionOffset + PREFIX_ADDRESS_OFFSET) : 0; }
    public long prefixLo() { return isPrefix() ? i64(data, optionOffset + PREFIX_ADDRESS_OFFSET + 8) : 0; }
    /** The advertised link MTU, -1 unless this is an MTU option. */
    public long mtu() { return type == MTU && optionLength == LENGTH_UNIT ? u32(data, optionOffset + MTU_VALUE_OFFSET) : -1; }
}
