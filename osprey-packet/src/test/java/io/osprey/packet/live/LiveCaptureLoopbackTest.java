package io.osprey.packet.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.osprey.packet.capture.CaptureStats;
import io.osprey.packet.capture.Frame;
import io.osprey.packet.capture.LinkType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Captures UDP datagrams this test sends over {@code lo}. Runs where the process may capture (root, or
 * CAP_NET_RAW and CAP_NET_ADMIN); skipped with a message elsewhere.
 */
class LiveCaptureLoopbackTest {
    private static final int DATAGRAMS = 20;
    /** Ethernet (14) + IPv4 without options (20) + UDP (8): where the payload starts. */
    private static final int PAYLOAD_OFFSET = 14 + 20 + 8;
    /** A liveness bound for the whole exchange, not a timing assertion. */
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** A frame's bytes and metadata, copied out of the reused {@link Frame}. */
    private record Captured(byte[] bytes, int wireLength, long timestampNanos, int linkType) {
        static Captured of(Frame frame) {
            return new Captured(Arrays.copyOf(frame.data(), frame.length()), frame.wireLength(),
                    frame.timestampNanos(), frame.linkType());
        }

        int destinationPort() {
            return (bytes[14 + 20 + 2] & 0xff) << 8 | (bytes[14 + 20 + 3] & 0xff);
        }

        String payload() {
            return new String(bytes, PAYLOAD_OFFSET, bytes.length - PAYLOAD_OFFSET, StandardCharsets.US_ASCII);
        }
    }

    @ParameterizedTest(name = "immediate mode {0}")
    @ValueSource(booleans = {false, true})
    void capturesTheFilteredDatagramsWithTheirPayloadsAndTimes(boolean immediate) throws Exception {
        try (DatagramSocket wanted = new DatagramSocket(0, LoopbackCapture.ADDRESS);
             DatagramSocket other = new DatagramSocket(0, LoopbackCapture.ADDRESS);
             LiveCapture capture = LoopbackCapture.open(LiveOptions.defaults()
                     .withFilter("udp and port " + wanted.getLocalPort())
                     .withImmediateMode(immediate)
                     .withReadTimeoutMillis(100))) {
            long openedNanos = nowNanos();
            Thread sender = sendInterleaved(wanted.getLocalPort(), other.getLocalPort());

            List<Captured> frames = readUntil(capture, DATAGRAMS);
            sender.join();

            assertThat(frames).hasSize(DATAGRAMS);
            assertThat(capture.linkType()).isEqualTo(LinkType.ETHERNET);
            assertThat(frames).allSatisfy(frame -> {
                assertThat(frame.linkType()).isEqualTo(LinkType.ETHERNET);
                assertThat(frame.bytes()[12]).isEqualTo((byte) 0x08);   // EtherType IPv4
                assertThat(frame.bytes()[13]).isEqualTo((byte) 0x00);
                assertThat(frame.bytes()[14 + 9]).isEqualTo((byte) 17); // IP protocol UDP
                // The filter kept out the datagrams to the other port, sent before each of these.
                assertThat(frame.destinationPort()).isEqualTo(wanted.getLocalPort());
                assertThat(frame.wireLength()).isEqualTo(frame.bytes().length);
                assertThat(frame.timestampNanos()).isBetween(openedNanos - MINUTE_NANOS, nowNanos() + MINUTE_NANOS);
            });
            assertThat(frames).extracting(Captured::payload).containsExactlyElementsOf(payloads("wanted"));
            assertThat(frames).extracting(Captured::timestampNanos).isSorted();

            CaptureStats stats = capture.stats().getFirst();
            assertThat(stats.path()).isEqualTo("lo");
            assertThat(stats.packets()).isEqualTo(DATAGRAMS);
            assertThat(stats.bytes()).isEqualTo(frames.stream().mapToLong(Captured::wireLength).sum());
            assertThat(stats.linkTypes()).containsExactly("ethernet");
            assertThat(stats.warnings()).isEmpty();
            assertThat(capture.counters().received()).isGreaterThanOrEqualTo(DATAGRAMS);
        }
    }

