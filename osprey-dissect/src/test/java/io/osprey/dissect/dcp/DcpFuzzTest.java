package io.osprey.dissect.dcp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.lldp.LinkRun;

/**
 * Coverage-guided fuzzing of the DCP dissector: the input is the PDU after the Ethernet header, with a FrameID of
 * one of the four DCP frames (the first octet chooses) so the fuzzer spends its time in the block walk.
 */
class DcpFuzzTest {
    private final LinkRun run = new LinkRun(new DcpDissector());

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPdus(FuzzedDataProvider input) {
        int frameId = 0xfefc + (input.consumeByte() & 3);
        byte[] body = input.consumeRemainingAsBytes();
        byte[] f = new byte[16 + body.length];
        System.arraycopy(DcpFrames.identifyResponse().build(), 0, f, 0, 14);
        f[14] = (byte) (frameId >>> 8);
        f[15] = (byte) frameId;
        System.arraycopy(body, 0, f, 16, body.length);
        run.dissect(f);
    }
}
