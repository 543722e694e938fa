package io.osprey.packet.decode;

import static io.osprey.packet.decode.Bytes.u16;

/**
 * A UDP header (RFC 768). The view's length is the datagram as captured, bounded by the UDP length field
 * (and by the IP length before that), so Ethernet padding never counts as payload.
 *
 * <pre>
 *  0      2           4        6          8
 *  +------+-----------+--------+----------+------
 *  | src  | dst port  | length | checksum | data
 *  +------+-----------+--------+----------+------
 * </pre>
 */
public final class UdpView {
    public static final int SOURCE_PORT_OFFSET = 0;
    public static final int PORT_LENGTH = 2;
    public static final int DESTINATION_PORT_OFFSET = SOURCE_PORT_OFFSET + PORT_LENGTH;
    public static final int LENGTH_OFFSET = DESTINATION_PORT_OFFSET + PORT_LENGTH;
    public static final int LENGTH_LENGTH = 2;
    public static final int CHECKSUM_OFFSET = LENGTH_OFFSET + LENGTH_LENGTH;
    public static final int CHECKSUM_LENGTH = 2;
    public static final int HEADER_LENGTH = CHECKSUM_OFFSET + CHECKSUM_LENGTH;

    private byte[] data;
    private int offset;
    private int length;

    public UdpView wrap(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = length;
        return this;
    }

    void clear() { length = 0; }

    public boolean valid() { return length >= HEADER_LENGTH; }

    public int offset() { return offset; }
    /** Captured bytes of the datagram, header included, bounded by {@link #udpLength()}. */
    public int length() { return length; }
    public int sourcePort() { return u16(data, offset + SOURCE_PORT_OFFSET); }
    public int destinationPort() { return u16(data, offset + DESTINATION_PORT_OFFSET); }
    /** The length field: header plus data (0 in IPv6 jumbograms, RFC 2675 §4). */
    public int udpLength() { return u16(data, offset + LENGTH_OFFSET); }
    /** 0 means "no checksum" over IPv4 (RFC 768). */
    public int checksum() { return u16(data, offset + CHECKSUM_OFFSET); }
}
