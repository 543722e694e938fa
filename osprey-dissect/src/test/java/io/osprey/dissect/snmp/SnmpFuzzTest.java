package io.osprey.dissect.snmp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;
import io.osprey.packet.testing.SyntheticFrame;

/** Coverage-guided fuzzing of the SNMP dissector, called directly: any exception is a finding. */
class SnmpFuzzTest {
    private final SyntheticFrame frame =
            SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("02:00:00:00:00:02", "10.0.0.2");
    private final DirectRun run = new DirectRun(new SnmpDissector());

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryMessages(FuzzedDataProvider input) {
        int mode = input.consumeInt(0, 2);
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(mode == 0 ? frame.udp(40000, 161, payload)
                : mode == 1 ? frame.reply().udp(161, 40000, payload) : frame.udp(40000, 162, payload));
    }
}
