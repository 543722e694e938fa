package io.osprey.dissect.sip;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

import static io.osprey.packet.testing.SyntheticFrame.ACK;

/**
 * Coverage-guided fuzzing with Jazzer of the SIP dissector, called directly (no pipeline to catch what it
 * throws): the input chooses UDP or TCP and the direction, the rest is the payload. A normal {@code test} run
 * replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class SipFuzzTest {
    private final DirectRun run = new DirectRun(new SipDissector());

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean tcp = input.consumeBoolean();
        boolean fromServer = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        var frame = fromServer ? Voip.SERVER : Voip.PHONE;
        run.dissect(tcp ? frame.tcp(5060, 40000, ACK, payload) : frame.udp(5060, 5060, payload));
    }
}
