package io.osprey.packet.decode;

import static io.osprey.packet.decode.Bytes.i32;
import static io.osprey.packet.decode.Bytes.u16;
import static io.osprey.packet.decode.Bytes.u8;

/**
 * An ICMP message header (RFC 792): type, code, checksum and the 4-byte "rest of header" whose meaning
 * depends on the type. Error messages then quote the offending IP header and 8 bytes of its payload
 * (at {@link #quotedOffset()}); {@link Packet#payloadOffset()} points there too.
 *
 * <pre>
 *  0      1      2          4                    8
 *  +------+------+----------+--------------------+------
 *  | type | code | checksum | rest of header     | data
 *  +------+------+----------+--------------------+------
 *  echo: identifier 2 | sequence 2;  redirect: gateway 4;  unreachable/fragmentation needed (RFC 1191):
 *  unused 2 | next-hop MTU 2;  parameter problem: pointer 1 | unused 3
 * </pre>
 */
public final class IcmpView {
    public static final int TYPE_OFFSET = 0;
    public static final int TYPE_LENGTH = 1;
    public static final int CODE_OFFSET = TYPE_OFFSET + TYPE_LENGTH;
    public static final int CODE_LENGTH = 1;
    public static final int CHECKSUM_OFFSET = CODE_OFFSET + CODE_LENGTH;
    public static final int CHECKSUM_LENGTH = 2;
    public static final int REST_OF_HEADER_OFFSET = CHECKSUM_OFFSET + CHECKSUM_LENGTH;
    public static final int REST_OF_HEADER_LENGTH = 4;
    public static final int HEADER_LENGTH = REST_OF_HEADER_OFFSET + REST_OF_HEADER_LENGTH;

    public static final int ECHO_REPLY = 0;
    public static final int DESTINATION_UNREACHABLE = 3;
    public static final int SOURCE_QUENCH = 4;
    public static final int REDIRECT = 5;
    public static final int ECHO_REQUEST = 8;
    public static final int ROUTER_ADVERTISEMENT = 9;
    public static final int ROUTER_SOLICITATION = 10;
    public static final int TIME_EXCEEDED = 11;
    public static final int PARAMETER_PROBLEM = 12;
    public static final int TIMESTAMP_REQUEST = 13;
    public static final int TIMESTAMP_REPLY = 14;
    /** Destination unreachable code 4: the datagram needed fragmenting but had DF set (RFC 1191). */
    public static final int CODE_FRAGMENTATION_NEEDED = 4;

    private byte[] data;
    private int offset;
    private int length;

    public IcmpView wrap(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = length;
        return this;
    }

    void clear() { length = 0; }

    public boolean valid() { return length >= HEADER_LENGTH; }

    public int offset() { return offset; }
    public int length() { return length; }
    public int type() { return u8(data, offset + TYPE_OFFSET); }
    public int code() { return u8(data, offset + CODE_OFFSET); }
    public int checksum() { return u16(data, offset + CHECKSUM_OFFSET); }
    public int restOfHeader() { return i32(data, offset + REST_OF_HEADER_OFFSET); }
    public int identifier() { return u16(data, offset + REST_OF_HEADER_OFFSET); }
    public int sequence() { return u16(data, offset + REST_OF_HEADER_OFFSET + 2); }
    /** The router to use instead, in a redirect. */
    public int gateway() { return restOfHeader(); }
    public int nextHopMtu() { return u16(data, offset + REST_OF_HEADER_OFFSET + 2); }
    public int pointer() { return u8(data, offset + REST_OF_HEADER_OFFSET); }
    /** RFC 1122 §3.2.2: the messages that quote an offending datagram. */
    public boolean isError() {
        int t = type();
        return t == DESTINATION_UNREACHABLE || t == SOURCE_QUENCH || t == REDIRECT || t == TIME_EXCEEDED
                || t == PARAMETER_PROBLEM;
    }
    /** Absolute offset of the quoted IP header of an error message. */
    public int quotedOffset() { return offset + HEADER_LENGTH; }
}
