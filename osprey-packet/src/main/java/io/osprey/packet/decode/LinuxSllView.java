package io.osprey.packet.decode;

import static io.osprey.packet.decode.Bytes.i32;
import static io.osprey.packet.decode.Bytes.u16;
import static io.osprey.packet.decode.Bytes.u48;
import static io.osprey.packet.decode.Bytes.u8;

/**
 * The Linux "cooked" capture header (tcpdump.org LINKTYPE_LINUX_SLL and LINKTYPE_LINUX_SLL2), written by
 * libpcap for the "any" device and for interfaces without a usable link-layer header.
 *
 * <pre>
 * SLL (v1), 16 bytes:                         SLL2, 20 bytes:
 *  0  packet type        2                     0  protocol type       2
 *  2  ARPHRD type        2                     2  reserved (0)        2
 *  4  address length     2                     4  interface index     4
 *  6  address            8 (zero padded)       8  ARPHRD type         2
 * 14  protocol type      2                    10  packet type         1
 *                                             11  address length      1
 *                                             12  address             8 (zero padded)
 * </pre>
 *
 * The protocol type is an EtherType, except 0x0001 (Novell 802.3 without LLC) and 0x0004 (an 802.2 LLC
 * header follows), and except for ARPHRD_NETLINK where it is a netlink protocol.
 */
public final class LinuxSllView {
    public static final int V1_PACKET_TYPE_OFFSET = 0;
    public static final int V1_PACKET_TYPE_LENGTH = 2;
    public static final int V1_ARPHRD_OFFSET = V1_PACKET_TYPE_OFFSET + V1_PACKET_TYPE_LENGTH;
    public static final int V1_ARPHRD_LENGTH = 2;
    public static final int V1_ADDRESS_LENGTH_OFFSET = V1_ARPHRD_OFFSET + V1_ARPHRD_LENGTH;
    public static final int V1_ADDRESS_LENGTH_LENGTH = 2;
    public static final int V1_ADDRESS_OFFSET = V1_ADDRESS_LENGTH_OFFSET + V1_ADDRESS_LENGTH_LENGTH;
    public static final int ADDRESS_LENGTH = 8;
    public static final int V1_PROTOCOL_OFFSET = V1_ADDRESS_OFFSET + ADDRESS_LENGTH;
    public static final int PROTOCOL_LENGTH = 2;
    public static final int V1_HEADER_LENGTH = V1_PROTOCOL_OFFSET + PROTOCOL_LENGTH;

    public static final int V2_PROTOCOL_OFFSET = 0;
    public static final int V2_RESERVED_OFFSET = V2_PROTOCOL_OFFSET + PROTOCOL_LENGTH;
    public static final int V2_RESERVED_LENGTH = 2;
    public static final int V2_INTERFACE_INDEX_OFFSET = V2_RESERVED_OFFSET + V2_RESERVED_LENGTH;
    public static final int V2_INTERFACE_INDEX_LENGTH = 4;
    public static final int V2_ARPHRD_OFFSET = V2_INTERFACE_INDEX_OFFSET + V2_INTERFACE_INDEX_LENGTH;
    public static final int V2_ARPHRD_LENGTH = 2;
    public static final int V2_PACKET_TYPE_OFFSET = V2_ARPHRD_OFFSET + V2_ARPHRD_LENGTH;
    public static final int V2_PACKET_TYPE_LENGTH = 1;
    public static final int V2_ADDRESS_LENGTH_OFFSET = V2_PACKET_TYPE_OFFSET + V2_PACKET_TYPE_LENGTH;
    public static final int V2_ADDRESS_LENGTH_LENGTH = 1;
    public static final int V2_ADDRESS_OFFSET = V2_ADDRESS_LENGTH_OFFSET + V2_ADDRESS_LENGTH_LENGTH;
    public static final int V2_HEADER_LENGTH = V2_ADDRESS_OFFSET + ADDRESS_LENGTH;

    /** Packet types (linux/if_packet.h PACKET_*): who the frame was for, seen from the capturing host. */
    public static final int TO_US = 0;
    public static final int BROADCAST = 1;
    public static final int MULTICAST = 2;
    public static final int TO_OTHER_HOST = 3;
    public static final int OUTGOING = 4;

    /** Protocol type values that are not EtherTypes (linux/if_ether.h ETH_P_802_3, ETH_P_802_2). */
    public static final int PROTOCOL_NOVELL_802_3 = 0x0001;
    public static final int PROTOCOL_802_2_LLC = 0x0004;
    /** ARPHRD types (linux/if_arp.h) whose protocol field is not an EtherType. */
    public static final int ARPHRD_IPGRE = 778;
    public static final int ARPHRD_NETLINK = 824;
    public static final int ARPHRD_ETHER = 1;

    private byte[] data;
    private int offset;
    private int length;
    private int version;

    /** Positions the view on an SLL ({@code version} 1) or SLL2 ({@code version} 2) header. */
    public LinuxSllView wrap(byte[] data, int offset, int length, int version) {
        this.data = data;
        this.offset = offset;
        this.length = length;
        this.version = version;
        return this;
    }

    void clear() {
        length = 0;
        version = 0;
    }

    public boolean valid() { return version != 0 && length >= headerLength(); }

    /** 1 for SLL, 2 for SLL2, 0 when the frame was not a cooked capture. */
    public int version() { return version; }
    public int headerLength() { return version == 2 ? V2_HEADER_LENGTH : V1_HEADER_LENGTH; }
    public int packetType() { return version == 2 ? u8(data, offset + V2_PACKET_TYPE_OFFSET) : u16(data, offset + V1_PACKET_TYPE_OFFSET); }
    public int arphrdType() { return u16(data, offset + (version == 2 ? V2_ARPHRD_OFFSET : V1_ARPHRD_OFFSET)); }
    public int addressLength() { return version == 2 ? u8(data, offset + V2_ADDRESS_LENGTH_OFFSET) : u16(data, offset + V1_ADDRESS_LENGTH_OFFSET); }
    public int addressOffset() { return offset + (version == 2 ? V2_ADDRESS_OFFSET : V1_ADDRESS_OFFSET); }
    /** The link-layer address as a MAC when it is 6 bytes long, else {@link Packet#NO_MAC}. */
    public long mac() { return addressLength() == 6 ? u48(data, addressOffset()) : Packet.NO_MAC; }
    public int protocol() { return u16(data, offset + (version == 2 ? V2_PROTOCOL_OFFSET : V1_PROTOCOL_OFFSET)); }
    /** The capturing host's interface index (SLL2 only), -1 for SLL. */
    public int interfaceIndex() { return version == 2 ? i32(data, offset + V2_INTERFACE_INDEX_OFFSET) : -1; }
}
