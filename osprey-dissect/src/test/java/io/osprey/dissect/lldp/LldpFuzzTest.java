package io.osprey.dissect.lldp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.cdp.CdpDissector;

/**
 * Coverage-guided fuzzing of the LLDP and CDP dissectors: the input is the body of an LLDP frame or of a Cisco
 * LLC/SNAP CDP frame (the first octet chooses). Any exception is a finding: the dissectors are called directly.
 */
class LldpFuzzTest {
    private final LinkRun run = new LinkRun(new LldpDissector(), new CdpDissector());

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryBodies(FuzzedDataProvider input) {
        boolean cdp = input.consumeBoolean();
        byte[] body = input.consumeRemainingAsBytes();
        byte[] head = cdp
                ? new byte[] {1, 0, 0x0c, (byte) 0xcc, (byte) 0xcc, (byte) 0xcc, 2, 0, 0, 0, 0, 1, 0, 0,
                        (byte) 0xaa, (byte) 0xaa, 3, 0, 0, 0x0c, 0x20, 0}
                : LldpFrames.lldp().build();
        if (cdp) {
            int length = Math.min(1500, 8 + body.length);
            head[12] = (byte) (length >>> 8);
            head[13] = (byte) length;
        }
        byte[] f = new byte[head.length + body.length];
        System.arraycopy(head, 0, f, 0, head.length);
        System.arraycopy(body, 0, f, head.length, body.length);
        run.dissect(f);
    }
}
