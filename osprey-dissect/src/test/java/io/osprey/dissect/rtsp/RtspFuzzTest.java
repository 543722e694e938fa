package io.osprey.dissect.rtsp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.sip.Voip;

import static io.osprey.packet.testing.SyntheticFrame.ACK;

/**
 * Coverage-guided fuzzing with Jazzer of the RTSP dissector, called directly: the input chooses the direction,
 * the rest is the segment. A normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class RtspFuzzTest {
    private final DirectRun run = new DirectRun(new RtspDissector());

    @FuzzTest(maxDuration = "12s")
    void dissectArbitrarySegments(FuzzedDataProvider input) {
        boolean fromServer = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(fromServer ? Voip.SERVER.tcp(554, 40000, ACK, payload) : Voip.PHONE.tcp(40000, 554, ACK, payload));
    }
}
