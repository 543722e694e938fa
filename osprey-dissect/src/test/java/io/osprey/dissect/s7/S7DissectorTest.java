package io.osprey.dissect.s7;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.s7.S7Wire.C;
import static io.osprey.dissect.s7.S7Wire.P;
import static io.osprey.dissect.s7.S7Wire.bytes;
import static io.osprey.dissect.s7.S7Wire.concat;
import static io.osprey.dissect.s7.S7Wire.cr;
import static io.osprey.dissect.s7.S7Wire.dt;
import static io.osprey.dissect.s7.S7Wire.exchange;
import static io.osprey.dissect.s7.S7Wire.fromClient;
import static io.osprey.dissect.s7.S7Wire.fromPlc;
import static io.osprey.dissect.s7.S7Wire.job;
import static io.osprey.dissect.s7.S7Wire.s7;
import static io.osprey.dissect.s7.S7Wire.szlData;
import static io.osprey.dissect.s7.S7Wire.userdataRequest;
import static io.osprey.dissect.s7.S7Wire.userdataResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built TPKT/COTP/S7 PDUs, by the rows of RFC 1006, X.224 and the S7comm layouts they exercise. */
class S7DissectorTest {
    static final byte[] SETUP = job((byte) 0xF0, (byte) 0, 0, 1, 0, 1, 1, (byte) 0xE0);
    static final byte[] SETUP_ACK = s7(3, bytes().u8(0xF0, 0, 0, 1, 0, 1, 0, 0xF0).build(), new byte[0]);

    @Test
    void setupJobAndItsAckDataGiveRolesFunctionAndService() {
        Observed o = exchange(fromClient(dt(SETUP)), fromPlc(dt(SETUP_ACK)));
        assertThat(o.facts()).containsExactly(
                C + "s7.function=setup", C + "s7.protocol=s7comm", C + "s7.role=client",
                P + "s7.protocol=s7comm", P + "s7.role=server");
        assertThat(o.services()).containsExactly("10.0.0.11 102/tcp s7comm");
    }

    @Test
    void connectionRequestTsapsAreAboutTheClientAsHexOrText() {
        // X.224 §13.3.4: calling TSAP 0x0100 (PG), called TSAP 0x0102 (rack 0, slot 2)
        Observed o = exchange(fromClient(cr(new byte[] {1, 0}, new byte[] {1, 2})));
        assertThat(o.facts()).containsExactly(C + "cotp.calledTsap=0102", C + "cotp.callingTsap=0100");
        Observed named = exchange(fromClient(cr(new byte[] {6, 0x20}, "SIMATIC-ROOT-HMI".getBytes())));
        assertThat(named.values(S7Attributes.CALLED_TSAP)).containsExactly("SIMATIC-ROOT-HMI");
        assertThat(named.services()).as("a CR alone proves no S7").isEmpty();
    }

    @Test
    void severalTpktsInOneSegmentAreAllRead() {
        byte[] readVar = job((byte) 0x04, (byte) 1);
        byte[] writeVar = job((byte) 0x05, (byte) 1);
        byte[] plcStop = bytes().u8(0x29, 0, 0, 0, 0, 0, 9).ascii("P_PROGRAM").build();
        Observed o = exchange(fromClient(concat(dt(readVar), dt(writeVar), dt(s7(1, plcStop, new byte[0])))));
        assertThat(o.values(S7Attributes.FUNCTION)).containsExactly("plc-stop", "read-var", "write-var");
    }

    @Test
    void aTpktContinuedInTheNextSegmentIsSkippedAndCounted() {
        S7Dissector s7 = new S7Dissector();
        byte[] whole = dt(job((byte) 0x04, (byte) 1));
        byte[] cut = dt(job((byte) 0x05, (byte) 1));
        Observed o = new Observed(s7).feed(S7Wire.CLIENT,
                fromClient(concat(whole, java.util.Arrays.copyOf(cut, cut.length - 3))));
        assertThat(o.values(S7Attributes.FUNCTION)).containsExactly("read-var");
        assertThat(s7.splitTpkts()).isEqualTo(1);
    }

    @Test
    void aCotpDtWithoutEndOfTsduIsSkippedAndCounted() {
        S7Dissector s7 = new S7Dissector();
        Observed o = new Observed(s7).feed(S7Wire.CLIENT, fromClient(dt(job((byte) 0x04, (byte) 1), false)));
        assertThat(o.all).isEmpty();
        assertThat(s7.cotpFragments()).isEqualTo(1);
    }

