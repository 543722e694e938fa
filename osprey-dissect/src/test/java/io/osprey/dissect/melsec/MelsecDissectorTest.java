package io.osprey.dissect.melsec;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.melsec.MelsecWire.C;
import static io.osprey.dissect.melsec.MelsecWire.HMI;
import static io.osprey.dissect.melsec.MelsecWire.S;
import static io.osprey.dissect.melsec.MelsecWire.concat;
import static io.osprey.dissect.melsec.MelsecWire.exchange;
import static io.osprey.dissect.melsec.MelsecWire.fourE;
import static io.osprey.dissect.melsec.MelsecWire.request3e;
import static io.osprey.dissect.melsec.MelsecWire.response3e;
import static io.osprey.dissect.melsec.MelsecWire.tcpFromHmi;
import static io.osprey.dissect.melsec.MelsecWire.tcpFromPlc;
import static io.osprey.dissect.melsec.MelsecWire.typeName;
import static io.osprey.dissect.melsec.MelsecWire.udpFromHmi;
import static io.osprey.dissect.melsec.MelsecWire.udpFromPlc;
import static org.assertj.core.api.Assertions.assertThat;

/** SLMP by the rows of the SLMP Reference Manual SH-080956ENG it exercises (§3 frames, §5 commands). */
class MelsecDissectorTest {

    @Test
    void readTypeNameOver3eGivesTheModelAboutTheCpu() {
        // §5-8 Read Type Name 0101 / 0000; answer "Q03UDVCPU" padded with spaces, model code 0x0366
        Observed o = exchange(tcpFromHmi(request3e(0x0101)), tcpFromPlc(response3e(0, typeName("Q03UDVCPU", 0x0366))));
        assertThat(o.facts()).containsExactly(
                C + "melsec.command=read-type-name",
                C + "melsec.protocol=slmp-3e",
                C + "melsec.role=client",
                S + "melsec.cpuModel=Q03UDVCPU",
                S + "melsec.modelCode=0366",
                S + "melsec.protocol=slmp-3e",
                S + "melsec.role=server");
        assertThat(o.services()).containsExactly("10.0.0.11 5007/tcp slmp");
    }

    @Test
    void fourEFramesOverUdpToo() {
        Observed o = exchange(udpFromHmi(fourE(request3e(0x0101), 0x1234)),
                udpFromPlc(fourE(response3e(0, typeName("FX5U-32MT/ES", 0x4a29)), 0x1234)));
        assertThat(o.values(MelsecAttributes.CPU_MODEL)).containsExactly("FX5U-32MT/ES");
        assertThat(o.values(MelsecAttributes.MODEL_CODE)).containsExactly("4A29");
        assertThat(o.values(MelsecAttributes.PROTOCOL)).containsExactly("slmp-4e");
        assertThat(o.services()).containsExactly("10.0.0.11 5007/udp slmp");
    }

    @Test
    void anAnswerToAnotherCommandIsNotReadAsAModel() {
        // §5-2 batch read of 9 words answers 18 octets too: only the answer to 0101 is a type name
        Observed o = exchange(tcpFromHmi(request3e(0x0401, 0x64, 0, 0, 0xa8, 9, 0)),
                tcpFromPlc(response3e(0, typeName("NOT-A-MODEL", 0x1111))),
                tcpFromHmi(request3e(0x0101)),
                tcpFromPlc(response3e(0xC059, new byte[0])));   // an error end code: no data
        assertThat(o.values(MelsecAttributes.CPU_MODEL)).isEmpty();
        assertThat(o.values(MelsecAttributes.COMMAND)).containsExactly("device-read", "read-type-name");
    }

    @Test
    void commandsAreNamedAfterTheCommandListAndUnknownOnesInHex() {
        Observed o = exchange(tcpFromHmi(concat(request3e(0x1401, 0x64, 0, 0, 0xa8, 1, 0, 7, 0),
                request3e(0x1001, 1, 0, 0, 0), request3e(0x1002, 1, 0), request3e(0x1829), request3e(0x7777))));
        assertThat(o.values(MelsecAttributes.COMMAND)).containsExactly("7777", "device-write", "file-write",
                "remote-run", "remote-stop");
    }

    @Test
    void eachFactIsReportedOnceAndCommandsPerHostAreBounded() {
        Observed o = new Observed(new MelsecDissector());
        for (int i = 0; i < 5; i++) o.feed(HMI, tcpFromHmi(request3e(0x0401, 0x64, 0, 0, 0xa8, 1, 0)));
        assertThat(o.attributes()).hasSize(3);
        for (int i = 0; i < 100; i++) o.feed(HMI, udpFromHmi(request3e(0x3000 + i)));
        assertThat(o.values(MelsecAttributes.COMMAND)).hasSize(MelsecDissector.MAX_VALUES_PER_HOST);
        for (int i = 0; i < 3; i++) o.feed(HMI, tcpFromPlc(response3e(0, new byte[2])));
        assertThat(o.all.stream().filter(Observation.Service.class::isInstance)).hasSize(1);
    }

    @Test
    void notSlmpIsCountedNotReported() {
        MelsecDissector d = new MelsecDissector();
        Observed o = new Observed(d);
        byte[] subheader = request3e(0x0401);
        subheader[0] = 0x51;
        byte[] tooLong = request3e(0x0401);
        tooLong[7] = 0x40;                                   // the length runs past the datagram
        byte[] tooShort = request3e(0x0401);
        tooShort[7] = 4;                                     // no room for timer, command and subcommand
        byte[] fourE = fourE(request3e(0x0401), 1);
        fourE[4] = 1;                                        // 4E: two zero octets after the serial
        for (byte[] b : new byte[][] {subheader, tooLong, tooShort, fourE, "GET / HTTP/1.1\r\n".getBytes()}) {
            o.feed(HMI, udpFromHmi(b));
        }
        assertThat(o.attributes()).isEmpty();
        assertThat(d.malformed()).isEqualTo(5);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }
}
