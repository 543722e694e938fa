package io.osprey.dissect.eapol;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the EAPOL dissector with Jazzer: the input is the EAPOL PDU after the EtherType. A
 * normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class EapolFuzzTest {
    private final EapolDissector dissector = new EapolDissector();
    private final List<io.osprey.dissect.Observation> sink = new ArrayList<>();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPdus(byte[] pdu) {
        byte[] frame = new byte[14 + pdu.length];
        byte[] header = EapolFrames.eapol(EapolFrames.SUPPLICANT, 1, 1);
        System.arraycopy(header, 0, frame, 0, 14);
        System.arraycopy(pdu, 0, frame, 14, pdu.length);
        EapolFrames.dissect(dissector, frame, frame.length, sink);
        sink.clear();
    }
}
