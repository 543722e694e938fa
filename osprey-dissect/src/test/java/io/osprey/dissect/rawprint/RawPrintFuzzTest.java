package io.osprey.dissect.rawprint;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

import static io.osprey.packet.testing.SyntheticFrame.ACK;

/**
 * Coverage-guided fuzzing of the raw printing dissector with Jazzer, called directly: the input picks the
 * direction, the rest is the TCP payload. A normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class RawPrintFuzzTest {
    private final DirectRun run = new DirectRun(new RawPrintDissector());

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromPrinter = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(fromPrinter ? RawPrintDissectorTest.PRINTER.tcp(9100, 50000, ACK, payload)
                : RawPrintDissectorTest.CLIENT.tcp(50000, 9100, ACK, payload));
    }
}
