package io.osprey.dissect.dns;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.packet.testing.SyntheticFrame;

import static io.osprey.packet.testing.SyntheticFrame.ACK;

/**
 * Coverage-guided fuzzing of the DNS, mDNS and LLMNR dissectors with Jazzer: the input is a UDP or TCP payload on
 * one of their ports (the last two octets choose which). A normal {@code test} run replays the seeds under
 * src/test/resources/io/osprey/dissect/dns/DnsFuzzTestInputs/ (real messages from the fixtures); with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}. Any exception is a finding: the dissectors are called
 * directly, not through the pipeline that would catch it.
 */
class DnsFuzzTest {
    private static final int[] PORTS = {DnsDissector.PORT, MdnsDissector.PORT, LlmnrDissector.PORT};
    private final SyntheticFrame frame =
            SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("02:00:00:00:00:02", "10.0.0.2");
    private final DirectRun run = new DirectRun(new DnsDissector(), new MdnsDissector(), new LlmnrDissector());

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryMessages(FuzzedDataProvider input) {
        int port = PORTS[input.consumeInt(0, PORTS.length - 1)];
        boolean tcp = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(tcp ? frame.tcp(40000, port, ACK, payload) : frame.udp(port, port, payload));
    }
}
