package io.osprey.dissect.ssdp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.http.Web;

import static io.osprey.packet.testing.SyntheticFrame.ACK;

/**
 * Coverage-guided fuzzing with Jazzer of the ssdp dissector(s), called directly (no pipeline to catch what they
 * throw): the input chooses a port and a direction, the rest is the payload. A normal {@code test} run replays
 * the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class SsdpFuzzTest {
    private static final int[] PORTS = {1900, 80, 8080, 49152, 22, 21, 23};
    private final DirectRun run = Web.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        int port = PORTS[input.consumeInt(0, PORTS.length - 1)];
        boolean fromServer = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        if (port == 1900) {
            run.dissect((fromServer ? Web.SERVER : Web.CLIENT).udp(1900, fromServer ? 50000 : 1900, payload));
        } else if (fromServer) {
            run.dissect(Web.SERVER.tcp(port, 40000, ACK, payload));
        } else {
            run.dissect(Web.CLIENT.tcp(40000, port, ACK, payload));
        }
    }
}
