package io.osprey.dissect.fox;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the Fox dissector, called directly (no pipeline to catch what it throws):
 * the input chooses the direction, the rest is the TCP payload. A normal {@code test} run replays the seeds;
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class FoxFuzzTest {
    private final DirectRun run = FoxWire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromStation = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(fromStation ? FoxWire.fromStation(payload) : FoxWire.fromWorkbench(payload));
    }
}