    @Test
    void userDataThatIsNotS7IsIgnored() {
        // IEC 61850 MMS over ISO session (SPDU 0x0d CONNECT) on the same port
        S7Dissector s7 = new S7Dissector();
        Observed o = new Observed(s7).feed(S7Wire.CLIENT, fromClient(dt(bytes().u8(0x0d, 0xb2, 5, 6).build())));
        assertThat(o.all).isEmpty();
        assertThat(s7.notS7()).isEqualTo(1);
    }

    @Test
    void plcControlGivesItsPiServiceAndPProgramIsAStart() {
        // job 0x28: 7 octets (…fd), parameter block length 2 "C ", then the PI service name with a length octet
        byte[] param = bytes().u8(0x28, 0, 0, 0, 0, 0, 0, 0xFD).u16(2).ascii("C ").u8(9).ascii("P_PROGRAM").build();
        Observed o = exchange(fromClient(dt(s7(1, param, new byte[0]))));
        assertThat(o.values(S7Attributes.FUNCTION)).containsExactly("plc-control", "plc-start");
        assertThat(o.values(S7Attributes.PI_SERVICE)).containsExactly("P_PROGRAM");
        byte[] compress = bytes().u8(0x28, 0, 0, 0, 0, 0, 0, 0xFD).u16(0).u8(5).ascii("_GARB").build();
        Observed g = exchange(fromClient(dt(s7(1, compress, new byte[0]))));
        assertThat(g.values(S7Attributes.FUNCTION)).containsExactly("plc-control");
        assertThat(g.values(S7Attributes.PI_SERVICE)).containsExactly("_GARB");
    }

    @Test
    void aFunctionUsedAgainIsReportedOnce() {
        byte[] readVar = dt(job((byte) 0x04, (byte) 1));
        Observed o = exchange(fromClient(readVar), fromClient(readVar), fromClient(readVar));
        assertThat(o.attributes(S7Attributes.FUNCTION)).hasSize(1);
    }

    static byte[] moduleRecord(int index, String mlfb, int... ausbgAusbe) {
        return bytes().u16(index).padded(mlfb, 20, ' ').u16(0x00C0).u8(ausbgAusbe).build();
    }

    @Test
    void moduleIdentificationGivesOrderNumberAndVersions() {
        // SZL 0x0011: LENTHDR 28, N_DR 3; index 7 Ausbg/Ausbe = 'V' 2 6 5
        byte[] content = concat(bytes().u16(0x0011).u16(0).u16(28).u16(3).build(),
                moduleRecord(1, "6ES7 315-2EH14-0AB0", 0, 3, 0, 1),
                moduleRecord(6, "6ES7 315-2EH14-0AB0", 0, 3, 0, 1),
                moduleRecord(7, "", 'V', 2, 6, 5));
        Observed o = exchange(fromPlc(dt(userdataResponse(4, 1, 0, true, szlData(content)))));
        assertThat(o.facts()).contains(
                P + "s7.orderNumber=6ES7 315-2EH14-0AB0", P + "s7.firmwareVersion=V2.6.5", P + "s7.hardwareVersion=3");
    }

    static byte[] componentRecord(int index, String text) {
        return bytes().u16(index).padded(text, 32, 0).build();
    }

    @Test
    void componentIdentificationCutBetweenTwoFragmentsIsReadWhole() {
        byte[] content = concat(bytes().u16(0x001C).u16(0).u16(34).u16(3).build(),
                componentRecord(1, "S7300/ET200M station_1"), componentRecord(2, "PLC_1"),
                componentRecord(7, "CPU 315-2 PN/DP"));
        int cut = 8 + 34 * 2 + 5; // inside the index 7 record, after "CPU"
        byte[] first = java.util.Arrays.copyOfRange(content, 0, cut);
        byte[] second = java.util.Arrays.copyOfRange(content, cut, content.length);
        Observed o = exchange(
                fromPlc(dt(userdataResponse(4, 1, 213, false, szlData(first)))),
                fromClient(dt(userdataRequest(4, 1, bytes().u8(0x0A, 0, 0, 0).build()))),
                fromPlc(dt(userdataResponse(4, 1, 213, true, szlData(second)))));
        assertThat(o.facts()).contains(P + "s7.systemName=S7300/ET200M station_1", P + "s7.moduleName=PLC_1",
                P + "s7.moduleTypeName=CPU 315-2 PN/DP");
    }

