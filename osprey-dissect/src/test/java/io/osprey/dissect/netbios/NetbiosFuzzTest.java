package io.osprey.dissect.netbios;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;
import io.osprey.packet.testing.SyntheticFrame;

/**
 * Coverage-guided fuzzing of the NetBIOS name service and browser dissectors with Jazzer: the input is a UDP
 * payload to port 137 or 138 (the last octet chooses). A normal {@code test} run replays the seeds under
 * src/test/resources/io/osprey/dissect/netbios/NetbiosFuzzTestInputs/; with {@code JAZZER_FUZZ=1} it fuzzes for
 * {@code maxDuration}. The dissectors are called directly, so anything they throw is a finding.
 */
class NetbiosFuzzTest {
    private final SyntheticFrame frame =
            SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("ff:ff:ff:ff:ff:ff", "10.0.0.255");
    private final DirectRun run = new DirectRun(new NbnsDissector(), new BrowserDissector());

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryMessages(FuzzedDataProvider input) {
        int port = input.consumeBoolean() ? BrowserDissector.PORT : NbnsDissector.PORT;
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(frame.udp(port, port, payload));
    }
}
