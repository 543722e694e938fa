package io.osprey.packet.decode;

/** IP protocol / IPv6 next-header numbers (IANA "Assigned Internet Protocol Numbers"). */
public final class IpProtocols {
    /** IPv6 hop-by-hop options (RFC 8200 §4.3). */
    public static final int HOP_BY_HOP = 0;
    public static final int ICMP = 1;
    public static final int IGMP = 2;
    /** IPv4 encapsulated in IP (RFC 2003). */
    public static final int IPIP = 4;
    public static final int TCP = 6;
    public static final int EGP = 8;
    public static final int UDP = 17;
    /** IPv6 encapsulated in IP (RFC 4213 6in4). */
    public static final int IPV6 = 41;
    /** IPv6 routing header (RFC 8200 §4.4). */
    public static final int ROUTING = 43;
    /** IPv6 fragment header (RFC 8200 §4.5). */
    public static final int FRAGMENT = 44;
    public static final int RSVP = 46;
    public static final int GRE = 47;
    /** Encapsulating Security Payload (RFC 4303): what follows is encrypted. */
    public static final int ESP = 50;
    /** Authentication Header (RFC 4302). */
    public static final int AH = 51;
    public static final int ICMPV6 = 58;
    /** IPv6 "no next header" (RFC 8200 §4.7). */
    public static final int NO_NEXT_HEADER = 59;
    /** IPv6 destination options (RFC 8200 §4.6). */
    public static final int DESTINATION_OPTIONS = 60;
    public static final int EIGRP = 88;
    public static final int OSPF = 89;
    public static final int PIM = 103;
    public static final int VRRP = 112;
    public static final int L2TP = 115;
    public static final int SCTP = 132;
    public static final int MOBILITY = 135;
    public static final int UDP_LITE = 136;

    private IpProtocols() {}
}
