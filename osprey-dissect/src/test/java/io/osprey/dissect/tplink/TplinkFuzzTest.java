package io.osprey.dissect.tplink;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the Kasa dissector, called directly (no pipeline to catch what it throws).
 * The input chooses TCP or UDP and the direction; the rest is plaintext that is obfuscated with the autokey cipher
 * first, so the fuzzer explores the JSON reader rather than the cipher. A normal {@code test} run replays the
 * seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class TplinkFuzzTest {
    private final DirectRun run = Kasa.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryMessages(FuzzedDataProvider input) {
        boolean tcp = input.consumeBoolean();
        boolean reply = input.consumeBoolean();
        String json = input.consumeRemainingAsString();
        if (tcp) run.dissect(reply ? Kasa.tcpReply(json) : Kasa.tcpRequest(json));
        else run.dissect(reply ? Kasa.udpReply(json) : Kasa.udpRequest(json));
    }
}
