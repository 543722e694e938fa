package io.osprey.dissect.lpd;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

import static io.osprey.packet.testing.SyntheticFrame.ACK;

/**
 * Coverage-guided fuzzing of the LPD dissector with Jazzer, called directly: the input picks the direction, the
 * rest is the TCP payload. A normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class LpdFuzzTest {
    private final DirectRun run = new DirectRun(new LpdDissector());

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromServer = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(fromServer ? LpdDissectorTest.SERVER.tcp(515, 721, ACK, payload)
                : LpdDissectorTest.CLIENT.tcp(721, 515, ACK, payload));
    }
}
