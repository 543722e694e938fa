package io.osprey.packet.decode;

import static io.osprey.packet.decode.Bytes.i32le;
import static io.osprey.packet.decode.Bytes.i64;
import static io.osprey.packet.decode.Bytes.u16;
import static io.osprey.packet.decode.Bytes.u24;
import static io.osprey.packet.decode.Bytes.u32;
import static io.osprey.packet.decode.Bytes.u48;
import static io.osprey.packet.decode.Bytes.u8;

import io.osprey.packet.capture.Frame;
import io.osprey.packet.capture.LinkType;

/**
 * Decodes a frame's headers into a reusable {@link Packet}: link layer (Ethernet II, 802.1Q/QinQ, 802.3
 * LLC/SNAP, Linux SLL/SLL2, raw IP, BSD NULL/LOOP), ARP, IPv4 (options, fragments), IPv6 (extension
 * headers), TCP, UDP, ICMP and ICMPv6.
 *
 * <p>The decoder is stateless and allocation-free: every read is bounds-checked against the captured
 * length first, nothing throws, and a truncated or invalid header sets its layer's bit in
 * {@link Packet#malformed()} and ends decoding there. One decoder may be shared by threads; a
 * {@link Packet} may not.
 *
 * <p>Lenient on purpose, as a passive sensor sees what hosts really send:
 * <ul>
 *   <li>IPv4 total length 0 and IPv6 payload length 0 (captures on a host with segmentation offload, and
 *       RFC 2675 jumbograms) fall back to the captured length without a malformed bit.</li>
 *   <li>An IP or UDP length larger than the bytes present sets the layer's bit only when the capture was
 *       not cut by the snap length, and decoding continues over what is there.</li>
 *   <li>A TCP header whose options were cut keeps its ports and flags (the fixed 20 bytes are intact) but
 *       gets {@link Packet#MALFORMED_TCP} and no payload.</li>
 * </ul>
 */
public final class PacketDecoder {
    /** BSD loopback header: the 4-byte address family. */
    static final int NULL_HEADER_LENGTH = 4;
    /** IEEE 802.2 LLC header with a one-byte (U-format) control field, then the 5-byte SNAP header. */
    static final int LLC_HEADER_LENGTH = 3;
    static final int SNAP_HEADER_LENGTH = 5;
    static final int LLC_SAP_SNAP = 0xaa;
    /** Novell "raw 802.3": IPX directly after the length field, whose checksum field is always 0xffff. */
    static final int NOVELL_RAW_MARKER = 0xffff;
    /** RFC 1042 OUI for encapsulated EtherTypes, and Cisco's 00-00-F8 variant of it (802.1H bridge tunnel). */
    static final int OUI_ENCAPSULATED_ETHERNET = 0x000000;
    static final int OUI_BRIDGE_TUNNEL = 0x0000f8;
    /** Address families of BSD loopback headers (tcpdump.org LINKTYPE_NULL). */
    static final int AF_INET = 2;
    static final int AF_INET6_BSD = 24;
    static final int AF_INET6_FREEBSD = 28;
    static final int AF_INET6_DARWIN = 30;

    /** Decodes a frame handed over by a capture source. */
    public boolean decode(Frame frame, Packet p) {
        return decode(frame.data(), frame.length(), frame.wireLength(), frame.timestampNanos(), frame.linkType(), p);
    }

    /**
     * Resets {@code p} and fills it from {@code data[0..length)}. Returns false only when nothing could be
     * decoded: an empty frame, an unsupported link type, or a link header that is too short or (raw IP)
     * not IP; the bits in {@link Packet#malformed()} then tell which.
     */
    public boolean decode(byte[] data, int length, int wireLength, long timestampNanos, int linkType, Packet p) {
        p.reset();
        int len = data == null ? 0 : Math.clamp(length, 0, data.length);
        p.data = data;
        p.length = len;
        p.wireLength = Math.max(wireLength, len);
        p.timestampNanos = timestampNanos;
        p.linkType = linkType;
        if (len == 0) {
            return false;
        }
        return switch (linkType) {
            case LinkType.ETHERNET -> ethernet(p, data, len);
            case LinkType.LINUX_SLL -> linuxSll(p, data, len);
            case LinkType.LINUX_SLL2 -> linuxSll2(p, data, len);
            case LinkType.RAW, LinkType.RAW_LEGACY_12, LinkType.RAW_LEGACY_14 -> rawIp(p, data, len);
            case LinkType.IPV4 -> ip(p, data, EtherTypes.IPV4, 0, len);
            case LinkType.IPV6 -> ip(p, data, EtherTypes.IPV6, 0, len);
            case LinkType.NULL, LinkType.LOOP -> loopback(p, data, len);
            default -> false;
        };
    }

