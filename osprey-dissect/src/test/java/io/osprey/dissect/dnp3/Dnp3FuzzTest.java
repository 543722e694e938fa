package io.osprey.dissect.dnp3;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the DNP3 dissector, called directly (no pipeline to catch what it throws):
 * the input chooses the direction, the rest is the TCP payload. A normal {@code test} run replays the seeds;
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class Dnp3FuzzTest {
    private final DirectRun run = Dnp3Wire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromOutstation = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(fromOutstation ? Dnp3Wire.fromOutstation(payload) : Dnp3Wire.fromMaster(payload));
    }
}
