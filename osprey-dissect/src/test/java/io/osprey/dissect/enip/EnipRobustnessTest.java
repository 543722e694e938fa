package io.osprey.dissect.enip;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.dissect.enip.EnipWire.body;
import static io.osprey.dissect.enip.EnipWire.fromDevice;
import static io.osprey.dissect.enip.EnipWire.fromScanner;
import static io.osprey.dissect.enip.EnipWire.identityItem;
import static io.osprey.dissect.enip.EnipWire.listIdentityReply;
import static io.osprey.dissect.enip.EnipWire.request;
import static io.osprey.dissect.enip.EnipWire.sendRrData;
import static io.osprey.dissect.enip.EnipWire.sendUnitData;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the EtherNet/IP dissector, called directly so nothing is hidden. */
class EnipRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(EnipWire.fixture("rockwell-1756-enbt-list-identity.pcap")));
        REAL.addAll(DirectRun.frames(EnipWire.fixture("rslogix-upload-forward-open-first-200.pcap")));
        REAL.add(fromDevice(listIdentityReply(identityItem(47, 14, 1649, 2, 1, 7, "NJ501-1300", 3))));
        byte[] inner = request(0x01, 0x20, 0x01, 0x24, 0x01);
        REAL.add(fromScanner(sendRrData(request(0x52, new int[] {0x20, 0x06, 0x24, 0x01},
                body().u8(0x0a, 0xf0).u16(inner.length).bytes(inner).u8(1, 0, 1, 0).build()))));
        byte[] a = request(0x0e, 0x20, 0x8e, 0x24, 0x01, 0x30, 0x01);
        REAL.add(fromScanner(sendUnitData(request(0x0a, new int[] {0x20, 0x02, 0x24, 0x01},
                body().u16(2).u16(6).u16(6 + a.length).bytes(a).bytes(a).build()))));
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = EnipWire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(10_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromDevice) {
        EnipWire.direct().dissect(fromDevice ? fromDevice(payload) : fromScanner(payload));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 54 + positions.get(i) % Math.max(1, frame.length - 54))] = values[i];
        }
        EnipWire.direct().dissect(frame);
    }
}
