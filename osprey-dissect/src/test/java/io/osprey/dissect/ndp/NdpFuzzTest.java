package io.osprey.dissect.ndp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static io.osprey.dissect.ndp.NdpFrames.HOST_MAC;

/**
 * Coverage-guided fuzzing of the neighbor discovery dissector with Jazzer: the input picks the ND message type and
 * hop limit, the rest is the ICMPv6 body after the checksum. A normal {@code test} run replays the seeds;
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class NdpFuzzTest {
    private final NdpDissector dissector = new NdpDissector();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryMessages(FuzzedDataProvider input) {
        int type = input.consumeInt(133, 137);
        boolean valid = input.consumeBoolean();
        byte[] body = input.consumeRemainingAsBytes();
        byte[] frame = NdpFrames.routerSolicitation().from(HOST_MAC, "fe80::5").hopLimit(valid ? 255 : 64).frame();
        byte[] mutated = new byte[58 + body.length];
        System.arraycopy(frame, 0, mutated, 0, 54);
        mutated[18] = (byte) ((body.length + 4) >>> 8);
        mutated[19] = (byte) (body.length + 4);
        mutated[54] = (byte) type;
        System.arraycopy(body, 0, mutated, 58, body.length);
        NdpFrames.dissect(mutated, mutated.length, dissector);
    }
}