    @Test
    void aFragmentOfAnotherDataUnitDoesNotContinueTheAnswer() {
        byte[] content = concat(bytes().u16(0x001C).u16(0).u16(34).u16(2).build(),
                componentRecord(1, "station"), componentRecord(7, "CPU 315-2 PN/DP"));
        byte[] first = java.util.Arrays.copyOfRange(content, 0, 8 + 34 + 5);
        byte[] second = java.util.Arrays.copyOfRange(content, 8 + 34 + 5, content.length);
        Observed o = exchange(fromPlc(dt(userdataResponse(4, 1, 7, false, szlData(first)))),
                fromPlc(dt(userdataResponse(4, 1, 8, true, szlData(second)))));
        assertThat(o.values(S7Attributes.SYSTEM_NAME)).containsExactly("station");
        assertThat(o.values(S7Attributes.MODULE_TYPE_NAME)).isEmpty();
    }

    @Test
    void modeTransitionGivesTheRequestedMode() {
        // SZL 0x0424 record: ereig, ae, bzu-id (previous mode high nibble, requested mode low nibble), ...
        byte[] rec = concat(bytes().u16(0x4304).u8(0xFF, 0x83).build(), new byte[16]);
        byte[] content = concat(bytes().u16(0x0424).u16(0).u16(20).u16(1).build(), rec);
        Observed o = exchange(fromPlc(dt(userdataResponse(4, 1, 0, true, szlData(content)))));
        assertThat(o.values(S7Attributes.CPU_MODE)).containsExactly("stop");
    }

    @Test
    void szlAnswersFromTheClientSideOrOtherListsGiveNoIdentity() {
        byte[] content = concat(bytes().u16(0x0011).u16(0).u16(28).u16(1).build(),
                moduleRecord(1, "6ES7 315-2EH14-0AB0", 0, 3, 0, 1));
        assertThat(exchange(fromClient(dt(userdataResponse(4, 1, 0, true, szlData(content)))))
                .values(S7Attributes.ORDER_NUMBER)).isEmpty();
        byte[] other = concat(bytes().u16(0x0131).u16(1).u16(28).u16(1).build(),
                moduleRecord(1, "6ES7 315-2EH14-0AB0", 0, 3, 0, 1));
        assertThat(exchange(fromPlc(dt(userdataResponse(4, 1, 0, true, szlData(other)))))
                .values(S7Attributes.ORDER_NUMBER)).isEmpty();
    }

    @Test
    void s7commPlusOpcodesFunctionsAndCreateObjectVersion() {
        // 0x72, version 1, length, opcode 0x31 request, reserved, function 0x04CA CreateObject
        byte[] request = bytes().u8(0x72, 1).u16(10).u8(0x31, 0, 0).u16(0x04CA).u8(0, 0, 0, 1).build();
        byte[] version = "1;6ES7 214-1AG40-0XB0 ;V4.1".getBytes();
        byte[] response = bytes().u8(0x72, 1).u16(40).u8(0x32, 0, 0).u16(0x04CA).u8(0, 0, 0, 1, 0x82, 0x3F, 0)
                .u8(0x15, version.length).bytes(version).build();
        Observed o = exchange(fromClient(dt(request)), fromPlc(dt(response)));
        assertThat(o.facts()).contains(C + "s7.plusFunction=create-object", C + "s7.plusOpcode=request",
                P + "s7.plusOpcode=response", P + "s7.orderNumber=6ES7 214-1AG40-0XB0", P + "s7.firmwareVersion=V4.1",
                P + "s7.protocol=s7comm-plus");
        assertThat(o.services()).containsExactly("10.0.0.11 102/tcp s7comm-plus");
    }

    @Test
    void aBadS7HeaderIsCountedAndReportedOnlyAsMalformed() {
        S7Dissector s7 = new S7Dissector();
        byte[] badRosctr = bytes().u8(0x32, 9).u16(0).u16(1).u16(0).u16(0).build();
        byte[] overlong = bytes().u8(0x32, 1).u16(0).u16(1).u16(200).u16(0).u8(4).build();
        Observed o = new Observed(s7).feed(S7Wire.CLIENT, fromClient(concat(dt(badRosctr), dt(overlong))));
        assertThat(o.attributes()).isEmpty();
        assertThat(o.operations()).hasSize(2).allSatisfy(op -> assertThat(op).endsWith(" s7:malformed"));
        assertThat(s7.malformed()).isEqualTo(2);
    }
}
