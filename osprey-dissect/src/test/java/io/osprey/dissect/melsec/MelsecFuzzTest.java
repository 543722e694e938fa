package io.osprey.dissect.melsec;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;
import io.osprey.packet.testing.SyntheticFrame;

/**
 * Coverage-guided fuzzing with Jazzer of the MELSEC dissector, called directly (no pipeline to catch what it
 * throws): the input chooses SLMP or MELSOFT ports, the direction and the transport; the rest is the payload. A
 * normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class MelsecFuzzTest {
    private final DirectRun run = MelsecWire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        int port = input.consumeBoolean() ? MelsecDissector.MELSOFT_UDP_PORT : MelsecWire.PORT;
        boolean fromServer = input.consumeBoolean();
        boolean overTcp = input.consumeBoolean();
        byte[] payload = input.consumeRemainingAsBytes();
        SyntheticFrame from = fromServer ? MelsecWire.PLC : MelsecWire.HMI;
        int src = fromServer ? port : MelsecWire.CLIENT_PORT, dst = fromServer ? MelsecWire.CLIENT_PORT : port;
        run.dissect(overTcp ? from.tcp(src, dst, SyntheticFrame.PSH | SyntheticFrame.ACK, payload)
                : from.udp(src, dst, payload));
    }
}