    // ---------------------------------------------------------------- link layers

    private static boolean ethernet(Packet p, byte[] d, int len) {
        if (len < EthernetView.HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_LINK;
            return false;
        }
        p.ethernet.wrap(d, 0, len);
        p.dstMac = u48(d, EthernetView.DESTINATION_OFFSET);
        p.srcMac = u48(d, EthernetView.SOURCE_OFFSET);
        afterTypeField(p, d, u16(d, EthernetView.TAGS_OFFSET), EthernetView.HEADER_LENGTH, len, true);
        return true;
    }

    private static boolean linuxSll(Packet p, byte[] d, int len) {
        if (len < LinuxSllView.V1_HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_LINK;
            return false;
        }
        p.sll.wrap(d, 0, len, 1);
        cooked(p, d, len, LinuxSllView.V1_HEADER_LENGTH);
        return true;
    }

    private static boolean linuxSll2(Packet p, byte[] d, int len) {
        if (len < LinuxSllView.V2_HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_LINK;
            return false;
        }
        p.sll.wrap(d, 0, len, 2);
        cooked(p, d, len, LinuxSllView.V2_HEADER_LENGTH);
        return true;
    }

    /** What follows either SLL header: its protocol field selects the decoding. */
    private static void cooked(Packet p, byte[] d, int len, int off) {
        LinuxSllView sll = p.sll;
        p.srcMac = sll.mac();
        int arphrd = sll.arphrdType();
        int protocol = sll.protocol();
        if (arphrd == LinuxSllView.ARPHRD_NETLINK || arphrd == LinuxSllView.ARPHRD_IPGRE) {
            // The protocol field is a netlink protocol or a GRE protocol type, not an EtherType.
            unknownNetwork(p, off, len);
        } else if (protocol == LinuxSllView.PROTOCOL_802_2_LLC) {
            llc(p, d, off, len);
        } else if (protocol == LinuxSllView.PROTOCOL_NOVELL_802_3) {
            p.etherType = EtherTypes.IPX;
            unknownNetwork(p, off, len);
        } else if (protocol > EtherTypes.MAX_802_3_LENGTH) {
            afterTypeField(p, d, protocol, off, len, false);
        } else {
            unknownNetwork(p, off, len);
        }
    }

    /**
     * Decodes what follows a type field at {@code off}: 802.1Q/802.1ad tags (each TCI 2 | next type 2),
     * then, for Ethernet, an 802.3 length and LLC header or, for any link, the network layer.
     */
    private static void afterTypeField(Packet p, byte[] d, int type, int off, int end, boolean lengthAllowed) {
        for (int tags = 0; EtherTypes.isVlanTag(type); tags++) {
            if (tags == EthernetView.MAX_VLAN_TAGS || end - off < EthernetView.TAG_LENGTH) {
                p.malformed |= Packet.MALFORMED_LINK;
                return;
            }
            int vlan = u16(d, off) & 0x0fff;
            if (tags == 0) {
                p.outerVlan = vlan;
            } else if (tags == 1) {
                p.innerVlan = vlan;
            }
            type = u16(d, off + 2);
            off += EthernetView.TAG_LENGTH;
        }
        if (type > EtherTypes.MAX_802_3_LENGTH) {
            network(p, d, type, off, end);
        } else if (lengthAllowed) {
            // IEEE 802.3 §3.2.6: the length counts the LLC data; what follows it is padding (and FCS).
            int llcEnd = off + type;
            if (llcEnd > end) {
                llcEnd = end;
                if (!p.isTruncated()) {
                    p.malformed |= Packet.MALFORMED_LINK;
                }
            }
            llc(p, d, off, llcEnd);
        } else {
            unknownNetwork(p, off, end);
        }
    }

