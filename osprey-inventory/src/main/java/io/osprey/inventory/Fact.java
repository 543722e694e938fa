package io.osprey.inventory;

/**
 * One thing a dissector reported about a device, as the classifier reads it: a dotted attribute name
 * ("dhcp.hostname"), its value ("DCS-935L"), the protocol that said it, how sure it was, and when it was first seen.
 */
public record Fact(String attribute, String value, String source, double confidence, long firstSeenNanos) {}
