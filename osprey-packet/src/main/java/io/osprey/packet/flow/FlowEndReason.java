package io.osprey.packet.flow;

/** Why a flow left the table. */
public enum FlowEndReason {
    /** No packet for longer than the idle timeout. */
    IDLE,
    /** Older than the hard timeout; a later packet starts a new flow. */
    HARD_TIMEOUT,
    /** The table was full and this was the least recently seen flow. */
    EVICTED,
    /** A TCP RST, or a new SYN on a 5-tuple whose connection had closed. */
    TCP_CLOSED,
    /** {@link FlowTable#endAll} at the end of the input. */
    END_OF_INPUT
}
