package io.osprey.dissect.ubnt;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the Ubiquiti discovery dissector, called directly (no pipeline to catch
 * what it throws): the input chooses the version octet, the rest is the packet after it. A normal {@code test}
 * run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class UbntFuzzTest {
    private final DirectRun run = UbntWire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPackets(FuzzedDataProvider input) {
        int version = input.consumeInt(1, 2);
        byte[] rest = input.consumeRemainingAsBytes();
        byte[] packet = new byte[rest.length + 1];
        packet[0] = (byte) version;
        System.arraycopy(rest, 0, packet, 1, rest.length);
        run.dissect(UbntWire.reply(packet));
    }
}
