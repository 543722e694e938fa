package io.osprey.dissect.tls;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.http.Web;

import static io.osprey.packet.testing.SyntheticFrame.ACK;

/**
 * Coverage-guided fuzzing with Jazzer of the TLS dissector, called directly (no pipeline to catch what it
 * throws). The input chooses whether to prefix a handshake record header, the rest is the payload.
 */
class TlsFuzzTest {
    private final DirectRun run = new DirectRun(new TlsDissector());

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromServer = input.consumeBoolean();
        boolean framed = input.consumeBoolean();
        byte[] body = input.consumeRemainingAsBytes();
        byte[] payload = body;
        if (framed) {
            payload = new byte[body.length + 5];
            payload[0] = 22;
            payload[1] = 3;
            payload[2] = 1;
            payload[3] = (byte) (body.length >> 8);
            payload[4] = (byte) body.length;
            System.arraycopy(body, 0, payload, 5, body.length);
        }
        run.dissect(fromServer ? Web.SERVER.tcp(443, 40000, ACK, payload) : Web.CLIENT.tcp(40000, 443, ACK, payload));
    }
}
