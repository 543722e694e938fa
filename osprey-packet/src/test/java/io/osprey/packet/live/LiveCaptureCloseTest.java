package io.osprey.packet.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** close() from another thread, or from a frame handler, ends reading and releases the handle once. */
class LiveCaptureCloseTest {
    /** A liveness bound, not a timing assertion: a broken close() would block for the read timeout. */
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    /** Longer than any test: a read that returns did so because close() woke it. */
    private static final int TEN_MINUTES = 600_000;

    @Test
    void closeFromAnotherThreadStopsABlockedRead() throws Exception {
        try (DatagramSocket unused = new DatagramSocket(0, LoopbackCapture.ADDRESS)) {
            LiveCapture capture = LoopbackCapture.open(LiveOptions.defaults()
                    .withFilter("udp and port " + unused.getLocalPort())
                    .withReadTimeoutMillis(TEN_MINUTES));
            AtomicInteger result = new AtomicInteger(Integer.MIN_VALUE);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread reader = Thread.ofPlatform().name("live-reader").start(() -> {
                try {
                    result.set(capture.read(frame -> {}, 16));
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            awaitWaitingForFrames(reader);

            capture.close();

            assertThat(reader.join(DEADLINE)).as("reader stopped").isTrue();
            assertThat(failure.get()).isNull();
            assertThat(result.get()).isEqualTo(-1);
            assertThat(capture.read(frame -> {}, 16)).isEqualTo(-1);
            capture.close();
            assertThat(capture.counters().received()).isZero();
        }
    }

    @Test
    void readAfterCloseReturnsMinusOne() throws Exception {
        LiveCapture capture = LoopbackCapture.open(LiveOptions.defaults().withFilter("udp and port 9"));

        capture.close();

        assertThat(capture.read(frame -> {}, 1)).isEqualTo(-1);
        assertThat(capture.stats().getFirst().packets()).isZero();
    }

    @Test
    void closeFromTheFrameHandlerEndsTheCaptureAfterThatFrame() throws Exception {
        try (DatagramSocket wanted = new DatagramSocket(0, LoopbackCapture.ADDRESS);
             DatagramSocket sender = new DatagramSocket(0, LoopbackCapture.ADDRESS)) {
            LiveCapture capture = LoopbackCapture.open(LiveOptions.defaults()
                    .withFilter("udp and dst port " + wanted.getLocalPort())
                    .withImmediateMode(true));
            for (int i = 0; i < 5; i++) {
                byte[] payload = {(byte) i};
                sender.send(new DatagramPacket(payload, 1, LoopbackCapture.ADDRESS, wanted.getLocalPort()));
            }
            AtomicInteger handled = new AtomicInteger();

            int total = 0;
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            int read;
            while ((read = capture.read(frame -> {
                handled.incrementAndGet();
                capture.close();
            }, 64)) >= 0 && System.nanoTime() - deadline < 0) {
                total += read;
            }

            assertThat(read).isEqualTo(-1);
            assertThat(total).isEqualTo(1);
            assertThat(handled.get()).isEqualTo(1);
        }
    }

    /**
     * Opening, reading on one thread and closing on another, many times: a handle freed while libpcap
     * still used it would crash the JVM here.
     */
    @Test
    void repeatedCloseRacesNeverLeaveAReaderBehind() throws Exception {
        for (int round = 0; round < 20; round++) {
            LiveCapture capture = LoopbackCapture.open(LiveOptions.defaults()
                    .withFilter("udp and port 9").withReadTimeoutMillis(TEN_MINUTES));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    while (capture.read(frame -> {}, 16) >= 0) {
                        capture.counters();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            if (round % 2 == 0) {
                awaitWaitingForFrames(reader);
            }

            capture.close();

            assertThat(reader.join(DEADLINE)).as("reader of round %d stopped", round).isTrue();
            assertThat(failure.get()).isNull();
        }
    }

    /** Waits until {@code reader} sits in poll(2) inside {@link CaptureWait#await}. */
    private static void awaitWaitingForFrames(Thread reader) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (Arrays.stream(reader.getStackTrace()).noneMatch(frame ->
                frame.getClassName().equals(CaptureWait.class.getName()) && frame.getMethodName().equals("await"))) {
            assertThat(System.nanoTime() - deadline).as("reader reached poll").isNegative();
            Thread.sleep(5);
        }
    }
}
