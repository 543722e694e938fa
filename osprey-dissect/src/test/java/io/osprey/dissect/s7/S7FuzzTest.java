package io.osprey.dissect.s7;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the S7 dissector, called directly (no pipeline to catch what it throws):
 * the input chooses the direction and whether to wrap the rest in a TPKT/COTP DT, then gives the bytes. A normal
 * {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class S7FuzzTest {
    private final DirectRun run = S7Wire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromPlc = input.consumeBoolean();
        boolean framed = input.consumeBoolean();
        byte[] bytes = input.consumeRemainingAsBytes();
        byte[] payload = framed && bytes.length < 0xFFF0 ? S7Wire.dt(bytes) : bytes;
        run.dissect(fromPlc ? S7Wire.fromPlc(payload) : S7Wire.fromClient(payload));
    }
}
