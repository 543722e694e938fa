package io.osprey.dissect.tivo;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing with Jazzer of the TiVoConnect beacon dissector, called directly: the input is the text
 * after the {@code TiVoConnect=} magic. A normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class TivoFuzzTest {
    private static final byte[] MAGIC = "TiVoConnect=".getBytes(StandardCharsets.US_ASCII);
    private final DirectRun run = new DirectRun(new TivoDissector());

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryBeacons(FuzzedDataProvider input) {
        byte[] rest = input.consumeRemainingAsBytes();
        byte[] body = new byte[MAGIC.length + rest.length];
        System.arraycopy(MAGIC, 0, body, 0, MAGIC.length);
        System.arraycopy(rest, 0, body, MAGIC.length, rest.length);
        run.dissect(TivoDissectorTest.SERVER.udp(TivoDissector.PORT, TivoDissector.PORT, body));
    }
}
