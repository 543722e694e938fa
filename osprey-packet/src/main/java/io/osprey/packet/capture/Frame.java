package io.osprey.packet.capture;

/**
 * One captured frame, as a reusable flyweight: a capture source fills the same instance for every
 * record and hands it to a {@link FrameHandler}. The bytes are valid only during that call; a handler
 * that needs them later copies them.
 *
 * <p>{@code data[0..length)} holds the captured bytes (at most the snap length); {@code wireLength}
 * is the frame's length on the wire, which is larger when the capture truncated it.
 */
public final class Frame {
    /** Initial buffer size: a jumbo frame fits without growing. */
    private static final int INITIAL_CAPACITY = 16 * 1024;

    private byte[] data = new byte[INITIAL_CAPACITY];
    private int length;
    private int wireLength;
    private long timestampNanos;
    private int linkType;
    private int interfaceId;

    /** Returns the buffer, grown to hold at least {@code capacity} bytes; existing bytes are not kept. */
    public byte[] buffer(int capacity) {
        if (data.length < capacity) {
            data = new byte[Math.max(capacity, data.length * 2)];
        }
        return data;
    }

    /** Sets the metadata of the frame whose bytes were just written into {@link #buffer(int)}. */
    public Frame set(long timestampNanos, int linkType, int interfaceId, int length, int wireLength) {
        this.timestampNanos = timestampNanos;
        this.linkType = linkType;
        this.interfaceId = interfaceId;
        this.length = length;
        this.wireLength = Math.max(wireLength, length);
        return this;
    }

    public byte[] data() { return data; }
    public int length() { return length; }
    public int wireLength() { return wireLength; }
    /** Nanoseconds since the Unix epoch, UTC. */
    public long timestampNanos() { return timestampNanos; }
    /** The LINKTYPE_ value of the interface the frame came from (see {@link LinkType}). */
    public int linkType() { return linkType; }
    /** The pcapng interface id, 0 for pcap and live captures. */
    public int interfaceId() { return interfaceId; }
}
