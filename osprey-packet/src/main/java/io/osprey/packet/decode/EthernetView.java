package io.osprey.packet.decode;

import static io.osprey.packet.decode.Bytes.u16;
import static io.osprey.packet.decode.Bytes.u48;

/**
 * An Ethernet MAC header (IEEE 802.3 §3.1.1) with its IEEE 802.1Q / 802.1ad VLAN tags, read in place.
 *
 * <pre>
 *  0                6                12              12 + 4n
 *  +----------------+----------------+---------------+-------------+
 *  | destination 6  | source 6       | tag 4 (x n)   | type/length |
 *  +----------------+----------------+---------------+-------------+
 *  tag (802.1Q §9.6): TPID 2 (0x8100, 0x88a8, 0x9100) | PCP 3 bits | DEI 1 bit | VID 12 bits
 * </pre>
 *
 * A type/length value up to {@link EtherTypes#MAX_802_3_LENGTH} is an IEEE 802.3 length and an 802.2 LLC
 * header follows (decoded into {@link Packet#llcDsap()} and friends); from 0x0600 on it is an EtherType.
 */
public final class EthernetView {
    public static final int DESTINATION_OFFSET = 0;
    public static final int DESTINATION_LENGTH = 6;
    public static final int SOURCE_OFFSET = DESTINATION_OFFSET + DESTINATION_LENGTH;
    public static final int SOURCE_LENGTH = 6;
    public static final int TAGS_OFFSET = SOURCE_OFFSET + SOURCE_LENGTH;
    public static final int TAG_LENGTH = 4;
    /** Within a tag: the tag control information follows the 2-byte TPID. */
    public static final int TAG_CONTROL_OFFSET = 2;
    public static final int TYPE_LENGTH = 2;
    /** An untagged header. */
    public static final int HEADER_LENGTH = TAGS_OFFSET + TYPE_LENGTH;
    /**
     * Tags decoded before giving up (QinQ uses two; more only appear in lab setups or attacks). A frame
     * with more is reported as {@link Packet#MALFORMED_LINK}.
     */
    public static final int MAX_VLAN_TAGS = 4;

    private byte[] data;
    private int offset;
    private int length;
    private int tagCount;

    /** Positions the view on a frame that starts with a MAC header and counts its VLAN tags. */
    public EthernetView wrap(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = length;
        int n = 0;
        int end = offset + length;
        for (int pos = offset + TAGS_OFFSET;
             n < MAX_VLAN_TAGS && pos + TAG_LENGTH + TYPE_LENGTH <= end && EtherTypes.isVlanTag(u16(data, pos));
             pos += TAG_LENGTH) {
            n++;
        }
        this.tagCount = n;
        return this;
    }

    void clear() {
        length = 0;
        tagCount = 0;
    }

    /** True when the header, tags included, was captured. */
    public boolean valid() { return length >= headerLength(); }

    public int offset() { return offset; }
    public int length() { return length; }
    public long destination() { return u48(data, offset + DESTINATION_OFFSET); }
    public long source() { return u48(data, offset + SOURCE_OFFSET); }
    public int tagCount() { return tagCount; }
    /** The TPID of tag {@code i}, 0 being the outermost. */
    public int tagProtocolId(int i) { return u16(data, offset + TAGS_OFFSET + i * TAG_LENGTH); }
    public int tagControl(int i) { return u16(data, offset + TAGS_OFFSET + i * TAG_LENGTH + TAG_CONTROL_OFFSET); }
    public int vlanId(int i) { return tagControl(i) & 0x0fff; }
    /** Priority code point (802.1Q §6.9.3); PROFINET RT frames use 6 in a VLAN 0 "priority tag". */
    public int priority(int i) { return tagControl(i) >>> 13; }
    public boolean dropEligible(int i) { return (tagControl(i) & 0x1000) != 0; }
    public int typeOrLength() { return u16(data, offset + TAGS_OFFSET + tagCount * TAG_LENGTH); }
    public boolean isLengthField() { return typeOrLength() <= EtherTypes.MAX_802_3_LENGTH; }
    public int headerLength() { return HEADER_LENGTH + tagCount * TAG_LENGTH; }
}