    /**
     * IEEE 802.2 LLC (DSAP 1 | SSAP 1 | control 1 or 2) and, for DSAP=SSAP=0xAA with UI control, the RFC 1042
     * SNAP header (OUI 3 | protocol id 2). See {@link EtherTypes} for how the result maps to etherType.
     */
    private static void llc(Packet p, byte[] d, int off, int end) {
        int avail = end - off;
        if (avail >= 2 && u16(d, off) == NOVELL_RAW_MARKER) {
            p.etherType = EtherTypes.IPX;
            unknownNetwork(p, off, end);
            return;
        }
        if (avail < LLC_HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_LINK;
            return;
        }
        int dsap = u8(d, off);
        int ssap = u8(d, off + 1);
        int control = u8(d, off + 2);
        // IEEE 802.2 §5.3: I- and S-format PDUs (low bits not 11) have a two-byte control field.
        int llcLength = (control & 0x03) == 0x03 ? LLC_HEADER_LENGTH : LLC_HEADER_LENGTH + 1;
        if (avail < llcLength) {
            p.malformed |= Packet.MALFORMED_LINK;
            return;
        }
        p.llcDsap = dsap;
        p.llcSsap = ssap;
        p.llcControl = llcLength == LLC_HEADER_LENGTH ? control : u16(d, off + 2);
        // The low SSAP bit is command/response, not part of the address.
        if (dsap == LLC_SAP_SNAP && (ssap & 0xfe) == LLC_SAP_SNAP && llcLength == LLC_HEADER_LENGTH) {
            if (avail < LLC_HEADER_LENGTH + SNAP_HEADER_LENGTH) {
                p.malformed |= Packet.MALFORMED_LINK;
                return;
            }
            int oui = u24(d, off + LLC_HEADER_LENGTH);
            int pid = u16(d, off + LLC_HEADER_LENGTH + 3);
            p.snapOui = oui;
            p.snapProtocolId = pid;
            int payload = off + LLC_HEADER_LENGTH + SNAP_HEADER_LENGTH;
            if (oui == OUI_ENCAPSULATED_ETHERNET || oui == OUI_BRIDGE_TUNNEL) {
                network(p, d, pid, payload, end);
            } else {
                p.etherType = EtherTypes.SNAP;
                unknownNetwork(p, payload, end);
            }
            return;
        }
        p.etherType = EtherTypes.LLC;
        unknownNetwork(p, off + llcLength, end);
    }

    /** Raw IP (DLT_RAW): the version nibble tells IPv4 from IPv6. */
    private static boolean rawIp(Packet p, byte[] d, int len) {
        return switch (u8(d, 0) >>> 4) {
            case 4 -> ip(p, d, EtherTypes.IPV4, 0, len);
            case 6 -> ip(p, d, EtherTypes.IPV6, 0, len);
            default -> {
                p.malformed |= Packet.MALFORMED_LINK;
                yield false;
            }
        };
    }

    private static boolean ip(Packet p, byte[] d, int etherType, int off, int end) {
        network(p, d, etherType, off, end);
        return p.ipVersion != 0;
    }

    /**
     * BSD loopback: a 4-byte address family, in the capturing host's byte order for NULL and in network
     * order for LOOP. Families fit in 16 bits, so a value with high bits set was written in the other
     * order; both link types accept both orders.
     */
    private static boolean loopback(Packet p, byte[] d, int len) {
        if (len < NULL_HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_LINK;
            return false;
        }
        int family = i32le(d, 0);
        if ((family & 0xffff_0000) != 0) {
            family = Integer.reverseBytes(family);
        }
        switch (family) {
            case AF_INET -> network(p, d, EtherTypes.IPV4, NULL_HEADER_LENGTH, len);
            case AF_INET6_BSD, AF_INET6_FREEBSD, AF_INET6_DARWIN -> network(p, d, EtherTypes.IPV6, NULL_HEADER_LENGTH, len);
            default -> unknownNetwork(p, NULL_HEADER_LENGTH, len);
        }
        return true;
    }

