package io.osprey.dissect.ads;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.osprey.dissect.ads.AdsWire.fromClient;
import static io.osprey.dissect.ads.AdsWire.fromPlc;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the ADS dissector, called directly so nothing thrown is hidden. */
class AdsRobustnessTest {
    static final List<byte[]> REAL =
            DirectRun.frames(AdsWire.fixture("twincat-cx-plc-device-info-state-discovery.pcapng"));

    @Test
    void everyTruncationOfEveryRealPacketIsHandledWithoutThrowing() {
        DirectRun run = AdsWire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(30_000);
        assertThat(run.observations).isPositive();
    }

    @Test
    void theRealPacketsThemselvesGiveObservationsWhenCalledDirectly() {
        DirectRun run = AdsWire.direct();
        REAL.forEach(run::dissect);
        assertThat(run.observations).isGreaterThan(25);
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromServer,
                                  @ForAll boolean udp) {
        byte[] frame = udp ? AdsWire.CLIENT.udp(50000, AdsDissector.DISCOVERY_PORT, payload)
                : fromServer ? fromPlc(payload) : fromClient(payload);
        AdsWire.direct().dissect(frame);
    }

    @Property(tries = 3000)
    void randomDataBehindAValidAmsHeaderNeverThrows(@ForAll @Size(max = 200) byte[] data,
                                                    @ForAll @IntRange(max = 10) int command, @ForAll boolean response) {
        byte[] ams = response ? AdsWire.response(851, command, data) : AdsWire.request(851, command, data);
        AdsWire.direct().dissect(response ? fromPlc(ams) : fromClient(ams));
    }

    @Property(tries = 2000)
    void discoveryWithRandomTagsNeverThrows(@ForAll @Size(max = 300) byte[] tags) {
        byte[] answer = AdsWire.bytes().u8(0x03, 0x66, 0x14, 0x71).u32(0).u32(0x80000001L).raw(AdsWire.PLC_NET_ID)
                .u16(10000).u32(tags.length).raw(tags).build();
        AdsWire.direct().dissect(AdsWire.PLC.udp(AdsDissector.DISCOVERY_PORT, 50000, answer));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 42 + positions.get(i) % Math.max(1, frame.length - 42))] = values[i];
        }
        AdsWire.direct().dissect(frame);
    }
}
