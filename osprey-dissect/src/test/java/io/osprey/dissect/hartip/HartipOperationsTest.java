package io.osprey.dissect.hartip;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.hartip.HartipWire.C;
import static io.osprey.dissect.hartip.HartipWire.D;
import static io.osprey.dissect.hartip.HartipWire.exchange;
import static io.osprey.dissect.hartip.HartipWire.fromClient;
import static io.osprey.dissect.hartip.HartipWire.pdu;
import static io.osprey.dissect.hartip.HartipWire.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Operations of HART commands carried in HART-IP token-passing PDUs (HCF_SPEC-127, HCF_SPEC-151). */
class HartipOperationsTest {
    private static final String OPS = C + "> " + D + "hartip:";

    @Test
    void readCommandsAreReportedOncePerPair() {
        Observed o = exchange(fromClient(pdu(true, request(3, new byte[0]))),
                fromClient(pdu(true, request(3, new byte[0]))), fromClient(pdu(true, request(48, new byte[0]))));
        assertThat(o.operations()).containsExactly(OPS + "command command=3", OPS + "command command=48");
    }

    @Test
    void commandsThatChangeTheDeviceAreReportedAtEachOccurrence() {
        // 6 Write Polling Address, 18 Write Tag, 42 Perform Device Reset, 45 Trim Loop Current Zero
        Observed o = exchange(fromClient(pdu(true, request(6, new byte[] {5, 0}))),
                fromClient(pdu(true, request(6, new byte[] {5, 0}))),
                fromClient(pdu(true, request(18, new byte[21]))), fromClient(pdu(true, request(42, new byte[0]))),
                fromClient(pdu(true, request(45, new byte[4]))));
        assertThat(o.operations()).containsExactly(OPS + "write command=6", OPS + "write command=6",
                OPS + "write command=18", OPS + "write command=42", OPS + "write command=45");
    }

    @Test
    void aPduThatIsNotAHartFrameIsMalformed() {
        HartipDissector d = new HartipDissector();
        Observed o = new Observed(d);
        o.feed(HartipWire.CLIENT, fromClient(pdu(true, new byte[] {0x05, 0, 0})));
        assertThat(o.operations()).containsExactly(OPS + "malformed");
        assertThat(d.malformed()).isEqualTo(1);
    }
}
