package io.osprey.dissect.fins;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.fins.FinsWire.C;
import static io.osprey.dissect.fins.FinsWire.HMI;
import static io.osprey.dissect.fins.FinsWire.S;
import static io.osprey.dissect.fins.FinsWire.command;
import static io.osprey.dissect.fins.FinsWire.concat;
import static io.osprey.dissect.fins.FinsWire.controllerData;
import static io.osprey.dissect.fins.FinsWire.exchange;
import static io.osprey.dissect.fins.FinsWire.response;
import static io.osprey.dissect.fins.FinsWire.tcp;
import static io.osprey.dissect.fins.FinsWire.tcpFromHmi;
import static io.osprey.dissect.fins.FinsWire.tcpFromPlc;
import static io.osprey.dissect.fins.FinsWire.udpFromHmi;
import static io.osprey.dissect.fins.FinsWire.udpFromPlc;
import static org.assertj.core.api.Assertions.assertThat;

/** FINS by the rows of W342 (commands §5, frames §3) and W421 (FINS/TCP §7-4) it exercises. */
class FinsDissectorTest {

    @Test
    void controllerDataReadOverUdpGivesTheModelAndVersionAboutTheAnsweringNode() {
        // §5-3-7: 0501 with parameter 00 (all data); both ends on UDP 9600
        Observed o = exchange(udpFromHmi(command(0x0501, 0)),
                udpFromPlc(response(0x0501, 0x0000, controllerData("CJ2M-CPU31\0\0   ", "02.01", 64, 32768))));
        assertThat(o.facts()).containsExactly(
                S + "fins.controllerModel=CJ2M-CPU31",
                S + "fins.controllerVersion=02.01",
                S + "fins.dmWords=32768",
                S + "fins.programAreaSize=64",
                S + "fins.role=server",
                C + "fins.command=controller-data-read",
                C + "fins.role=client");
        assertThat(o.services()).containsExactly("10.0.0.11 9600/udp fins");
    }

    @Test
    void commandsAreNamedAfterTheCommandListAndUnknownOnesInHex() {
        Observed o = exchange(
                udpFromHmi(command(0x0101, 0x82, 0, 0, 0, 0, 1)),     // §5-3-2 memory area read, DM0, 1 word
                udpFromHmi(command(0x0102, 0x82, 0, 0, 0, 0, 1, 0, 7)), // §5-3-3 memory area write
                udpFromHmi(command(0x0306)),                          // program area read
                udpFromHmi(command(0x0307)),                          // program area write
                udpFromHmi(command(0x0401)),                          // run
                udpFromHmi(command(0x0402)),                          // stop
                udpFromHmi(command(0x0701)),                          // clock read
                udpFromHmi(command(0x2102)),                          // error log read
                udpFromHmi(command(0x0a01)));                         // not in the list
        assertThat(o.values(FinsAttributes.COMMAND)).containsExactly("0a01", "clock-read", "error-log-read",
                "memory-area-read", "memory-area-write", "program-area-read", "program-area-write", "run", "stop");
        assertThat(o.values(FinsAttributes.ROLE)).containsExactly("client");
        assertThat(o.services()).isEmpty();
    }

    @Test
    void controllerStatusReadGivesTheMode() {
        // §5-3-8: status (00 stop, 01 run), mode (00 program, 02 monitor, 04 run), then error data
        Observed o = exchange(udpFromPlc(response(0x0601, 0, new byte[] {1, 4, 0, 0, 0, 0})),
                udpFromPlc(response(0x0601, 0, new byte[] {0, 0, 0, 0, 0, 0})),
                udpFromPlc(response(0x0601, 0, new byte[] {1, 2, 0, 0, 0, 0})),
                udpFromPlc(response(0x0601, 0, new byte[] {1, 3, 0, 0, 0, 0})));   // 03 is no mode
        assertThat(o.values(FinsAttributes.MODE)).containsExactly("monitor", "program", "run");
    }