    private static void unknownNetwork(Packet p, int off, int end) {
        p.l3Offset = off;
        p.l3Length = end - off;
    }

    // ---------------------------------------------------------------- network layer

    private static void network(Packet p, byte[] d, int type, int off, int end) {
        p.etherType = type;
        p.l3Offset = off;
        p.l3Length = end - off;
        switch (type) {
            case EtherTypes.IPV4 -> ipv4(p, d, off, end);
            case EtherTypes.IPV6 -> ipv6(p, d, off, end);
            case EtherTypes.ARP, EtherTypes.RARP -> arp(p, d, off, end);
            default -> { }
        }
    }

    /** RFC 826: the fixed part, then addresses whose sizes it announces. */
    private static void arp(Packet p, byte[] d, int off, int end) {
        int avail = end - off;
        p.arp.wrap(d, off, avail);
        if (avail < ArpView.FIXED_LENGTH) {
            p.malformed |= Packet.MALFORMED_ARP;
            return;
        }
        int needed = ArpView.FIXED_LENGTH + 2 * (u8(d, off + ArpView.HARDWARE_LENGTH_OFFSET) + u8(d, off + ArpView.PROTOCOL_LENGTH_OFFSET));
        if (avail < needed) {
            p.malformed |= Packet.MALFORMED_ARP;
        }
    }

    /** RFC 791 §3.1. */
    private static void ipv4(Packet p, byte[] d, int off, int end) {
        int avail = end - off;
        p.ipv4.wrap(d, off, avail);
        if (avail < Ipv4View.MIN_HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_IPV4;
            return;
        }
        int versionIhl = u8(d, off);
        int headerLength = (versionIhl & 0x0f) << 2;
        if (versionIhl >>> 4 != 4 || headerLength < Ipv4View.MIN_HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_IPV4;
            return;
        }
        p.ipVersion = 4;
        p.srcIpLo = Packet.IPV4_MAPPED_PREFIX | u32(d, off + Ipv4View.SOURCE_OFFSET);
        p.dstIpLo = Packet.IPV4_MAPPED_PREFIX | u32(d, off + Ipv4View.DESTINATION_OFFSET);
        p.ttl = u8(d, off + Ipv4View.TTL_OFFSET);
        p.ipProtocol = u8(d, off + Ipv4View.PROTOCOL_OFFSET);
        p.fragmentId = u16(d, off + Ipv4View.IDENTIFICATION_OFFSET);
        int flagsFragment = u16(d, off + Ipv4View.FLAGS_FRAGMENT_OFFSET);
        p.moreFragments = (flagsFragment & Ipv4View.FLAG_MORE_FRAGMENTS) != 0;
        p.fragmentOffset = (flagsFragment & Ipv4View.FRAGMENT_OFFSET_MASK) << 3;
        p.fragment = p.moreFragments || p.fragmentOffset != 0;
        p.firstFragment = p.fragmentOffset == 0;
        if (headerLength > avail) {
            p.malformed |= Packet.MALFORMED_IPV4;
            return;
        }
        int totalLength = u16(d, off + Ipv4View.TOTAL_LENGTH_OFFSET);
        int datagramEnd;
        if (totalLength == 0) {
            datagramEnd = end;
        } else if (totalLength < headerLength) {
            p.malformed |= Packet.MALFORMED_IPV4;
            return;
        } else if (totalLength > avail) {
            datagramEnd = end;
            if (!p.isTruncated()) {
                p.malformed |= Packet.MALFORMED_IPV4;
            }
        } else {
            datagramEnd = off + totalLength;
        }
        p.l3Length = datagramEnd - off;
        p.ipv4.wrap(d, off, datagramEnd - off);
        int payload = off + headerLength;
        p.ipPayloadOffset = payload;
        p.ipPayloadLength = datagramEnd - payload;
        if (p.firstFragment) {
            transport(p, d, p.ipProtocol, payload, datagramEnd);
        }
    }

