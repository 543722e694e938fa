package io.osprey.dissect.netbios;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.packet.testing.SyntheticFrame;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, damaged and random input, and the hot path's allocation. */
class NetbiosRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(NetbiosCaptureTest.fixture("winxp-registration-browser.pcap")));
        // hand-built responses, which the fixture lacks
        SyntheticFrame r = SyntheticFrame.from("00:1c:c4:10:79:0f", "10.0.4.24").to("00:21:62:b2:5c:43", "10.0.1.87");
        REAL.add(r.udp(137, 137, NetbiosWire.nodeStatusResponse(new Object[][] {{"GUNNAR", 0, 0x0400},
                {"VIGILANT_GROUP", 0x1e, 0x8400}}, "00:1c:c4:10:79:0f")));
        REAL.add(r.udp(137, 137, NetbiosWire.positiveResponse("GUNNAR", 0, NetbiosWire.entry(0, "10.0.4.24"),
                NetbiosWire.entry(0x8000, "10.0.4.25"))));
    }

    static DirectRun both() {
        return new DirectRun(new NbnsDissector(), new BrowserDissector());
    }

    @Test
    void everyTruncationOfEveryRealPacketIsHandledWithoutThrowing() {
        List<byte[]> frames = new ArrayList<>(REAL);
        // the LGPL nDPI capture is read in place when present, never copied
        var ndpi = NetbiosCaptureTest.SHARED.resolve("ndpi/netbios.pcap");
        if (Files.isRegularFile(ndpi)) frames.addAll(DirectRun.frames(ndpi));
        DirectRun run = both();
        for (byte[] frame : frames) {
            for (int n = 0; n <= frame.length; n++) run.dissect(frame, n);
        }
        assertThat(run.observations).isPositive();
    }

    @Test
    void trafficSeenBeforeIsDissectedWithoutAllocating() {
        byte[][] frames = REAL.toArray(byte[][]::new);
        DirectRun run = both();
        for (int warmUp = 0; warmUp < 200; warmUp++) for (byte[] f : frames) run.dissect(f);
        long reported = run.observations;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        int packets = 0;
        for (int round = 0; round < 1000; round++) {
            for (byte[] f : frames) {
                run.dissect(f);
                packets++;
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(run.observations).as("nothing new the second time").isEqualTo(reported);
        assertThat(allocated).as("bytes allocated dissecting %,d known packets", packets).isLessThan(packets / 10);
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean datagram) {
        SyntheticFrame f = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("ff:ff:ff:ff:ff:ff", "10.0.0.255");
        int port = datagram ? BrowserDissector.PORT : NbnsDissector.PORT;
        both().dissect(f.udp(port, port, payload));
    }

    @Property(tries = 3000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 42 + positions.get(i) % Math.max(1, frame.length - 42))] = values[i];
        }
        both().dissect(frame);
    }
}
