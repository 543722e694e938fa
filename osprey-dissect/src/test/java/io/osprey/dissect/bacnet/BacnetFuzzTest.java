package io.osprey.dissect.bacnet;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the BACnet/IP dissector, called directly (no pipeline to catch what it
 * throws): the input chooses the direction and whether a valid BVLC/NPDU header precedes it. A normal {@code test}
 * run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class BacnetFuzzTest {
    private final DirectRun run = BacnetWire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromDevice = input.consumeBoolean();
        boolean header = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        if (header) payload = BacnetWire.unicast(payload);
        run.dissect(fromDevice ? BacnetWire.fromDevice(payload) : BacnetWire.fromStation(payload));
    }
}
