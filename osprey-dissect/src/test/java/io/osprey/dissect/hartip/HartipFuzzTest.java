package io.osprey.dissect.hartip;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the HART-IP dissector, called directly: the input chooses the direction and
 * whether to wrap the rest as a token-passing PDU, then gives the bytes. A normal {@code test} run replays the
 * seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class HartipFuzzTest {
    private final DirectRun run = HartipWire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromDevice = input.consumeBoolean();
        boolean framed = input.consumeBoolean();
        byte[] bytes = input.consumeRemainingAsBytes();
        byte[] payload = framed && bytes.length < 0xFFF0 ? HartipWire.pdu(!fromDevice, bytes) : bytes;
        run.dissect(fromDevice ? HartipWire.fromDevice(payload) : HartipWire.fromClient(payload));
    }
}