    @Test
    void errorEndCodesGiveNoDataButFlagBitsDoNot() {
        // §5-1-3: 0401 "area classification missing"; 0x0040 is a non-fatal CPU error flag over normal completion
        Observed o = exchange(udpFromPlc(response(0x0501, 0x0401, controllerData("CP1E-N30DR-A", "1.0", 0, 0))),
                udpFromPlc(response(0x0601, 0x0040, new byte[] {1, 4})));
        assertThat(o.values(FinsAttributes.CONTROLLER_MODEL)).isEmpty();
        assertThat(o.values(FinsAttributes.MODE)).containsExactly("run");
        assertThat(o.values(FinsAttributes.ROLE)).containsExactly("server");
    }

    @Test
    void aShortAnswerGivesOnlyItsWholeFields() {
        // a Controller Data Read for part of the data: model and version but no area data
        byte[] data = java.util.Arrays.copyOf(controllerData("CS1G-CPU42H", "03.00", 10, 0), 40);
        Observed o = exchange(udpFromPlc(response(0x0501, 0, data)),
                udpFromPlc(response(0x0501, 0, java.util.Arrays.copyOf(data, 30))));
        assertThat(o.values(FinsAttributes.CONTROLLER_MODEL)).containsExactly("CS1G-CPU42H");
        assertThat(o.values(FinsAttributes.CONTROLLER_VERSION)).containsExactly("03.00");
        assertThat(o.values(FinsAttributes.PROGRAM_AREA_SIZE)).isEmpty();
    }

    @Test
    void finsTcpFramesInOneSegmentAreAllReadAndTheNodeAddressAnswerMakesAServer() {
        Observed o = exchange(
                tcpFromHmi(tcp(0, new byte[4])),                                       // node address data send
                tcpFromPlc(tcp(1, new byte[] {0, 0, 0, (byte) 251, 0, 0, 0, (byte) 200})),
                tcpFromHmi(concat(tcp(2, command(0x0601)), tcp(2, command(0x0402)))),
                tcpFromPlc(tcp(2, response(0x0601, 0, new byte[] {1, 4}))));
        assertThat(o.facts()).containsExactly(
                S + "fins.mode=run",
                S + "fins.role=server",
                C + "fins.command=controller-status-read",
                C + "fins.command=stop",
                C + "fins.role=client");
        assertThat(o.services()).containsExactly("10.0.0.11 9600/tcp fins");
    }

    @Test
    void eachFactIsReportedOnceAndCommandsPerHostAreBounded() {
        Observed o = new Observed(new FinsDissector());
        for (int i = 0; i < 5; i++) o.feed(HMI, udpFromHmi(command(0x0101, 0x82, 0, 0, 0, 0, 1)));
        assertThat(o.attributes()).hasSize(2);
        for (int i = 0; i < 100; i++) o.feed(HMI, udpFromHmi(command(0x3000 + i)));
        assertThat(o.values(FinsAttributes.COMMAND)).hasSize(FinsDissector.MAX_VALUES_PER_HOST);
        for (int i = 0; i < 3; i++) o.feed(HMI, udpFromPlc(response(0x0601, 0, new byte[] {1, 4})));
        assertThat(o.all.stream().filter(Observation.Service.class::isInstance)).hasSize(1);
    }

    @Test
    void notFinsIsCountedNotReported() {
        FinsDissector d = new FinsDissector();
        Observed o = new Observed(d);
        byte[] reserved = command(0x0101);
        reserved[0] |= 0x02;                              // §3: ICF bits 5-1 are zero
        byte[] rsv = command(0x0101);
        rsv[1] = 1;                                       // RSV is zero
        byte[] gateways = command(0x0101);
        gateways[2] = 8;                                  // at most 7 gateways
        byte[] magic = tcp(2, command(0x0101));
        magic[0] = 'X';
        byte[] huge = tcp(2, command(0x0101));
        huge[5] = 0x7f;                                   // length beyond a FINS frame
        for (byte[] b : new byte[][] {reserved, rsv, gateways, new byte[] {(byte) 0x80, 0, 2}}) o.feed(HMI, udpFromHmi(b));
        o.feed(HMI, tcpFromHmi(magic)).feed(HMI, tcpFromHmi(huge));
        assertThat(o.attributes()).isEmpty();
        assertThat(d.malformed()).isEqualTo(6);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }
}
