package io.osprey.dissect.dhcp;

/**
 * Attribute names of DHCPv4 observations. Client facts are about the host named by {@code chaddr} (RFC 2131
 * §2), never the frame's source, which is the relay agent when the message was relayed.
 */
public final class DhcpAttributes {
    /** Option 12 (RFC 2132 §3.14), as sent: may be a bare name or qualified. */
    public static final String HOSTNAME = "dhcp.hostname";
    /** Option 50 (RFC 2132 §9.1), dotted quad. */
    public static final String REQUESTED_IP = "dhcp.requestedIp";
    /** Option 53 of the client's messages (RFC 2132 §9.6, RFC 3203, RFC 4388...): "DISCOVER", "INFORM"... */
    public static final String MESSAGE_TYPE = "dhcp.messageType";
    /** Option 55 (RFC 2132 §9.8): the codes in the client's order, comma-separated decimal; a fingerprint. */
    public static final String PARAMETER_REQUEST_LIST = "dhcp.parameterRequestList";
    /** Option 57 (RFC 2132 §9.10), decimal. */
    public static final String MAX_MESSAGE_SIZE = "dhcp.maxMessageSize";
    /** Option 60 (RFC 2132 §9.13), text ("udhcp 1.22.1", "MSFT 5.0", "dhcpcd-6.11.5:Linux-..."). */
    public static final String VENDOR_CLASS = "dhcp.vendorClass";
    /** Option 61 (RFC 2132 §9.14), lower-case hex including the type byte ("01" + MAC for Ethernet). */
    public static final String CLIENT_ID = "dhcp.clientId";
    /**
     * Option 77: the RFC 3004 instances as text joined by ",", or the whole option as text when it is not in
     * RFC 3004 form (older clients send a bare string).
     */
    public static final String USER_CLASS = "dhcp.userClass";
    /** Option 81 (RFC 4702): the client's domain name, dotted, without a trailing dot. */
    public static final String CLIENT_FQDN = "dhcp.clientFqdn";
    /** Every option code of the client's message in wire order (pad and end left out); a fingerprint. */
    public static final String OPTIONS = "dhcp.options";
    /** Option 82 (RFC 3046) present: its sub-option codes in order ("1,2"); the values are not kept. */
    public static final String RELAY_AGENT_INFO = "dhcp.relayAgentInfo";
    /** {@code giaddr} of a relayed message (RFC 2131 §4.1): the relay agent on the client's subnet. */
    public static final String RELAY_AGENT = "dhcp.relayAgent";
    /** What a host does in DHCP: {@link #ROLE_SERVER} or {@link #ROLE_RELAY}. */
    public static final String ROLE = "dhcp.role";
    public static final String ROLE_SERVER = "server";
    public static final String ROLE_RELAY = "relay";

    private DhcpAttributes() {}
}
