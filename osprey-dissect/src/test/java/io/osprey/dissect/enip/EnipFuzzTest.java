package io.osprey.dissect.enip;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the EtherNet/IP dissector, called directly (no pipeline to catch what it
 * throws): the input chooses the direction, the rest is the TCP payload. A normal {@code test} run replays the
 * seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class EnipFuzzTest {
    private final DirectRun run = EnipWire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromDevice = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(fromDevice ? EnipWire.fromDevice(payload) : EnipWire.fromScanner(payload));
    }
}
