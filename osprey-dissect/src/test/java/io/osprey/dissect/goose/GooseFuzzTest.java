package io.osprey.dissect.goose;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.lldp.LinkRun;

/**
 * Coverage-guided fuzzing with Jazzer of the GOOSE dissector, called directly: the input chooses the APPID, the
 * Reserved 1 word, whether to wrap the rest in a goosePdu element, and the bytes. A normal {@code test} run replays
 * the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class GooseFuzzTest {
    private final LinkRun run = GooseFrames.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryFrames(FuzzedDataProvider input) {
        int appid = input.consumeInt(0, 0xFFFF), reserved1 = input.consumeInt(0, 0xFFFF);
        boolean wrap = input.consumeBoolean();
        byte[] bytes = input.consumeBytes(1400);
        byte[] apdu = wrap && bytes.length < 0x100 ? GooseFrames.tlv(0x61, bytes) : bytes;
        run.dissect(GooseFrames.frame(appid, reserved1, input.consumeBoolean(), apdu));
    }
}
