package io.osprey.packet.flow;

import java.time.Duration;

/**
 * Limits of a {@link FlowTable}. Timeouts follow capture time, not the wall clock, so a file is tracked
 * the same way however fast it is read.
 *
 * @param idleTimeout a flow with no packet for this long ends (Zeek's default TCP inactivity is 5 min)
 * @param hardTimeout a flow older than this ends even if busy, bounding what one flow's counters cover
 * @param maxFlows the most flows held at once; past it the least recently seen flow is evicted
 * @param initialCapacity flows the table holds before its first growth
 */
public record FlowTableConfig(Duration idleTimeout, Duration hardTimeout, int maxFlows, int initialCapacity) {
    public static final FlowTableConfig DEFAULT =
            new FlowTableConfig(Duration.ofMinutes(5), Duration.ofHours(1), 1 << 20, 1 << 12);

    public FlowTableConfig {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("idleTimeout must be positive");
        if (hardTimeout.compareTo(idleTimeout) < 0) throw new IllegalArgumentException("hardTimeout must be at least idleTimeout");
        if (maxFlows < 16) throw new IllegalArgumentException("maxFlows must be at least 16");
        if (initialCapacity < 16 || initialCapacity > maxFlows) throw new IllegalArgumentException("initialCapacity must be in [16, maxFlows]");
    }
}
