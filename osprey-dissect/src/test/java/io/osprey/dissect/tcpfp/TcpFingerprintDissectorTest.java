package io.osprey.dissect.tcpfp;

import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dhcp.AllocationMeter;
import io.osprey.packet.capture.CaptureSource;
import io.osprey.packet.capture.Captures;
import io.osprey.packet.decode.Packet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reporting rules: once per host and signature, bounded, SYN and SYN-ACK apart, robust to cut frames. */
class TcpFingerprintDissectorTest {

    static List<Observation> feed(TcpFingerprintDissector d, byte[]... frames) {
        List<Observation> out = new ArrayList<>();
        for (byte[] f : frames) {
            Packet p = SynFrame.decode(f);
            d.dissect(p, new Payload().wrap(p.data(), 0, 0), new FlowView(), out::add);
        }
        return out;
    }

    static List<String> lines(List<Observation> observations) {
        return observations.stream().map(o -> {
            Observation.Attribute a = (Observation.Attribute) o;
            return a.attribute() + "=" + a.value() + " @" + a.confidence();
        }).toList();
    }

    @Test
    void wantsEveryPacket() {
        assertThat(new TcpFingerprintDissector().interest()).isEqualTo(Interest.forAllPackets());
        assertThat(new TcpFingerprintDissector().name()).isEqualTo("tcpfp");
    }

    @Test
    void aSignatureAndItsVerdictAreReportedOnce() {
        byte[] syn = SynFrame.syn().linuxOptions(7).build();
        List<Observation> out = feed(new TcpFingerprintDissector(), syn, syn, syn);
        assertThat(lines(out)).containsExactly(
                "tcp.synSignature=4:64+0:0:1460:mss*20,7:mss,sok,ts,nop,ws:df,id+:0 @1.0",
                "tcp.osPlatform=Linux @0.8",
                "tcp.osVersion=3.x-4.18 @0.8",
                "tcp.osLabel=Linux 3.x-4.18 @0.8");
        Observation.Attribute first = (Observation.Attribute) out.getFirst();
        assertThat(first.source()).isEqualTo("tcpfp");
        assertThat(first.host().mac()).isEqualTo(SynFrame.SOURCE_MAC);
        assertThat(first.host().ipLo()).isEqualTo(0xffff_c000_0201L);
    }

    @Test
    void synAckIsTheServersSignature() {
        SynFrame f = SynFrame.synAck().linuxOptions(7);
        f.id = 0;
        assertThat(lines(feed(new TcpFingerprintDissector(), f.build())))
                .first().isEqualTo("tcp.synAckSignature=4:64+0:0:1460:mss*20,7:mss,sok,ts,nop,ws:df:0 @1.0");
    }

    @Test
    void aNewSignatureOfTheSameHostIsReportedButItsSameVerdictIsNot() {
        SynFrame other = SynFrame.syn().linuxOptions(7);
        other.ttl = 63; // one hop further (a second interface behind a router)
        List<String> out = lines(feed(new TcpFingerprintDissector(), SynFrame.syn().linuxOptions(7).build(),
                other.build()));
        assertThat(out).hasSize(5).last().isEqualTo("tcp.synSignature=4:63+1:0:1460:mss*20,7:mss,sok,ts,nop,ws:df,id+:0 @1.0");
    }

    @Test
    void otherHostsAreReportedApart() {
        SynFrame b = SynFrame.syn().linuxOptions(7);
        b.sourceIp = 0xc000_0209;
        assertThat(feed(new TcpFingerprintDissector(), SynFrame.syn().linuxOptions(7).build(), b.build())).hasSize(8);
    }

    @Test
    void noMatchReportsOnlyTheSignature() {
        SynFrame f = SynFrame.syn().options(2, 4, 0x05, 0xb4, 1, 3, 3, 2);
        f.window = 12345;
        assertThat(lines(feed(new TcpFingerprintDissector(), f.build())))
                .containsExactly("tcp.synSignature=4:64+0:0:1460:12345,2:mss,nop,ws:df,id+:0 @1.0");
    }

    @Test
    void signaturesPerHostAreBounded() {
        TcpFingerprintDissector d = new TcpFingerprintDissector();
        List<byte[]> frames = new ArrayList<>();
        for (int w = 1; w <= 20; w++) {
            SynFrame f = SynFrame.syn();
            f.window = 1000 + w;
            frames.add(f.build());
        }
        List<Observation> out = feed(d, frames.toArray(byte[][]::new));
        assertThat(out).hasSize(TcpFingerprintDissector.MAX_SIGNATURES_PER_HOST);
    }

    @Test
    void nonSynAndCutSynsAreSkipped() {
        TcpFingerprintDissector d = new TcpFingerprintDissector();
        SynFrame ack = SynFrame.syn();
        ack.flags = 0x10;
        SynFrame synRst = SynFrame.syn();
        synRst.flags = 0x06;
        assertThat(feed(d, ack.build(), synRst.build())).isEmpty();
        assertThat(d.unreadable()).isEqualTo(1);
    }

    @Test
    void everyTruncationOfRealSynsIsSafe() throws IOException {
        List<byte[]> frames = frames("s7-im151-windows-syn-synack.pcap");
        frames.addAll(frames("beckhoff-wince-syn-synack.pcap"));
        for (byte[] frame : frames) {
            TcpFingerprintDissector d = new TcpFingerprintDissector();
            for (int n = 0; n <= frame.length; n++) {
                List<Observation> out = feed(d, Arrays.copyOf(frame, n));
                out.forEach(o -> assertThat(((Observation.Attribute) o).value()).isNotBlank());
            }
        }
    }

    @Test
    void repeatedSynsAllocateNothing() throws IOException {
        List<byte[]> frames = frames("dlink-dch-g020-syn-synack.pcap");
        frames.addAll(frames("s7-im151-windows-syn-synack.pcap"));
        frames.add(SynFrame.syn().options(2, 4, 0x05, 0xb4, 3, 9, 0, 0).build()); // bad options
        SynFrame ack = SynFrame.syn();
        ack.flags = 0x10;
        frames.add(ack.build());
        int rounds = 5_000;
        long allocated = AllocationMeter.allocatedWhileRepeating(new TcpFingerprintDissector(), frames, rounds);
        assertThat(allocated).as("bytes allocated over %,d packets", (long) rounds * frames.size())
                .isLessThan((long) rounds * frames.size() / 10);
    }

    static List<byte[]> frames(String fixture) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        try (CaptureSource source = Captures.open(TcpFingerprintCapturesTest.fixture(fixture))) {
            while (source.read(f -> frames.add(Arrays.copyOf(f.data(), f.length())), 1024) >= 0) {
                // read to the end
            }
        }
        return frames;
    }
}
