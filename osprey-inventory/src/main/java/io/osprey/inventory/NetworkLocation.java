package io.osprey.inventory;

/** Where a device sits relative to the sensor. */
public enum NetworkLocation {
    /** On the monitored segment: seen with its own MAC, keyed by it. */
    LOCAL,
    /** Beyond a router: its frames carry the router's MAC, so it is keyed by its IP. */
    ROUTED;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
