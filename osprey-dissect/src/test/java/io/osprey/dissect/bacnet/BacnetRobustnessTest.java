package io.osprey.dissect.bacnet;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.osprey.dissect.bacnet.BacnetWire.body;
import static io.osprey.dissect.bacnet.BacnetWire.complexAck;
import static io.osprey.dissect.bacnet.BacnetWire.fromDevice;
import static io.osprey.dissect.bacnet.BacnetWire.fromStation;
import static io.osprey.dissect.bacnet.BacnetWire.iAm;
import static io.osprey.dissect.bacnet.BacnetWire.unicast;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the BACnet dissector, called directly so nothing is hidden. */
class BacnetRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(BacnetWire.fixture("jci-nae-readproperty-device-object.pcap")));
        REAL.add(fromDevice(unicast(iAm(1234, 36))));
        REAL.add(fromDevice(unicast(complexAck(14, body().contextObjectId(0, 8, 42).open(1)
                .unsigned(2, true, 77).open(4).string(4, "JACE", StandardCharsets.UTF_16BE).close(4)
                .unsigned(2, true, 76).open(4).objectId(8, 42).close(4).close(1).build()))));
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = BacnetWire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(1_500);
        assertThat(run.observations).isPositive();
    }

    @Test
    void aBvlcLengthShorterThanTheDatagramCutsTheMessage() {
        byte[] f = fromDevice(unicast(iAm(1234, 36)));
        f[42 + 3] = 8; // BVLC length 8: the I-Am's object identifier no longer fits
        DirectRun run = BacnetWire.direct();
        run.dissect(f);
        assertThat(run.observations).isEqualTo(3); // role, service and the malformed operation, no identity
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromDevice) {
        BacnetWire.direct().dissect(fromDevice ? fromDevice(payload) : fromStation(payload));
    }

    @Property(tries = 3000)
    void randomPayloadsAfterAValidHeaderNeverThrow(@ForAll @Size(max = 400) byte[] apdu) {
        BacnetWire.direct().dissect(fromDevice(unicast(apdu)));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 42 + positions.get(i) % Math.max(1, frame.length - 42))] = values[i];
        }
        BacnetWire.direct().dissect(frame);
    }
}
