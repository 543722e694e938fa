package io.osprey.dissect.wsd;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing of the WS-Discovery dissector with Jazzer, called directly (no pipeline to catch what it
 * throws): the input chooses the direction, the rest is the UDP payload. A normal {@code test} run replays the
 * seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class WsdFuzzTest {
    private final DirectRun run = WsdMessages.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryDatagrams(FuzzedDataProvider input) {
        boolean fromTarget = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(fromTarget ? WsdMessages.CAMERA.udp(3702, 50000, payload) : WsdMessages.CLIENT.udp(50000, 3702, payload));
    }
}
