package io.osprey.dissect.tuya;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the Tuya dissector, called directly (no pipeline to catch what it throws).
 * The input chooses whether to wrap the rest in a valid 55AA frame (so the fuzzer reaches the JSON reader) and the
 * port. A normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class TuyaFuzzTest {
    private static final int[] PORTS = {TuyaDissector.PORT_PLAIN, TuyaDissector.PORT_ENCRYPTED, TuyaDissector.PORT_V35};
    private final DirectRun run = TuyaFrames.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryBroadcasts(FuzzedDataProvider input) {
        int port = PORTS[input.consumeInt(0, PORTS.length - 1)];
        boolean framed = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(TuyaFrames.broadcast(port, framed ? TuyaFrames.frame(0x13, payload) : payload));
    }
}