    /** RFC 8200 §3 and §4: the fixed header, then extension headers up to the upper layer. */
    private static void ipv6(Packet p, byte[] d, int off, int end) {
        int avail = end - off;
        p.ipv6.wrap(d, off, avail);
        if (avail < Ipv6View.HEADER_LENGTH || u8(d, off) >>> 4 != 6) {
            p.malformed |= Packet.MALFORMED_IPV6;
            return;
        }
        p.ipVersion = 6;
        p.srcIpHi = i64(d, off + Ipv6View.SOURCE_OFFSET);
        p.srcIpLo = i64(d, off + Ipv6View.SOURCE_OFFSET + 8);
        p.dstIpHi = i64(d, off + Ipv6View.DESTINATION_OFFSET);
        p.dstIpLo = i64(d, off + Ipv6View.DESTINATION_OFFSET + 8);
        p.ttl = u8(d, off + Ipv6View.HOP_LIMIT_OFFSET);
        p.firstFragment = true;
        int payloadLength = u16(d, off + Ipv6View.PAYLOAD_LENGTH_OFFSET);
        int packetEnd;
        if (payloadLength == 0) {
            packetEnd = end;
        } else if (payloadLength > avail - Ipv6View.HEADER_LENGTH) {
            packetEnd = end;
            if (!p.isTruncated()) {
                p.malformed |= Packet.MALFORMED_IPV6;
            }
        } else {
            packetEnd = off + Ipv6View.HEADER_LENGTH + payloadLength;
        }
        p.l3Length = packetEnd - off;
        p.ipv6.wrap(d, off, packetEnd - off);

        int next = u8(d, off + Ipv6View.NEXT_HEADER_OFFSET);
        int pos = off + Ipv6View.HEADER_LENGTH;
        for (int count = 0; isExtensionHeader(next); count++) {
            int remaining = packetEnd - pos;
            if (count == Ipv6View.MAX_EXTENSION_HEADERS || remaining < 2) {
                p.malformed |= Packet.MALFORMED_IPV6;
                return;
            }
            int headerLength;
            if (next == IpProtocols.FRAGMENT) {
                headerLength = Ipv6View.FRAGMENT_HEADER_LENGTH;
                if (remaining < headerLength) {
                    p.malformed |= Packet.MALFORMED_IPV6;
                    return;
                }
                int offsetFlags = u16(d, pos + Ipv6View.FRAGMENT_OFFSET_FLAGS_OFFSET);
                p.fragmentOffset = offsetFlags & 0xfff8;
                p.moreFragments = (offsetFlags & 0x0001) != 0;
                p.fragmentId = u32(d, pos + Ipv6View.FRAGMENT_IDENTIFICATION_OFFSET);
                // RFC 6946: an "atomic fragment" (offset 0, M clear) is processed as unfragmented.
                p.fragment = p.fragmentOffset != 0 || p.moreFragments;
                p.firstFragment = p.fragmentOffset == 0;
            } else if (next == IpProtocols.AH) {
                headerLength = (u8(d, pos + Ipv6View.EXTENSION_LENGTH_OFFSET) + 2) << 2;
            } else {
                headerLength = (u8(d, pos + Ipv6View.EXTENSION_LENGTH_OFFSET) + 1) << 3;
            }
            if (remaining < headerLength) {
                p.malformed |= Packet.MALFORMED_IPV6;
                return;
            }
            p.ipv6.addExtension(next, pos, headerLength);
            next = u8(d, pos + Ipv6View.EXTENSION_NEXT_HEADER_OFFSET);
            pos += headerLength;
            if (!p.firstFragment) {
                // RFC 8200 §4.5: after a non-first fragment's header comes the middle of the payload.
                break;
            }
        }
        p.ipProtocol = next;
        p.ipPayloadOffset = pos;
        p.ipPayloadLength = packetEnd - pos;
        if (p.firstFragment) {
            transport(p, d, next, pos, packetEnd);
        }
    }

    /** The extension headers walked: hop-by-hop, routing, fragment, destination options and AH. */
    private static boolean isExtensionHeader(int next) {
        return next == IpProtocols.HOP_BY_HOP || next == IpProtocols.ROUTING || next == IpProtocols.FRAGMENT
                || next == IpProtocols.DESTINATION_OPTIONS || next == IpProtocols.AH;
    }

