package io.osprey.dissect;

/**
 * A fact about a host learned from packets: the unit the dissect stage hands to the inventory. Observations
 * are made only when something is new (a MAC, a binding, a service, an attribute value) or as periodic
 * activity summaries, never one per packet.
 */
public sealed interface Observation
        permits Observation.Activity, Observation.Binding, Observation.Service, Observation.Attribute,
        Observation.Operation {

    /** Capture time of the packet that showed it, nanoseconds since the epoch. */
    long timestampNanos();

    /** The protocol or observer that made it ("arp", "ip", "tcp", "dhcp", ...). */
    String source();

    /**
     * Traffic a host sent in a window: its first and last packet and the counts in between. Made for a MAC
     * (link-layer activity) or for an IP (needed for hosts beyond a router, whose frames carry the router's MAC).
     */
    record Activity(Host host, long firstNanos, long lastNanos, long packets, long bytes, String source)
            implements Observation {
        @Override
        public long timestampNanos() { return lastNanos; }
    }

    /**
     * An IP address used by a MAC: from ARP (the sender's own claim), NDP, or local traffic (the frame's source
     * MAC and the packet's source IP — true for local hosts, but the router's MAC for routed ones, which the
     * inventory untangles).
     */
    record Binding(long mac, long ipHi, long ipLo, String source, long timestampNanos) implements Observation {}

    /** A host answers on a TCP or UDP port. {@code protocol} is the application protocol when a dissector knows it. */
    record Service(Host server, int port, Transport transport, String protocol, String source, long timestampNanos)
            implements Observation {}

    /** Any other attribute: a role ("gateway"), a hostname, a vendor string... with a confidence in [0, 1]. */
    record Attribute(Host host, String attribute, String value, String source, double confidence, long timestampNanos)
            implements Observation {}

    /**
     * What one end asked another to do, or a notable thing an end stated, in an industrial protocol: an S7 program
     * download, a Modbus function code, a DNP3 cold restart, a PROFINET DCP factory reset. The alert engine and the
     * learned baseline are built on these. Rare operations (those that change a controller) are made for every
     * occurrence; routine ones (a polling read) once per pair of ends and detail, by {@link ReportedOperations}.
     *
     * @param client the end that asked (the engineering station, the master, the HMI)
     * @param server the end asked (the PLC, the outstation); for a broadcast request, the host it names if any
     * @param source the protocol ("s7", "modbus", "dnp3", ...)
     * @param operation a stable name from the dissector's vocabulary ("download", "fc-3", "cold-restart")
     * @param detail the decoded fields that matter for the evidence ("unit=1 start=0 count=10"), or ""
     */
    record Operation(Host client, Host server, String source, String operation, String detail, long timestampNanos)
            implements Observation {}

    enum Transport {
        TCP, UDP;

        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
