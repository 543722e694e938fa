package io.osprey.dissect.modbus;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the Modbus dissector, called directly (no pipeline to catch what it
 * throws): the input chooses the direction, the rest is the TCP payload. A normal {@code test} run replays the
 * seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class ModbusFuzzTest {
    private final DirectRun run = ModbusWire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromServer = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(fromServer ? ModbusWire.fromPlc(payload) : ModbusWire.fromHmi(payload));
    }
}
