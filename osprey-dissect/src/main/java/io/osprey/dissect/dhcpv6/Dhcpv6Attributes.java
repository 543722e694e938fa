package io.osprey.dissect.dhcpv6;

/**
 * Attribute names of DHCPv6 observations (RFC 8415). Client facts are about the client: the sender of a
 * client message on its own link, or the peer-address (and RFC 6939 link-layer address) a relay agent
 * reports for it.
 */
public final class Dhcpv6Attributes {
    /** The client's message types (RFC 8415 §7.3): "SOLICIT", "REQUEST", "INFORMATION-REQUEST"... */
    public static final String MESSAGE_TYPE = "dhcpv6.messageType";
    /** The host's DUID (RFC 8415 §11): lower-case hex of the whole DUID, type code included. */
    public static final String DUID = "dhcpv6.duid";
    /** The DUID's type: "LLT", "EN", "LL", "UUID" (RFC 8415 §11.2-11.5, RFC 6355), else the number. */
    public static final String DUID_TYPE = "dhcpv6.duidType";
    /** The MAC inside a DUID-LLT or DUID-LL of an Ethernet/IEEE 802 interface (any of the host's interfaces). */
    public static final String DUID_MAC = "dhcpv6.duidMac";
    /** The enterprise number of a DUID-EN, decimal. */
    public static final String DUID_ENTERPRISE = "dhcpv6.duidEnterprise";
    /** Option 6 (RFC 8415 §21.7): the requested option codes in the client's order, comma-separated decimal. */
    public static final String OPTION_REQUEST = "dhcpv6.optionRequest";
    /** Option 16 (RFC 8415 §21.16): the vendor-class-data strings, joined by ",". */
    public static final String VENDOR_CLASS = "dhcpv6.vendorClass";
    /** Option 16: its enterprise number, decimal (311 Microsoft, 40712 dhcpcd...). */
    public static final String VENDOR_ENTERPRISE = "dhcpv6.vendorEnterprise";
    /** Option 15 (RFC 8415 §21.15): the user-class-data strings, joined by ",". */
    public static final String USER_CLASS = "dhcpv6.userClass";
    /** Option 39 (RFC 4704 §4): the client's domain name, dotted, without a trailing dot. */
    public static final String FQDN = "dhcpv6.fqdn";
    /** link-address of the relay agent nearest the client (RFC 8415 §9.1), when not "::": the client's link. */
    public static final String RELAY_LINK_ADDRESS = "dhcpv6.relayLinkAddress";
    /** What a host does in DHCPv6: {@link #ROLE_SERVER} or {@link #ROLE_RELAY}. */
    public static final String ROLE = "dhcpv6.role";
    public static final String ROLE_SERVER = "server";
    public static final String ROLE_RELAY = "relay";

    private Dhcpv6Attributes() {}
}