    // ---------------------------------------------------------------- transport layer

    private static void transport(Packet p, byte[] d, int protocol, int off, int end) {
        if (protocol == IpProtocols.NO_NEXT_HEADER) {
            return;
        }
        p.l4Offset = off;
        p.l4Length = end - off;
        switch (protocol) {
            case IpProtocols.TCP -> tcp(p, d, off, end);
            case IpProtocols.UDP -> udp(p, d, off, end);
            case IpProtocols.ICMP -> icmp(p, d, off, end);
            case IpProtocols.ICMPV6 -> icmpv6(p, d, off, end);
            default -> { }
        }
    }

    /** RFC 9293 §3.1. */
    private static void tcp(Packet p, byte[] d, int off, int end) {
        int avail = end - off;
        p.tcp.wrap(d, off, avail);
        if (avail < TcpView.MIN_HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_TCP;
            return;
        }
        int headerLength = u8(d, off + TcpView.DATA_OFFSET_OFFSET) >>> 4 << 2;
        if (headerLength < TcpView.MIN_HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_TCP;
            return;
        }
        p.srcPort = u16(d, off + TcpView.SOURCE_PORT_OFFSET);
        p.dstPort = u16(d, off + TcpView.DESTINATION_PORT_OFFSET);
        p.tcpFlags = u8(d, off + TcpView.FLAGS_OFFSET);
        if (headerLength > avail) {
            p.malformed |= Packet.MALFORMED_TCP;
            return;
        }
        p.payloadOffset = off + headerLength;
        p.payloadLength = avail - headerLength;
    }

    /** RFC 768; RFC 2675 §4 for the zero length of IPv6 jumbograms. */
    private static void udp(Packet p, byte[] d, int off, int end) {
        int avail = end - off;
        p.udp.wrap(d, off, avail);
        if (avail < UdpView.HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_UDP;
            return;
        }
        p.srcPort = u16(d, off + UdpView.SOURCE_PORT_OFFSET);
        p.dstPort = u16(d, off + UdpView.DESTINATION_PORT_OFFSET);
        int udpLength = u16(d, off + UdpView.LENGTH_OFFSET);
        int datagramEnd;
        if (udpLength == 0 && p.ipVersion == 6) {
            datagramEnd = end;
        } else if (udpLength < UdpView.HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_UDP;
            return;
        } else if (udpLength > avail) {
            datagramEnd = end;
            if (!p.isTruncated()) {
                p.malformed |= Packet.MALFORMED_UDP;
            }
        } else {
            datagramEnd = off + udpLength;
        }
        p.udp.wrap(d, off, datagramEnd - off);
        p.payloadOffset = off + UdpView.HEADER_LENGTH;
        p.payloadLength = datagramEnd - p.payloadOffset;
    }

    /** RFC 792: type, code, checksum and 4 bytes of rest-of-header are common to all messages. */
    private static void icmp(Packet p, byte[] d, int off, int end) {
        int avail = end - off;
        p.icmp.wrap(d, off, avail);
        if (avail < IcmpView.HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_ICMP;
            return;
        }
        p.payloadOffset = off + IcmpView.HEADER_LENGTH;
        p.payloadLength = avail - IcmpView.HEADER_LENGTH;
    }

    /** RFC 4443 §2.1; RFC 4861 §4 for the fixed part of neighbour discovery messages. */
    private static void icmpv6(Packet p, byte[] d, int off, int end) {
        int avail = end - off;
        p.icmpv6.wrap(d, off, avail);
        if (avail < Icmpv6View.HEADER_LENGTH) {
            p.malformed |= Packet.MALFORMED_ICMPV6;
            return;
        }
        if (avail < Icmpv6View.ndFixedLength(u8(d, off + Icmpv6View.TYPE_OFFSET))) {
            p.malformed |= Packet.MALFORMED_ICMPV6;
        }
        p.payloadOffset = off + Icmpv6View.HEADER_LENGTH;
        p.payloadLength = avail - Icmpv6View.HEADER_LENGTH;
    }
}
