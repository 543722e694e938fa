package io.osprey.dissect.c37118;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the C37.118 dissector, called directly: the input chooses TCP or UDP and
 * whether to frame the rest with a valid header and checksum (so the body parsers are reached), then the bytes. A
 * normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class C37118FuzzTest {
    private final DirectRun run = C37118Frames.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean tcp = input.consumeBoolean();
        boolean framed = input.consumeBoolean();
        int type = input.consumeInt(0, 5);
        byte[] bytes = input.consumeBytes(1400);
        byte[] payload = framed ? C37118Frames.frame(type, 2, 1, bytes) : bytes;
        run.dissect(tcp ? C37118Frames.fromPmuTcp(payload) : C37118Frames.fromPmuUdp(payload));
    }
}
