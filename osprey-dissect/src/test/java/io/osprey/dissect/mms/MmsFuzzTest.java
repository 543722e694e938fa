package io.osprey.dissect.mms;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the MMS dissector, called directly (no pipeline to catch what it throws):
 * the input chooses the direction and whether to wrap the rest as an MMS PDU in session DT or CN/AC framing, then
 * gives the bytes. A normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class MmsFuzzTest {
    private final DirectRun run = MmsWire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromIed = input.consumeBoolean();
        int framing = input.consumeInt(0, 2);
        byte[] bytes = input.consumeRemainingAsBytes();
        byte[] payload = bytes.length > 0xF000 ? bytes
                : framing == 1 ? MmsWire.dt(bytes) : framing == 2 ? MmsWire.association(!fromIed, bytes) : bytes;
        run.dissect(fromIed ? MmsWire.fromIed(payload) : MmsWire.fromClient(payload));
    }
}
