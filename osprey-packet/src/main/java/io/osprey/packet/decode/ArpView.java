package io.osprey.packet.decode;

import static io.osprey.packet.decode.Bytes.i32;
import static io.osprey.packet.decode.Bytes.u16;
import static io.osprey.packet.decode.Bytes.u48;
import static io.osprey.packet.decode.Bytes.u8;

/**
 * An ARP packet (RFC 826). The fixed offsets below are those of the Ethernet/IPv4 form, the only one
 * {@link #valid()} accepts; {@link #hardwareLength()} and {@link #protocolLength()} tell other forms apart.
 *
 * <pre>
 *  0  hardware type 2 | 2 protocol type 2 | 4 hlen 1 | 5 plen 1 | 6 opcode 2
 *  8  sender hardware address 6 | 14 sender protocol address 4
 * 18  target hardware address 6 | 24 target protocol address 4 | 28
 * </pre>
 */
public final class ArpView {
    public static final int HARDWARE_TYPE_OFFSET = 0;
    public static final int HARDWARE_TYPE_LENGTH = 2;
    public static final int PROTOCOL_TYPE_OFFSET = HARDWARE_TYPE_OFFSET + HARDWARE_TYPE_LENGTH;
    public static final int PROTOCOL_TYPE_LENGTH = 2;
    public static final int HARDWARE_LENGTH_OFFSET = PROTOCOL_TYPE_OFFSET + PROTOCOL_TYPE_LENGTH;
    public static final int HARDWARE_LENGTH_LENGTH = 1;
    public static final int PROTOCOL_LENGTH_OFFSET = HARDWARE_LENGTH_OFFSET + HARDWARE_LENGTH_LENGTH;
    public static final int PROTOCOL_LENGTH_LENGTH = 1;
    public static final int OPCODE_OFFSET = PROTOCOL_LENGTH_OFFSET + PROTOCOL_LENGTH_LENGTH;
    public static final int OPCODE_LENGTH = 2;
    /** The part every ARP packet has, whatever its address sizes. */
    public static final int FIXED_LENGTH = OPCODE_OFFSET + OPCODE_LENGTH;
    public static final int SENDER_MAC_OFFSET = FIXED_LENGTH;
    public static final int MAC_LENGTH = 6;
    public static final int SENDER_IP_OFFSET = SENDER_MAC_OFFSET + MAC_LENGTH;
    public static final int IPV4_LENGTH = 4;
    public static final int TARGET_MAC_OFFSET = SENDER_IP_OFFSET + IPV4_LENGTH;
    public static final int TARGET_IP_OFFSET = TARGET_MAC_OFFSET + MAC_LENGTH;
    /** An Ethernet/IPv4 ARP packet. */
    public static final int ETHERNET_IPV4_LENGTH = TARGET_IP_OFFSET + IPV4_LENGTH;

    /** Hardware types (IANA ARP parameters): Ethernet, and IEEE 802 networks, which also use 48-bit MACs. */
    public static final int HARDWARE_ETHERNET = 1;
    public static final int HARDWARE_IEEE_802 = 6;
    public static final int REQUEST = 1;
    public static final int REPLY = 2;
    public static final int RARP_REQUEST = 3;
    public static final int RARP_REPLY = 4;

    private byte[] data;
    private int offset;
    private int length;

    public ArpView wrap(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = length;
        return this;
    }

    void clear() { length = 0; }

    /** True for a complete ARP packet mapping IPv4 addresses to 48-bit MACs. */
    public boolean valid() {
        return length >= ETHERNET_IPV4_LENGTH
                && (hardwareType() == HARDWARE_ETHERNET || hardwareType() == HARDWARE_IEEE_802)
                && protocolType() == EtherTypes.IPV4
                && hardwareLength() == MAC_LENGTH
                && protocolLength() == IPV4_LENGTH;
    }

    public int offset() { return offset; }
    public int length() { return length; }
    public int hardwareType() { return u16(data, offset + HARDWARE_TYPE_OFFSET); }
    public int protocolType() { return u16(data, offset + PROTOCOL_TYPE_OFFSET); }
    public int hardwareLength() { return u8(data, offset + HARDWARE_LENGTH_OFFSET); }
    public int protocolLength() { return u8(data, offset + PROTOCOL_LENGTH_OFFSET); }
    public int opcode() { return u16(data, offset + OPCODE_OFFSET); }
    public long senderMac() { return u48(data, offset + SENDER_MAC_OFFSET); }
    public int senderIp() { return i32(data, offset + SENDER_IP_OFFSET); }
    public long targetMac() { return u48(data, offset + TARGET_MAC_OFFSET); }
    public int targetIp() { return i32(data, offset + TARGET_IP_OFFSET); }
    /** A gratuitous ARP (RFC 5227 §3) announces the sender's own address: sender IP equals target IP. */
    public boolean isGratuitous() { return senderIp() == targetIp(); }
    /** An ARP probe (RFC 5227 §2.1.1) asks for an address with sender IP 0.0.0.0. */
    public boolean isProbe() { return opcode() == REQUEST && senderIp() == 0; }
}
