package io.osprey.dissect.fins;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the FINS dissector, called directly (no pipeline to catch what it
 * throws): the input chooses the direction and the transport, the rest is the payload. A normal {@code test} run
 * replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class FinsFuzzTest {
    private final DirectRun run = FinsWire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromServer = input.consumeBoolean();
        boolean overTcp = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(overTcp ? (fromServer ? FinsWire.tcpFromPlc(payload) : FinsWire.tcpFromHmi(payload))
                : (fromServer ? FinsWire.udpFromPlc(payload) : FinsWire.udpFromHmi(payload)));
    }
}
