package io.osprey.packet.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes a classic pcap file (draft-ietf-opsawg-pcap §4, §5) for tests, in either byte order and resolution. */
final class PcapBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;
    private final boolean nanos;

    PcapBytes(ByteOrder order, boolean nanos, int snapLength, int linkTypeField) {
        this.order = order;
        this.nanos = nanos;
        ByteBuffer header = ByteBuffer.allocate(24).order(order);
        header.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(snapLength).putInt(linkTypeField);
        out.writeBytes(header.array());
    }

    static PcapBytes ethernet() {
        return new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 65535, LinkType.ETHERNET);
    }

    /** A record whose timestamp is given in nanoseconds (truncated to µs in a microsecond file). */
    PcapBytes add(long timestampNanos, byte[] data, int originalLength) {
        long seconds = Math.floorDiv(timestampNanos, 1_000_000_000L);
        long fraction = Math.floorMod(timestampNanos, 1_000_000_000L);
        return record((int) seconds, (int) (nanos ? fraction : fraction / 1000), data.length, originalLength, data);
    }

    PcapBytes add(long timestampNanos, byte[] data) {
        return add(timestampNanos, data, data.length);
    }

    /** A record with every header field as given, for damaged files. */
    PcapBytes record(int seconds, int fraction, int capturedLength, int originalLength, byte[] data) {
        ByteBuffer header = ByteBuffer.allocate(16).order(order);
        header.putInt(seconds).putInt(fraction).putInt(capturedLength).putInt(originalLength);
        out.writeBytes(header.array());
        out.writeBytes(data);
        return this;
    }

    PcapBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
