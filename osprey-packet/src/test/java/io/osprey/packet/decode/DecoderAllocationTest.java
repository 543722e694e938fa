package io.osprey.packet.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing: decoding (and reading the views, cursors and p0f layout) of the same
 * 10,000 frames again and again, after warm-up, allocates well under one byte per packet on this thread.
 * Measured with {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}; not a timing test.
 */
class DecoderAllocationTest {

    static final int FRAMES = 10_000;
    static final int ROUNDS = 10;

    @Test
    @DisplayName("Decoding 10,000 frames x 10 rounds allocates ~0 bytes")
    void decodingDoesNotAllocate() {
        List<SampleFrames.Sample> samples = SampleFrames.withFixtures();
        byte[][] frames = new byte[FRAMES][];
        int[] linkTypes = new int[FRAMES];
        int[] wireLengths = new int[FRAMES];
        Random random = new Random(42);
        for (int i = 0; i < FRAMES; i++) {
            SampleFrames.Sample sample = samples.get(i % samples.size());
            byte[] bytes = sample.bytes().clone();
            if (i % 3 == 1) {
                // Every third frame damaged, so the malformed paths are measured too.
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
            }
            int length = i % 7 == 3 ? random.nextInt(bytes.length + 1) : bytes.length;
            frames[i] = java.util.Arrays.copyOf(bytes, length);
            linkTypes[i] = sample.linkType();
            wireLengths[i] = i % 2 == 0 ? length : bytes.length;
        }
        PacketDecoder decoder = new PacketDecoder();
        Packet packet = new Packet();
        StringBuilder layout = new StringBuilder(256);

        long checksum = 0;
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            checksum += decodeAll(decoder, packet, frames, linkTypes, wireLengths, layout);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < ROUNDS; round++) {
            checksum += decodeAll(decoder, packet, frames, linkTypes, wireLengths, layout);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(checksum).isNotZero();
        assertThat(allocated)
                .as("bytes allocated while decoding %,d packets", (long) FRAMES * ROUNDS)
                .isLessThan((long) FRAMES * ROUNDS / 10);
    }

    /** Decodes every frame and touches what later stages read; returns a value so the JIT cannot drop the work. */
    static long decodeAll(PacketDecoder decoder, Packet p, byte[][] frames, int[] linkTypes, int[] wireLengths, StringBuilder layout) {
        long sum = 0;
        for (int i = 0; i < frames.length; i++) {
            byte[] frame = frames[i];
            decoder.decode(frame, frame.length, wireLengths[i], i, linkTypes[i], p);
            sum += p.srcPort() + p.payloadLength() + p.malformed() + p.vlanKey() + (p.srcIpLo() ^ p.dstIpHi()) + p.etherType();
            if (p.isTcp()) {
                TcpView tcp = p.tcp();
                sum += tcp.mss() + tcp.windowScale() + tcp.tsVal() + (tcp.sackPermitted() ? 1 : 0);
                layout.setLength(0);
                sum += tcp.appendOptionLayout(layout).length();
            }
            if (p.isIcmpv6()) {
                NdOptionCursor c = p.icmpv6().ndOptions();
                while (c.next()) {
                    sum += c.linkLayerAddress() + c.mtu() + c.prefixLo();
                }
            }
            if (p.isArp()) {
                sum += p.arp().senderMac() + p.arp().targetIp();
            }
            if (p.ipVersion() == 6) {
                sum += p.ipv6().extensionHeaderCount() + p.ipv6().flowLabel();
            }
            if (p.ipVersion() == 4 && p.ipv4().valid()) {
                sum += p.ipv4().optionsLength() + (p.ipv4().headerChecksumValid() ? 1 : 0);
            }
            sum += Addresses.isPrivate(p.srcIpHi(), p.srcIpLo()) ? 1 : 0;
        }
        return sum;
    }

    @Test
    @DisplayName("The measurement itself sees an allocation of one small object per packet (so the test can fail)")
    void measurementDetectsAllocation() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<long[]> sink = new ArrayList<>();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < FRAMES * ROUNDS; i++) {
            sink.add(new long[1]);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sink).hasSize(FRAMES * ROUNDS);
        assertThat(allocated).isGreaterThan((long) FRAMES * ROUNDS / 10);
    }
}
