package io.osprey.dissect.iec104;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.iec104.Iec104Wire.C;
import static io.osprey.dissect.iec104.Iec104Wire.R;
import static io.osprey.dissect.iec104.Iec104Wire.SCADA;
import static io.osprey.dissect.iec104.Iec104Wire.concat;
import static io.osprey.dissect.iec104.Iec104Wire.exchange;
import static io.osprey.dissect.iec104.Iec104Wire.fromRtu;
import static io.osprey.dissect.iec104.Iec104Wire.fromScada;
import static io.osprey.dissect.iec104.Iec104Wire.iFormat;
import static io.osprey.dissect.iec104.Iec104Wire.sFormat;
import static io.osprey.dissect.iec104.Iec104Wire.uFormat;
import static org.assertj.core.api.Assertions.assertThat;

/** IEC 60870-5-104 by the rows of IEC 60870-5-104 §5 and IEC 60870-5-101 §7 they exercise. */
class Iec104DissectorTest {

    @Test
    void startDataTransferGivesRolesAndTheServiceButNoAsdu() {
        // §5.3: STARTDT act from the controlling station, STARTDT con from the controlled one; S-format ack
        Observed o = exchange(fromScada(uFormat(0x07)), fromRtu(uFormat(0x0b)), fromScada(sFormat()));
        assertThat(o.facts()).containsExactly(R + "iec104.role=controlled", C + "iec104.role=controlling");
        assertThat(o.services()).containsExactly("10.0.0.11 2404/tcp iec104");
    }

    @Test
    void generalInterrogationAndItsAnswers() {
        // 101 §7.3.4.1 C_IC_NA_1 (100), IOA 0, QOI 20, cause 6; answers with cause 7, 20 (M_ME_NC_1) and 10
        Observed o = exchange(
                fromScada(iFormat(100, 6, 1, 0, 0, 0, 20)),
                fromRtu(concat(iFormat(100, 7, 1, 0, 0, 0, 20), iFormat(13, 20, 1, 1, 0, 0, 0, 0, 0x80, 0x3f, 0),
                        iFormat(100, 10, 1, 0, 0, 0, 20))));
        assertThat(o.facts()).containsExactly(
                R + "iec104.cause=activation-con",
                R + "iec104.cause=activation-termination",
                R + "iec104.cause=interrogated",
                R + "iec104.commonAddress=1",
                R + "iec104.role=controlled",
                R + "iec104.typeId=C_IC_NA_1",
                R + "iec104.typeId=M_ME_NC_1",
                C + "iec104.cause=activation",
                C + "iec104.commonAddress=1",
                C + "iec104.role=controlling",
                C + "iec104.typeId=C_IC_NA_1");
    }

    @Test
    void causeBitsTestAndNegativeAreMaskedAndGroupsAreNumbered() {
        // 101 §7.2.3: bit 8 T (test), bit 7 P/N (negative confirm), six-bit cause; 21-36 group 1-16, 38-41 counter groups
        Observed o = exchange(fromRtu(concat(iFormat(45, 0x40 | 7, 2), iFormat(45, 0x80 | 3, 2),
                iFormat(1, 22, 2), iFormat(15, 39, 2), iFormat(15, 63, 2))));
        assertThat(o.values(Iec104Attributes.CAUSE)).containsExactly("63", "activation-con",
                "counter-interrogated-group-2", "interrogated-group-2", "spontaneous");
    }

    @Test
    void typeIdsAreMnemonicsAndUndefinedOnesDecimal() {
        Observed o = exchange(fromScada(concat(iFormat(58, 6, 7), iFormat(103, 6, 7), iFormat(105, 6, 7),
                iFormat(50, 6, 7), iFormat(24, 6, 0xffff))));
        assertThat(o.values(Iec104Attributes.TYPE_ID)).containsExactly("24", "C_CS_NA_1", "C_RP_NA_1", "C_SC_TA_1",
                "C_SE_NC_1");
        assertThat(o.values(Iec104Attributes.COMMON_ADDRESS)).containsExactly("65535", "7");
    }

    @Test
    void anApduTooShortForAnAsduGivesOnlyTheRole() {
        byte[] shortAsdu = {0x68, 8, 0, 0, 0, 0, 100, 1, 6, 0};      // length 8: 4 control + 4 ASDU octets
        Observed o = exchange(fromScada(shortAsdu));
        assertThat(o.facts()).containsExactly(C + "iec104.role=controlling");
    }

    @Test
    void eachFactIsReportedOnceAndValuesPerHostAreBounded() {
        Observed o = new Observed(new Iec104Dissector());
        for (int i = 0; i < 5; i++) o.feed(SCADA, fromRtu(iFormat(3, 3, 1)));
        assertThat(o.attributes()).hasSize(4);
        assertThat(o.all.stream().filter(Observation.Service.class::isInstance)).hasSize(1);
        for (int a = 0; a < 200; a++) o.feed(SCADA, fromRtu(iFormat(3, 3, 100 + a)));
        assertThat(o.values(Iec104Attributes.COMMON_ADDRESS)).hasSize(Iec104Dissector.MAX_VALUES_PER_HOST);
    }

    @Test
    void notIec104IsCountedNotReported() {
        Iec104Dissector d = new Iec104Dissector();
        Observed o = new Observed(d);
        byte[] start = uFormat(0x07);
        start[0] = 0x69;                                 // §5.1: start octet 0x68
        byte[] tooShort = uFormat(0x07);
        tooShort[1] = 3;                                 // the control field alone is four octets
        byte[] tooLong = uFormat(0x07);
        tooLong[1] = (byte) 254;                         // §5.1: at most 253
        for (byte[] b : new byte[][] {start, tooShort, tooLong}) o.feed(SCADA, fromScada(b));
        assertThat(o.attributes()).isEmpty();
        assertThat(d.malformed()).isEqualTo(3);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }
}
