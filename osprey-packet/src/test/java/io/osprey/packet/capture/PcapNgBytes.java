package io.osprey.packet.capture;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes pcapng blocks (draft-ietf-opsawg-pcapng) for tests; each section may have its own byte order. */
final class PcapNgBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order;

    PcapNgBytes(ByteOrder order) {
        section(order);
    }

    /** A Section Header Block (§4.1) with section length -1 and one shb_userappl option. */
    PcapNgBytes section(ByteOrder order) {
        this.order = order;
        ByteBuffer body = buffer(16 + 16 + 4);
        body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        option(body, 4, "osprey-test".getBytes(StandardCharsets.US_ASCII));
        body.putShort((short) 0).putShort((short) 0);
        return block(0x0A0D0D0A, body);
    }

    /** An Interface Description Block (§4.2); {@code resolution} and {@code offsetSeconds} are written when not null. */
    PcapNgBytes interfaceBlock(int linkType, int snapLength, Integer resolution, Long offsetSeconds) {
        ByteBuffer body = buffer(8 + 8 + 12 + 4);
        body.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
        if (resolution != null) option(body, 9, new byte[] {resolution.byteValue()});
        if (offsetSeconds != null) option(body, 14, buffer(8).putLong(offsetSeconds).array());
        body.putShort((short) 0).putShort((short) 0);
        return block(1, body);
    }

    PcapNgBytes interfaceBlock(int linkType) {
        return interfaceBlock(linkType, 0, null, null);
    }

    /** An Enhanced Packet Block (§4.3); {@code units} is the raw 64-bit timestamp in the interface's resolution. */
    PcapNgBytes enhancedPacket(int interfaceId, long units, byte[] data, int originalLength) {
        return enhancedPacket(interfaceId, units, data.length, originalLength, data);
    }

    PcapNgBytes enhancedPacket(int interfaceId, long units, int capturedLength, int originalLength, byte[] data) {
        ByteBuffer body = buffer(20 + padded(data.length) + 8 + 4);
        body.putInt(interfaceId).putInt((int) (units >>> 32)).putInt((int) units).putInt(capturedLength).putInt(originalLength);
        body.put(data).position(20 + padded(data.length));
        // an opt_comment, which readers must step over
        option(body, 1, "hi".getBytes(StandardCharsets.US_ASCII));
        body.putShort((short) 0).putShort((short) 0);
        return block(6, body);
    }

    /** A Simple Packet Block (§4.4): original length and data only. */
    PcapNgBytes simplePacket(byte[] data, int originalLength) {
        ByteBuffer body = buffer(4 + padded(data.length));
        body.putInt(originalLength).put(data);
        return block(3, body);
    }

    /** The obsolete Packet Block (appendix): 16-bit interface id and drops count. */
    PcapNgBytes obsoletePacket(int interfaceId, long units, byte[] data, int originalLength) {
        ByteBuffer body = buffer(20 + padded(data.length));
        body.putShort((short) interfaceId).putShort((short) 0).putInt((int) (units >>> 32)).putInt((int) units)
                .putInt(data.length).putInt(originalLength).put(data);
        return block(2, body);
    }

    /** A Name Resolution Block (§4.5) with one record for the address and its names. */
    PcapNgBytes nameResolution(InetAddress address, String... names) {
        return nameResolution(List.of(new NameRecord(address, List.of(names))));
    }

    /** A Name Resolution Block (§4.5) with one record per entry, then an ns_dnsname option. */
    PcapNgBytes nameResolution(List<NameRecord> records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (NameRecord entry : records) {
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            value.writeBytes(entry.address().getAddress());
            for (String name : entry.names()) {
                value.writeBytes(name.getBytes(StandardCharsets.UTF_8));
                value.write(0);
            }
            byte[] record = value.toByteArray();
            ByteBuffer b = buffer(4 + padded(record.length));
            option(b, entry.address().getAddress().length == 4 ? 1 : 2, record);
            body.writeBytes(b.array());
        }
        ByteBuffer end = buffer(4 + 8 + 4);
        end.putShort((short) 0).putShort((short) 0);
        option(end, 2, "dns".getBytes(StandardCharsets.US_ASCII)); // ns_dnsname, after the records
        end.putShort((short) 0).putShort((short) 0);
        body.writeBytes(end.array());
        return block(4, body.toByteArray());
    }

    /** Any block, with a body given as is (padded to 32 bits). */
    PcapNgBytes block(int type, byte[] body) {
        ByteBuffer b = buffer(padded(body.length));
        b.put(body).position(padded(body.length));
        return block(type, b);
    }

    /** Bytes as they are, for damaged files. */
    PcapNgBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    private PcapNgBytes block(int type, ByteBuffer body) {
        int bodyLength = padded(body.position());
        int length = 12 + bodyLength;
        ByteBuffer block = buffer(length);
        block.putInt(type).putInt(length).put(body.array(), 0, bodyLength).putInt(length);
        out.writeBytes(block.array());
        return this;
    }

    private static void option(ByteBuffer body, int code, byte[] value) {
        body.putShort((short) code).putShort((short) value.length).put(value);
        body.position(body.position() + padded(value.length) - value.length);
    }

    private ByteBuffer buffer(int capacity) {
        return ByteBuffer.allocate(capacity).order(order);
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
