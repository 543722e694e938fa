package io.osprey.dissect.mms;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.osprey.dissect.mms.MmsWire.C;
import static io.osprey.dissect.mms.MmsWire.S;
import static io.osprey.dissect.mms.MmsWire.bytes;
import static io.osprey.dissect.mms.MmsWire.domainName;
import static io.osprey.dissect.mms.MmsWire.dt;
import static io.osprey.dissect.mms.MmsWire.exchange;
import static io.osprey.dissect.mms.MmsWire.fromClient;
import static io.osprey.dissect.mms.MmsWire.readRequest;
import static io.osprey.dissect.mms.MmsWire.request;
import static io.osprey.dissect.mms.MmsWire.tlv;
import static io.osprey.dissect.mms.MmsWire.visible;
import static org.assertj.core.api.Assertions.assertThat;

/** Operations reported for confirmed requests (ISO 9506-2 §7.4 ConfirmedServiceRequest). */
class MmsOperationsTest {
    private static final String OPS = C + "> " + S + "mms:";

    /** Write-Request [5]: listOfVariable [0] of one named variable, then listOfData [0] with a BOOLEAN [3]. */
    static byte[] writeRequest(String domain, String item) {
        return tlv(0xA5, tlv(0xA0, tlv(0x30, tlv(0xA0, domainName(domain, item)))), tlv(0xA0, tlv(0x83, bytes(1))));
    }

    @Test
    void readsAreReportedOncePerPair() {
        Observed o = exchange(fromClient(dt(request(1, readRequest("LD0", "LLN0$ST$Mod")))),
                fromClient(dt(request(2, readRequest("LD0", "LLN0$ST$Beh")))),
                fromClient(dt(request(3, tlv(0x82)))));
        assertThat(o.operations()).containsExactly(OPS + "read", OPS + "identify");
    }

    @Test
    void writesAreReportedAtEachOccurrenceWithTheVariable() {
        // a control: Oper of the Mod data object, the IEC 61850 way to change a logical device's mode
        Observed o = exchange(fromClient(dt(request(1, writeRequest("LD0", "LLN0$CO$Mod$Oper")))),
                fromClient(dt(request(2, writeRequest("LD0", "LLN0$CO$Mod$Oper")))));
        assertThat(o.operations()).containsExactly(OPS + "write name=LD0/LLN0$CO$Mod$Oper",
                OPS + "write name=LD0/LLN0$CO$Mod$Oper");
    }

    @Test
    void programInvocationDomainAndFileServicesAreReportedWithTheirName() {
        // Start-Request [40] { programInvocationName [0] }, Stop [41], DeleteDomain-Request [36] IMPLICIT Identifier,
        // FileDelete-Request [76] IMPLICIT FileName (SEQUENCE OF GraphicString), InitiateDownloadSequence [26]
        Observed o = exchange(
                fromClient(dt(request(1, tlv(new int[] {0xBF, 0x28}, visible(0x80, "P1"))))),
                fromClient(dt(request(2, tlv(new int[] {0xBF, 0x29}, visible(0x80, "P1"))))),
                fromClient(dt(request(3, tlv(new int[] {0x9F, 0x24}, "LD1".getBytes(StandardCharsets.ISO_8859_1))))),
                fromClient(dt(request(4, tlv(new int[] {0xBF, 0x4C}, visible(0x19, "/COMTRADE/a.cfg"))))),
                fromClient(dt(request(5, tlv(0xBA, visible(0x80, "LD2"), tlv(0x81, bytes(0x1A, 1, 'x')),
                        tlv(0x82, bytes(0)))))));
        assertThat(o.operations()).containsExactly(OPS + "start name=P1", OPS + "stop name=P1",
                OPS + "deleteDomain name=LD1", OPS + "fileDelete name=/COMTRADE/a.cfg",
                OPS + "initiateDownloadSequence name=LD2");
    }

    @Test
    void aBrokenTpktIsMalformed() {
        MmsDissector d = new MmsDissector();
        Observed o = new Observed(d);
        o.feed(MmsWire.CLIENT, fromClient(bytes(3, 0, 0, 5, 0, 0, 0, 0)));
        assertThat(o.operations()).containsExactly(OPS + "malformed");
        assertThat(d.malformed()).isEqualTo(1);
    }
}