    @Test
    void truncatesToTheSnapLengthAndKeepsTheWireLength() throws Exception {
        int snaplen = PAYLOAD_OFFSET + 4;
        try (DatagramSocket wanted = new DatagramSocket(0, LoopbackCapture.ADDRESS);
             DatagramSocket other = new DatagramSocket(0, LoopbackCapture.ADDRESS);
             LiveCapture capture = LoopbackCapture.open(LiveOptions.defaults()
                     .withFilter("udp and dst port " + wanted.getLocalPort())
                     .withSnaplen(snaplen)
                     .withImmediateMode(true))) {
            Thread sender = sendInterleaved(wanted.getLocalPort(), other.getLocalPort());

            List<Captured> frames = readUntil(capture, DATAGRAMS);
            sender.join();

            List<String> payloads = payloads("wanted");
            assertThat(frames).hasSize(DATAGRAMS);
            for (int i = 0; i < DATAGRAMS; i++) {
                Captured frame = frames.get(i);
                assertThat(frame.bytes()).hasSize(snaplen);
                assertThat(frame.wireLength()).isEqualTo(PAYLOAD_OFFSET + payloads.get(i).length());
                assertThat(frame.payload()).isEqualTo(payloads.get(i).substring(0, 4));
            }
        }
    }

    @Test
    void readReturnsZeroWhenNothingArrivesBeforeTheTimeout() throws Exception {
        try (DatagramSocket unused = new DatagramSocket(0, LoopbackCapture.ADDRESS);
             LiveCapture capture = LoopbackCapture.open(LiveOptions.defaults()
                     .withFilter("udp and port " + unused.getLocalPort())
                     .withReadTimeoutMillis(20))) {
            List<Captured> frames = new ArrayList<>();

            int read = assertTimeoutPreemptively(DEADLINE, () -> capture.read(f -> frames.add(Captured.of(f)), 8));

            assertThat(read).isZero();
            assertThat(frames).isEmpty();
        }
    }

    @Test
    void timestampsCarryNanosecondsOnLinux() throws Exception {
        try (LiveCapture capture = LoopbackCapture.open(LiveOptions.defaults().withFilter("udp and port 9"))) {
            assertThat(capture.nanosecondTimestamps()).isTrue();
            assertThat(capture.interfaceName()).isEqualTo("lo");
        }
    }

    /** Reads until {@code count} frames arrived or {@link #DEADLINE} passed. */
    static List<Captured> readUntil(LiveCapture capture, int count) throws Exception {
        List<Captured> frames = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (frames.size() < count && System.nanoTime() - deadline < 0) {
            int read = capture.read(frame -> frames.add(Captured.of(frame)), 64);
            assertThat(read).isNotNegative();
        }
        return frames;
    }

    /** Sends, from another thread, one datagram to {@code otherPort} before each to {@code wantedPort}. */
    static Thread sendInterleaved(int wantedPort, int otherPort) {
        return Thread.ofPlatform().start(() -> {
            try (DatagramSocket socket = new DatagramSocket(0, LoopbackCapture.ADDRESS)) {
                List<String> noise = payloads("other");
                List<String> wanted = payloads("wanted");
                for (int i = 0; i < DATAGRAMS; i++) {
                    send(socket, noise.get(i), otherPort);
                    send(socket, wanted.get(i), wantedPort);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void send(DatagramSocket socket, String payload, int port) throws java.io.IOException {
        byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, LoopbackCapture.ADDRESS, port));
    }

    static List<String> payloads(String prefix) {
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < DATAGRAMS; i++) {
            payloads.add("osprey-" + prefix + "-" + i + "-" + "x".repeat(i));
        }
        return payloads;
    }

    private static long nowNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
