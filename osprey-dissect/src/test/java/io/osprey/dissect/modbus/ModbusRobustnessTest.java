package io.osprey.dissect.modbus;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.dissect.modbus.ModbusWire.adu;
import static io.osprey.dissect.modbus.ModbusWire.deviceIdentification;
import static io.osprey.dissect.modbus.ModbusWire.fromHmi;
import static io.osprey.dissect.modbus.ModbusWire.fromPlc;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the Modbus dissector, called directly so nothing is hidden. */
class ModbusRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(ModbusWire.fixture("digitalbond-modbus-test-data-part1.pcap")));
        REAL.addAll(DirectRun.frames(ModbusWire.fixture("zeek-modbus-small.pcap")));
        REAL.add(fromPlc(deviceIdentification(1, 0, "Schneider Electric", 1, "BMX P34 2020", 2, "v2.7")));
        REAL.add(fromHmi(adu(1, 43, 14, 1, 0)));
        REAL.add(fromPlc(adu(1, 0x81, 2)));
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = ModbusWire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(10_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromServer) {
        ModbusWire.direct().dissect(fromServer ? fromPlc(payload) : fromHmi(payload));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 54 + positions.get(i) % Math.max(1, frame.length - 54))] = values[i];
        }
        ModbusWire.direct().dissect(frame);
    }
}
