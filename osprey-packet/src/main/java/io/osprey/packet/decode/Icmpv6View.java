package io.osprey.packet.decode;

import static io.osprey.packet.decode.Bytes.i32;
import static io.osprey.packet.decode.Bytes.i64;
import static io.osprey.packet.decode.Bytes.u16;
import static io.osprey.packet.decode.Bytes.u32;
import static io.osprey.packet.decode.Bytes.u8;

/**
 * An ICMPv6 message (RFC 4443 §2.1) and the neighbour discovery messages of RFC 4861 §4.
 *
 * <pre>
 *  0      1      2          4                         8
 *  +------+------+----------+-------------------------+------
 *  | type | code | checksum | message body ...
 *  +------+------+----------+-------------------------+------
 *  RS  133 (§4.1): reserved 4                                              | options at 8
 *  RA  134 (§4.2): cur hop limit 1 | M O H Prf flags 1 | router lifetime 2 | reachable time 4
 *                  | retrans timer 4                                       | options at 16
 *  NS  135 (§4.3): reserved 4 | target address 16                          | options at 24
 *  NA  136 (§4.4): R S O flags + reserved 4 | target address 16            | options at 24
 *  Redirect 137 (§4.5): reserved 4 | target 16 | destination 16            | options at 40
 * </pre>
 *
 * {@link #ndOptions()} walks the options; ND getters are meaningful when {@link #ndValid()} is true.
 */
public final class Icmpv6View {
    public static final int TYPE_OFFSET = 0;
    public static final int TYPE_LENGTH = 1;
    public static final int CODE_OFFSET = TYPE_OFFSET + TYPE_LENGTH;
    public static final int CODE_LENGTH = 1;
    public static final int CHECKSUM_OFFSET = CODE_OFFSET + CODE_LENGTH;
    public static final int CHECKSUM_LENGTH = 2;
    public static final int BODY_OFFSET = CHECKSUM_OFFSET + CHECKSUM_LENGTH;
    /** Every ICMPv6 message has at least a 4-byte word after the checksum. */
    public static final int HEADER_LENGTH = BODY_OFFSET + 4;

    public static final int RA_HOP_LIMIT_OFFSET = BODY_OFFSET;
    public static final int RA_FLAGS_OFFSET = RA_HOP_LIMIT_OFFSET + 1;
    public static final int RA_ROUTER_LIFETIME_OFFSET = RA_FLAGS_OFFSET + 1;
    public static final int RA_REACHABLE_TIME_OFFSET = RA_ROUTER_LIFETIME_OFFSET + 2;
    public static final int RA_RETRANS_TIMER_OFFSET = RA_REACHABLE_TIME_OFFSET + 4;
    public static final int RA_OPTIONS_OFFSET = RA_RETRANS_TIMER_OFFSET + 4;
    public static final int RS_OPTIONS_OFFSET = HEADER_LENGTH;
    public static final int NA_FLAGS_OFFSET = BODY_OFFSET;
    public static final int TARGET_OFFSET = HEADER_LENGTH;
    public static final int ADDRESS_LENGTH = 16;
    public static final int NS_NA_OPTIONS_OFFSET = TARGET_OFFSET + ADDRESS_LENGTH;
    public static final int REDIRECT_DESTINATION_OFFSET = TARGET_OFFSET + ADDRESS_LENGTH;
    public static final int REDIRECT_OPTIONS_OFFSET = REDIRECT_DESTINATION_OFFSET + ADDRESS_LENGTH;

    public static final int DESTINATION_UNREACHABLE = 1;
    public static final int PACKET_TOO_BIG = 2;
    public static final int TIME_EXCEEDED = 3;
    public static final int PARAMETER_PROBLEM = 4;
    public static final int ECHO_REQUEST = 128;
    public static final int ECHO_REPLY = 129;
    public static final int MLD_QUERY = 130;
    public static final int MLD_REPORT = 131;
    public static final int MLD_DONE = 132;
    public static final int ROUTER_SOLICITATION = 133;
    public static final int ROUTER_ADVERTISEMENT = 134;
    public static final int NEIGHBOR_SOLICITATION = 135;
    public static final int NEIGHBOR_ADVERTISEMENT = 136;
    public static final int REDIRECT = 137;
    public static final int MLDV2_REPORT = 143;

    /** RA flags (RFC 4861 §4.2, RFC 3775 H, RFC 4191 Prf). */
    public static final int RA_MANAGED = 0x80;
    public static final int RA_OTHER_CONFIG = 0x40;
    public static final int RA_HOME_AGENT = 0x20;
    /** NA flags (RFC 4861 §4.4), in the first byte of the body. */
    public static final int NA_ROUTER = 0x80;
    public static final int NA_SOLICITED = 0x40;
    public static final int NA_OVERRIDE = 0x20;

