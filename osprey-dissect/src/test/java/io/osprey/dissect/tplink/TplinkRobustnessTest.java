package io.osprey.dissect.tplink;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the Kasa dissector, called directly so nothing thrown is hidden. */
class TplinkRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(Kasa.fixture("google-home-kasa-discovery-broadcasts.pcap")).subList(0, 4));
        REAL.add(Kasa.udpReply(Kasa.HS110_SYSINFO));
        REAL.add(Kasa.tcpReply(Kasa.HS110_SYSINFO));
        REAL.add(Kasa.tcpRequest("{\"system\":{\"get_sysinfo\":{}},\"emeter\":{\"get_realtime\":{}}}"));
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = Kasa.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(1_500);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 600) byte[] payload, @ForAll boolean tcp, @ForAll boolean reply) {
        byte[] frame = tcp ? (reply ? Kasa.PLUG.tcp(9999, 50001, 0x18, payload) : Kasa.APP.tcp(50001, 9999, 0x18, payload))
                : (reply ? Kasa.PLUG.udp(9999, 50000, payload) : Kasa.APP.udp(50000, 9999, payload));
        Kasa.direct().dissect(frame);
    }

    @Property(tries = 2000)
    void encryptedRandomTextNeverThrows(@ForAll @Size(max = 300) String text, @ForAll boolean reply) {
        Kasa.direct().dissect(reply ? Kasa.udpReply("{" + text) : Kasa.udpRequest("{" + text));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 42 + positions.get(i) % Math.max(1, frame.length - 42))] = values[i];
        }
        Kasa.direct().dissect(frame);
    }
}
