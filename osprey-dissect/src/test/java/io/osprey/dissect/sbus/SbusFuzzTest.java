package io.osprey.dissect.sbus;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the Ether-S-Bus dissector, called directly (no pipeline to catch what it
 * throws): the input chooses the direction, whether a valid header and CRC wrap the rest, and the telegram. A
 * normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class SbusFuzzTest {
    private final DirectRun run = SbusWire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryTelegrams(FuzzedDataProvider input) {
        boolean fromPcd = input.consumeBoolean();
        boolean framed = input.consumeBoolean();
        int attribute = input.consumeInt(0, 3);
        int sequence = input.consumeInt(0, 0xFFFF);
        byte[] body = input.consumeRemainingAsBytes();
        byte[] telegram = framed ? SbusWire.telegram(sequence, attribute, body) : body;
        run.dissect(fromPcd ? SbusWire.fromPcd(telegram) : SbusWire.fromScada(telegram));
    }
}