    private final NdOptionCursor cursor = new NdOptionCursor();
    private byte[] data;
    private int offset;
    private int length;

    public Icmpv6View wrap(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = length;
        return this;
    }

    void clear() { length = 0; }

    public boolean valid() { return length >= HEADER_LENGTH; }

    byte[] data() { return data; }
    public int offset() { return offset; }
    public int length() { return length; }
    public int type() { return u8(data, offset + TYPE_OFFSET); }
    public int code() { return u8(data, offset + CODE_OFFSET); }
    public int checksum() { return u16(data, offset + CHECKSUM_OFFSET); }
    /** The 4 bytes after the checksum (echo identifier/sequence, MTU, pointer, ND flags). */
    public int body() { return i32(data, offset + BODY_OFFSET); }
    public int identifier() { return u16(data, offset + BODY_OFFSET); }
    public int sequence() { return u16(data, offset + BODY_OFFSET + 2); }
    /** RFC 4443 §3.2. */
    public long mtu() { return u32(data, offset + BODY_OFFSET); }
    public boolean isError() { return type() < 128; }
    public boolean isNeighborDiscovery() { return type() >= ROUTER_SOLICITATION && type() <= REDIRECT; }

    /** Fixed part of an ND message of {@code type} (options start there), -1 for other types. */
    public static int ndFixedLength(int type) {
        return switch (type) {
            case ROUTER_SOLICITATION -> RS_OPTIONS_OFFSET;
            case ROUTER_ADVERTISEMENT -> RA_OPTIONS_OFFSET;
            case NEIGHBOR_SOLICITATION, NEIGHBOR_ADVERTISEMENT -> NS_NA_OPTIONS_OFFSET;
            case REDIRECT -> REDIRECT_OPTIONS_OFFSET;
            default -> -1;
        };
    }

    /** True for an ND message whose fixed part was captured. */
    public boolean ndValid() {
        if (!valid()) {
            return false;
        }
        int fixed = ndFixedLength(type());
        return fixed >= 0 && length >= fixed;
    }

    /** Absolute offset of the ND options, -1 when this is not a complete ND message. */
    public int ndOptionsOffset() { return ndValid() ? offset + ndFixedLength(type()) : -1; }
    /** Captured bytes of ND options. */
    public int ndOptionsLength() { return ndValid() ? length - ndFixedLength(type()) : 0; }

    public int raHopLimit() { return u8(data, offset + RA_HOP_LIMIT_OFFSET); }
    public int raFlags() { return u8(data, offset + RA_FLAGS_OFFSET); }
    public boolean raManaged() { return (raFlags() & RA_MANAGED) != 0; }
    public boolean raOtherConfig() { return (raFlags() & RA_OTHER_CONFIG) != 0; }
    /** Default router preference (RFC 4191 §2.2): 1 high, 0 medium, 3 low, 2 reserved. */
    public int raPreference() { return raFlags() >>> 3 & 0x03; }
    /** Seconds; 0 means "not a default router". */
    public int routerLifetime() { return u16(data, offset + RA_ROUTER_LIFETIME_OFFSET); }
    public long reachableTime() { return u32(data, offset + RA_REACHABLE_TIME_OFFSET); }
    public long retransTimer() { return u32(data, offset + RA_RETRANS_TIMER_OFFSET); }
    public int naFlags() { return u8(data, offset + NA_FLAGS_OFFSET); }
    public boolean naRouter() { return (naFlags() & NA_ROUTER) != 0; }
    public boolean naSolicited() { return (naFlags() & NA_SOLICITED) != 0; }
    public boolean naOverride() { return (naFlags() & NA_OVERRIDE) != 0; }
    /** Target address of NS, NA and Redirect. */
    public long targetHi() { return i64(data, offset + TARGET_OFFSET); }
    public long targetLo() { return i64(data, offset + TARGET_OFFSET + 8); }
    public long redirectDestinationHi() { return i64(data, offset + REDIRECT_DESTINATION_OFFSET); }
    public long redirectDestinationLo() { return i64(data, offset + REDIRECT_DESTINATION_OFFSET + 8); }

    /** This view's ND option cursor, rewound (shared; see {@link TcpView#options()}). */
    public NdOptionCursor ndOptions() { return cursor.reset(this); }

    /**
     * The link-layer address from the first source (RS, NS, RA) or target (NA, Redirect) link-layer address
     * option, {@link Packet#NO_MAC} when there is none.
     */
    public long linkLayerAddress() {
        NdOptionCursor c = ndOptions();
        while (c.next()) {
            long mac = c.linkLayerAddress();
            if (mac != Packet.NO_MAC) {
                return mac;
            }
        }
        return Packet.NO_MAC;
    }
}
