package io.osprey.dissect;

/** The attribute names observations use; the inventory maps them onto device fields. */
public final class Attributes {
    /** A role a host plays on the network: {@link #ROLE_GATEWAY}, ... */
    public static final String ROLE = "role";
    /** Forwards IP traffic for other hosts (a router or gateway), seen from the addresses behind its MAC. */
    public static final String ROLE_GATEWAY = "gateway";
    /** A protocol the host speaks, by name ("arp", "ipv6", "dhcp"...). */
    public static final String PROTOCOL = "protocol";

    private Attributes() {}
}
