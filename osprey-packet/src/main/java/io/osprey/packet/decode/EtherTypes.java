package io.osprey.packet.decode;

/**
 * EtherType values (IEEE Registration Authority EtherType registry) that Osprey decodes or that dissectors
 * select on, plus two pseudo values above 0xffff for IEEE 802.3 frames that carry no EtherType.
 *
 * <p>How an 802.3 frame maps to {@link Packet#etherType()} (IEEE 802.2 LLC, RFC 1042 SNAP):
 * <ul>
 *   <li>LLC/SNAP with OUI 00-00-00 (or 00-00-F8, Cisco's RFC 1042 variant): the SNAP protocol id is an
 *       EtherType and decoding continues as for Ethernet II (IPv4, ARP, ...).</li>
 *   <li>LLC/SNAP with any other OUI, e.g. Cisco 00-00-0C: {@link #SNAP}; the OUI and protocol id are in
 *       {@link Packet#snapOui()} and {@link Packet#snapProtocolId()}, so CDP is
 *       {@code p.isSnap(EtherTypes.OUI_CISCO, EtherTypes.SNAP_CISCO_CDP)}.</li>
 *   <li>LLC without SNAP (e.g. spanning tree, DSAP 0x42): {@link #LLC}; see {@link Packet#llcDsap()}.</li>
 * </ul>
 * In every case {@link Packet#l3Offset()} points after the LLC/SNAP header.
 */
public final class EtherTypes {
    /** IEEE 802.3 §3.2.6: a type/length value up to this is a length, from 0x0600 up an EtherType. */
    public static final int MAX_802_3_LENGTH = 1500;

    public static final int IPV4 = 0x0800;
    public static final int ARP = 0x0806;
    public static final int WAKE_ON_LAN = 0x0842;
    public static final int RARP = 0x8035;
    /** IEEE 802.1Q customer VLAN tag (C-TAG). */
    public static final int VLAN = 0x8100;
    public static final int IPX = 0x8137;
    public static final int IPV6 = 0x86dd;
    /** IEEE 802.3 Clause 57 slow protocols (LACP, OAM). */
    public static final int SLOW_PROTOCOLS = 0x8809;
    public static final int MPLS = 0x8847;
    public static final int MPLS_MULTICAST = 0x8848;
    public static final int PPPOE_DISCOVERY = 0x8863;
    public static final int PPPOE_SESSION = 0x8864;
    public static final int EAPOL = 0x888e;
    /** PROFINET real-time (PROFINET RT, DCP, alarms). */
    public static final int PROFINET = 0x8892;
    public static final int ETHERCAT = 0x88a4;
    /** IEEE 802.1ad service VLAN tag (S-TAG, QinQ outer tag). */
    public static final int QINQ = 0x88a8;
    public static final int POWERLINK = 0x88ab;
    /** IEC 61850-8-1 GOOSE. */
    public static final int GOOSE = 0x88b8;
    /** IEC 61850-8-1 GSE management. */
    public static final int GSE_MANAGEMENT = 0x88b9;
    /** IEC 61850-9-2 sampled values. */
    public static final int SAMPLED_VALUES = 0x88ba;
    public static final int LLDP = 0x88cc;
    public static final int SERCOS_III = 0x88cd;
    /** IEC 62439-2 Media Redundancy Protocol. */
    public static final int MRP = 0x88e3;
    public static final int MACSEC = 0x88e5;
    /** IEEE 1588 Precision Time Protocol over Ethernet. */
    public static final int PTP = 0x88f7;
    /** IEC 62439-3 High-availability Seamless Redundancy. */
    public static final int HSR = 0x892f;
    /** Pre-standard QinQ outer tag some switches still send. */
    public static final int QINQ_LEGACY = 0x9100;

    /** Pseudo EtherType: IEEE 802.3 frame with an 802.2 LLC header and no SNAP (spanning tree, NetBIOS). */
    public static final int LLC = 0x1_0000;
    /** Pseudo EtherType: LLC/SNAP frame whose OUI is not 00-00-00; see {@link Packet#snapOui()}. */
    public static final int SNAP = 0x2_0000;

    /** Cisco's OUI as used in SNAP headers. */
    public static final int OUI_CISCO = 0x00000c;
    public static final int SNAP_CISCO_CDP = 0x2000;
    public static final int SNAP_CISCO_VTP = 0x2003;
    public static final int SNAP_CISCO_DTP = 0x2004;
    public static final int SNAP_CISCO_PVST = 0x010b;

    private EtherTypes() {}

    /** True for the tag protocol identifiers of 802.1Q, 802.1ad and legacy QinQ. */
    public static boolean isVlanTag(int type) {
        return type == VLAN || type == QINQ || type == QINQ_LEGACY;
    }
}
