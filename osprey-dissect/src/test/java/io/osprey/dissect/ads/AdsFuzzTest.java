package io.osprey.dissect.ads;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the ADS dissector, called directly (no pipeline to catch what it throws):
 * the input chooses TCP or UDP discovery, the direction, and whether to wrap the rest in an AMS/TCP and AMS header
 * with a chosen command. A normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for
 * {@code maxDuration}.
 */
class AdsFuzzTest {
    private final DirectRun run = AdsWire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean udp = input.consumeBoolean();
        boolean response = input.consumeBoolean();
        boolean framed = input.consumeBoolean();
        int command = input.consumeInt(0, 12);
        byte[] bytes = input.consumeRemainingAsBytes();
        if (udp) {
            run.dissect(AdsWire.PLC.udp(AdsDissector.DISCOVERY_PORT, 50000, bytes));
            return;
        }
        byte[] payload = !framed || bytes.length > 0xFFF0 ? bytes
                : response ? AdsWire.response(851, command, bytes) : AdsWire.request(851, command, bytes);
        run.dissect(response ? AdsWire.fromPlc(payload) : AdsWire.fromClient(payload));
    }
}
