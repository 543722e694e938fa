package io.osprey.dissect.dns;

import io.osprey.packet.testing.SyntheticFrame;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static org.assertj.core.api.Assertions.assertThat;

/** Malformed, truncated and random input, and the hot path's allocation. */
class DnsRobustnessTest {
    static final String[] FIXTURES = {"avahi-ipp-browse-mdns.pcap", "dlink-dcs935l-mdns-dns.pcap", "hue-bridge-mdns-dns.pcap"};
    static final int[] PORTS = {DnsDissector.PORT, MdnsDissector.PORT, LlmnrDissector.PORT};
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        for (String f : FIXTURES) REAL.addAll(DirectRun.frames(DnsCaptureTest.fixture(f)));
    }

    static DirectRun all() {
        return new DirectRun(new DnsDissector(), new MdnsDissector(), new LlmnrDissector());
    }

    @Test
    void everyTruncationOfEveryRealPacketIsHandledWithoutThrowing() {
        DirectRun run = all();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(30_000);
        assertThat(run.observations).isPositive();
    }

    @Test
    void trafficSeenBeforeIsDissectedWithoutAllocating() {
        DirectRun run = all();
        byte[][] frames = REAL.toArray(byte[][]::new);
        for (int warmUp = 0; warmUp < 50; warmUp++) for (byte[] f : frames) run.dissect(f);
        long reported = run.observations;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        int packets = 0;
        for (int round = 0; round < 200; round++) {
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
    void randomPayloadsOnEveryPortNeverThrow(@ForAll @Size(max = 600) byte[] payload, @ForAll @IntRange(max = 2) int port,
                                             @ForAll boolean tcp) {
        SyntheticFrame f = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("02:00:00:00:00:02", "10.0.0.2");
        all().dissect(tcp ? f.tcp(40000, PORTS[port], ACK, payload) : f.udp(PORTS[port], PORTS[port], payload));
    }

    @Property(tries = 3000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            // leave the Ethernet, IP and UDP headers mostly alone so the damage reaches the DNS message
            frame[Math.min(frame.length - 1, 42 + positions.get(i) % Math.max(1, frame.length - 42))] = values[i];
        }
        all().dissect(frame);
    }

    @Property(tries = 500)
    void namesReadBackAsWritten(@ForAll("names") List<String> labels) {
        String dotted = String.join(".", labels);
        byte[] m = DnsWire.message(0, 0, 1, 0, 0, 0).question(dotted, 1).bytes();
        DnsMessage message = new DnsMessage();
        message.wrap(new io.osprey.dissect.Payload().wrap(m, 0, m.length), 0, m.length);
        DnsName name = new DnsName();
        assertThat(name.read(message, DnsMessage.HEADER_LENGTH)).isEqualTo(m.length - 4);
        assertThat(new ValueBuffer().appendName(name, false).text()).isEqualTo(dotted);
    }

    @Provide
    Arbitrary<List<String>> names() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcXYZ019-_ ").ofMinLength(1).ofMaxLength(63);
        // at most 3 long labels and a short one: stays within 255 octets
        return label.list().ofMinSize(1).ofMaxSize(3).filter(l -> l.stream().mapToInt(s -> s.length() + 1).sum() < 250);
    }
}
