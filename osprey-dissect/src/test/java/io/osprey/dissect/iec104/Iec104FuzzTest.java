package io.osprey.dissect.iec104;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the IEC 60870-5-104 dissector, called directly (no pipeline to catch what
 * it throws): the input chooses the direction, the rest is the TCP payload. A normal {@code test} run replays the seeds;
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class Iec104FuzzTest {
    private final DirectRun run = Iec104Wire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromRtu = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(fromRtu ? Iec104Wire.fromRtu(payload) : Iec104Wire.fromScada(payload));
    }
}
