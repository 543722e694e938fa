package io.osprey.dissect.ndp;

/**
 * Attribute names of IPv6 Neighbor Discovery observations (RFC 4861). Router Advertisements describe their sender,
 * a router; besides these, the dissector reports {@link io.osprey.dissect.Attributes#ROLE} =
 * {@link io.osprey.dissect.Attributes#ROLE_GATEWAY} about routers and MAC-to-IPv6 bindings.
 */
public final class NdpAttributes {
    /** Router lifetime of an RA in seconds, decimal (RFC 4861 §4.2; 0: not a default router): "1800". */
    public static final String ROUTER_LIFETIME = "ndp.routerLifetime";
    /** An on-link or autoconfiguration prefix a router advertises (§4.6.2), "prefix/length": "2001:db8:1::/64". */
    public static final String PREFIX = "ndp.prefix";
    /**
     * The RA flags (§4.2, RFC 4191 §2.2): "M=0 O=1 Prf=medium". M: addresses from DHCPv6, O: other configuration
     * from DHCPv6, Prf: default router preference (high, medium, low, reserved).
     */
    public static final String RA_FLAGS = "ndp.raFlags";
    /** The link MTU a router advertises (§4.6.4), decimal: "1500". */
    public static final String MTU = "ndp.mtu";

    /** Confidence of what a router states in its advertisements. */
    public static final double STATED = 0.9;

    private NdpAttributes() {}
}
