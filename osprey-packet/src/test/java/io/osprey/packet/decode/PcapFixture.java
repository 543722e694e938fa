package io.osprey.packet.decode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only reader of classic pcap files (not pcapng), so decoder tests do not depend on the capture
 * package being written in parallel. Reads the whole file; fixtures are small.
 */
record PcapFixture(int linkType, List<Record> frames) {
    /** One captured frame; {@code number} is 1-based like Wireshark's frame.number. */
    record Record(int number, byte[] data, int wireLength, long timestampNanos) {}

    static PcapFixture fromResource(String name) {
        try (InputStream in = PcapFixture.class.getResourceAsStream("/fixtures/decode/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PcapFixture fromFile(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Record frame(int number) { return frames.get(number - 1); }

    private static PcapFixture parse(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
            b.order(ByteOrder.BIG_ENDIAN);
            magic = Integer.reverseBytes(magic);
        }
        boolean nanos = magic == 0xa1b23c4d;
        if (!nanos && magic != 0xa1b2c3d4) {
            throw new IllegalArgumentException("not a pcap file");
        }
        int linkType = b.getInt(20) & 0x0fff_ffff;
        List<Record> frames = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= file.length) {
            long seconds = b.getInt(pos) & 0xffff_ffffL;
            long fraction = b.getInt(pos + 4) & 0xffff_ffffL;
            int captured = b.getInt(pos + 8);
            int wire = b.getInt(pos + 12);
            byte[] data = new byte[captured];
            System.arraycopy(file, pos + 16, data, 0, captured);
            frames.add(new Record(frames.size() + 1, data, wire, seconds * 1_000_000_000L + fraction * (nanos ? 1 : 1000)));
            pos += 16 + captured;
        }
        return new PcapFixture(linkType, List.copyOf(frames));
    }
}
