package io.osprey.dissect.ntp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.sip.Voip;

/**
 * Coverage-guided fuzzing with Jazzer of the NTP dissector, called directly (no pipeline to catch what it throws):
 * the input chooses the direction, the rest is the datagram. A normal {@code test} run replays the seeds;
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class NtpFuzzTest {
    private final DirectRun run = new DirectRun(new NtpDissector());

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryDatagrams(FuzzedDataProvider input) {
        boolean fromServer = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        run.dissect(fromServer ? Voip.SERVER.udp(123, 40123, payload) : Voip.PHONE.udp(40123, 123, payload));
    }
}
