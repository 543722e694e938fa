package io.osprey.dissect.coap;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.dissect.coap.CoapWire.fromClient;
import static io.osprey.dissect.coap.CoapWire.fromServer;
import static io.osprey.dissect.coap.CoapWire.message;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the CoAP dissector, called directly so nothing thrown is hidden. */
class CoapRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(CoapWire.fixture("coap-6lowpan-lab-requests-responses.pcap")));
        REAL.add(fromClient(message(0, 0, 1, 1, (byte) 1).option(3, "h").path("/.well-known/core").bytes()));
        REAL.add(fromServer(message(2, 2, 5, 1).uint(CoapDissector.OPTION_CONTENT_FORMAT, 40)
                .uint(CoapDissector.OPTION_BLOCK2, 0x0a).payload(CoapDissectorTest.CORE_LINKS)));
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = CoapWire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(1_500);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 300) byte[] payload, @ForAll boolean fromServer) {
        CoapWire.direct().dissect(fromServer ? fromServer(payload) : fromClient(payload));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        int udp = frame[12] == (byte) 0x86 ? 62 : 42;
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, udp + positions.get(i) % Math.max(1, frame.length - udp))] = values[i];
        }
        CoapWire.direct().dissect(frame);
    }
}
