package io.osprey.packet.flow;

/**
 * The handshake state of a TCP flow as a passive observer sees it (RFC 9293 §3.3.2, reduced to what a
 * monitor can know from both directions). Stored as a byte per flow; these are the values.
 */
public final class TcpState {
    /** Not TCP, or no segment decoded yet. */
    public static final byte NONE = 0;
    /** Picked up mid-stream: no handshake seen. */
    public static final byte MIDSTREAM = 1;
    public static final byte SYN_SENT = 2;
    public static final byte SYN_RECEIVED = 3;
    public static final byte ESTABLISHED = 4;
    /** One side sent FIN. */
    public static final byte CLOSING = 5;
    /** Both sides sent FIN, or one sent RST. */
    public static final byte CLOSED = 6;

    private TcpState() {}

    public static String name(byte state) {
        return switch (state) {
            case MIDSTREAM -> "midstream";
            case SYN_SENT -> "syn-sent";
            case SYN_RECEIVED -> "syn-received";
            case ESTABLISHED -> "established";
            case CLOSING -> "closing";
            case CLOSED -> "closed";
            default -> "none";
        };
    }
}
