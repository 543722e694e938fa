package io.osprey.dissect;

import io.osprey.packet.capture.Frame;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.flow.FlowTable;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;
import static org.assertj.core.api.Assertions.assertThat;

class PacketPipelineTest {
    private final List<Observation> observed = new ArrayList<>();
    private final Frame frame = new Frame();

    /** Records what it was given, as "name:port:payload length". */
    private static final class Probe implements Dissector {
        final String name;
        final Interest interest;
        final List<String> seen = new ArrayList<>();
        boolean accept;
        RuntimeException fail;

        Probe(String name, Interest interest) {
            this.name = name;
            this.interest = interest;
        }

        @Override public String name() { return name; }
        @Override public Interest interest() { return interest; }
        @Override public boolean detect(Payload payload, FlowView flow) { return accept && payload.startsWith(0, "MAGIC"); }

        @Override
        public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
            if (fail != null) throw fail;
            seen.add(packet.dstPort() + ":" + payload.length());
        }
    }

    private PacketPipeline pipeline(Dissector... ds) {
        return new PacketPipeline(List.of(ds), new FlowTable(), observed::add);
    }

    private void feed(PacketPipeline p, SyntheticFrame f, byte[] bytes) {
        p.onFrame(f.frame(bytes, frame));
    }

    @Test
    void portDissectorSeesOnlyItsPortsPayload() {
        Probe snmp = new Probe("snmp", Interest.forUdpPorts(161));
        PacketPipeline p = pipeline(snmp);
        SyntheticFrame c = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("02:00:00:00:00:02", "10.0.0.2");
        feed(p, c, c.udp(40000, 161, new byte[30]));
        feed(p, c, c.udp(40000, 162, new byte[30]));
        feed(p, c.reply(), c.reply().udp(161, 40000, new byte[50]));
        assertThat(snmp.seen).containsExactly("161:30", "40000:50");
    }

    @Test
    void etherTypeDissectorGetsTheNetworkLayerBytes() {
        Probe arp = new Probe("arp-probe", Interest.forEtherTypes(0x0806));
        PacketPipeline p = pipeline(arp);
        SyntheticFrame c = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("02:00:00:00:00:02", "10.0.0.2");
        feed(p, c, c.arp(1));
        feed(p, c, c.udp(1, 2));
        // 28 bytes of ARP plus the Ethernet padding to 60 bytes
        assertThat(arp.seen).containsExactly("-1:46");
    }

    @Test
    void payloadIsOfferedOnlyForTheFirstPacketsOfAFlow() {
        Probe http = new Probe("http", Interest.forTcpPorts(80).withPayloadPackets(3));
        PacketPipeline p = pipeline(http);
        SyntheticFrame c = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("02:00:00:00:00:02", "10.0.0.2");
        for (int i = 0; i < 10; i++) feed(p, c, c.tcp(40000, 80, ACK | PSH, new byte[10 + i]));
        assertThat(http.seen).containsExactly("80:10", "80:11", "80:12");
    }

    @Test
    void heuristicDissectorOwnsTheFlowsItDetects() {
        Probe magic = new Probe("magic", Interest.forHeuristic());
        magic.accept = true;
        PacketPipeline p = pipeline(magic);
        SyntheticFrame c = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("02:00:00:00:00:02", "10.0.0.2");
        // the handshake carries no payload: detection waits for the first packet that does
        feed(p, c, c.tcp(40000, 9999, SyntheticFrame.SYN));
        feed(p, c.reply(), c.reply().tcp(9999, 40000, SyntheticFrame.SYN | ACK));
        feed(p, c, c.tcp(40000, 9999, ACK, "MAGIC hello".getBytes()));
        feed(p, c, c.tcp(40000, 9999, ACK, "more".getBytes()));
        feed(p, c, c.tcp(40001, 9999, ACK, "other protocol".getBytes()));
        assertThat(magic.seen).containsExactly("9999:11", "9999:4");
    }

    @Test
    void aThrowingDissectorIsCountedAndTheLoopGoesOn() {
        Probe bad = new Probe("bad", Interest.forUdpPorts(53));
        bad.fail = new IllegalStateException("bug");
        Probe good = new Probe("good", Interest.forUdpPorts(53));
        PacketPipeline p = pipeline(bad, good);
        SyntheticFrame c = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("02:00:00:00:00:02", "10.0.0.2");
        feed(p, c, c.udp(40000, 53, new byte[12]));
        feed(p, c, c.udp(40000, 53, new byte[] {1, 2, 3}));
        assertThat(p.dissectorFailures()).containsEntry("bad", 2L);
        assertThat(good.seen).hasSize(2);
    }

    @Test
    void aDatagramRepeatedWordForWordByItsSenderIsDissectedOnce() {
        Probe probe = new Probe("probe", Interest.forUdpPorts(5353));
        PacketPipeline p = pipeline(probe);
        SyntheticFrame a = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("01:00:5e:00:00:fb", "224.0.0.251");
        SyntheticFrame b = SyntheticFrame.from("02:00:00:00:00:03", "10.0.0.3").to("01:00:5e:00:00:fb", "224.0.0.251");
        byte[] announcement = "announcement".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        feed(p, a, a.udp(5353, 5353, announcement));
        feed(p, a, a.udp(5353, 5353, announcement));
        feed(p, b, b.udp(5353, 5353, announcement));
        feed(p, a, a.udp(5353, 5353, "announcement!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        feed(p, a, a.udp(5354, 5353, announcement));
        assertThat(probe.seen).hasSize(4);
        assertThat(p.repeatedDatagrams()).isEqualTo(1);
    }

    @Test
    void garbageFramesAreCountedNotThrown() {
        PacketPipeline p = pipeline(PacketPipeline.discoverDissectors().toArray(Dissector[]::new));
        byte[] junk = new byte[7];
        System.arraycopy(junk, 0, frame.buffer(7), 0, 7);
        p.onFrame(frame.set(1, 1, 0, 7, 7));
        frame.set(1, 147, 0, 7, 7);
        p.onFrame(frame);
        assertThat(p.frames()).isEqualTo(2);
        assertThat(p.undecodable() + p.malformed()).isGreaterThanOrEqualTo(1);
        assertThat(p.dissectorFailures()).isEmpty();
    }

    @Test
    void theBuiltInObserversAreDiscovered() {
        assertThat(PacketPipeline.discoverDissectors()).extracting(Dissector::name)
                .contains("arp", "host", "service");
    }
}
