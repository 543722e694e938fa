package io.osprey.alert;

/**
 * One piece of an alert's evidence: a decoded operation at a capture time, between two ends (device ids or
 * addresses), or an inventory fact (protocol "inventory").
 */
public record AlertEvidence(long timestampNanos, String protocol, String operation, String detail, String from,
                            String to) {}
