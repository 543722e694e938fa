package io.osprey.dissect.sbus;

import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.osprey.dissect.sbus.SbusWire.C;
import static io.osprey.dissect.sbus.SbusWire.S;
import static io.osprey.dissect.sbus.SbusWire.ackNak;
import static io.osprey.dissect.sbus.SbusWire.exchange;
import static io.osprey.dissect.sbus.SbusWire.fromPcd;
import static io.osprey.dissect.sbus.SbusWire.fromScada;
import static io.osprey.dissect.sbus.SbusWire.request;
import static io.osprey.dissect.sbus.SbusWire.response;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-built Ether-S-Bus telegrams (SBC manual 26/739), one per telegram kind. No public capture holds S-Bus; the
 * same telegrams written to a pcap decode in tshark 4 as "SAIA S-Bus" with "Checksum: [correct]", "CPU status:
 * Run (0x52)", "PCD type: D3M54", "Firmware version: 1A0", "Command: Stop procedure*, (own CPU) (0x43)" and
 * "ACK/NAK code: NAK, because of password (0x0002)".
 */
class SbusDissectorTest {
    private static final String OPS = C + "> " + S + "sbus:";

    @Test
    void readPcdStatusAnswerStatesTheModeOfThePcd() {
        // Read PCD Status (own) 0x1B; the answer is one octet, 'R' run
        Observed o = exchange(fromScada(request(1, 10, 0x1B)), fromPcd(response(1, new byte[] {'R'})));
        assertThat(o.facts()).containsExactly(
                S + "sbus.role=server",
                S + "sbus.station=10",
                S + "sbus.status=run",
                C + "sbus.function=read-pcd-status-own",
                C + "sbus.role=client");
        assertThat(o.operations()).containsExactly(OPS + "read-pcd-status-own", OPS + "mode run");
        assertThat(o.services()).containsExactly("10.0.0.11 5050/udp sbus");
        assertThat(o.attributes(SbusAttributes.STATUS).getFirst().confidence()).isEqualTo(SbusAttributes.STATED);
    }

    @Test
    void statusOfAnotherCpuStopAndHaltAreRead() {
        Observed o = exchange(fromScada(request(1, 10, 0x15)), fromPcd(response(1, new byte[] {'S'})),
                fromScada(request(2, 10, 0x14)), fromPcd(response(2, new byte[] {'H'})));
        assertThat(o.values(SbusAttributes.STATUS)).containsExactly("halt", "stop");
        assertThat(o.values(SbusAttributes.FUNCTION)).containsExactly("read-pcd-status-cpu0", "read-pcd-status-cpu1");
        assertThat(o.operations()).contains(OPS + "mode stop", OPS + "mode halt");
    }

    @Test
    void firmwareVersionAnswerStatesPcdTypeAndVersion() {
        // Read Firmware Version 0x20: PCD type (5 characters), firmware version (3), and a spare octet
        byte[] answer = "D3M541A0\0".getBytes(StandardCharsets.ISO_8859_1);
        Observed o = exchange(fromScada(request(7, 10, 0x20)), fromPcd(response(7, answer)));
        assertThat(o.values(SbusAttributes.PCD_TYPE)).containsExactly("D3M54");
        assertThat(o.values(SbusAttributes.FIRMWARE_VERSION)).containsExactly("1A0");
        assertThat(o.attributes(SbusAttributes.PCD_TYPE).getFirst().host().toString()).isEqualTo(S.trim());
    }

    @Test
    void anAnswerIsReadOnlyForTheSequenceOfItsRequest() {
        byte[] answer = "D3M541A0\0".getBytes(StandardCharsets.ISO_8859_1);
        Observed o = exchange(fromScada(request(7, 10, 0x20)), fromPcd(response(8, answer)),
                fromPcd(response(9, new byte[] {'R'})));
        assertThat(o.values(SbusAttributes.PCD_TYPE)).isEmpty();
        assertThat(o.values(SbusAttributes.STATUS)).isEmpty();
    }

    @Test
    void aStatusAnswerToAReadRegisterIsNotTakenAsAMode() {
        // Read Register 0x06: count-1, address u16; its answer is 32-bit values whose first octet may be 'R'
        Observed o = exchange(fromScada(request(3, 10, 0x06, 0, 0x03, 0xE8)),
                fromPcd(response(3, new byte[] {'R', 0, 0, 1})));
        assertThat(o.values(SbusAttributes.STATUS)).isEmpty();
        assertThat(o.operations()).containsExactly(OPS + "read-register");
    }

    @Test
    void routineReadsAreReportedOncePerPair() {
        Observed o = exchange(fromScada(request(1, 10, 0x06, 0, 0, 1)), fromScada(request(2, 10, 0x06, 0, 0, 2)),
                fromScada(request(3, 10, 0x02, 7, 0, 0)));
        assertThat(o.operations()).containsExactly(OPS + "read-register", OPS + "read-flag");
    }

    @Test
    void runStopRestartAndWritesAreReportedAtEachOccurrence() {
        // Stop own CPU 0x43, Run all 0x30, Restart cold all 0x39, Clear flags 0x5B, Write Register 0x0E
        // (w-count 5 = one 32-bit value, address 1000, value 42)
        Observed o = exchange(fromScada(request(1, 10, 0x43)), fromScada(request(2, 10, 0x43)),
                fromScada(request(3, 10, 0x30)), fromScada(request(4, 10, 0x39)), fromScada(request(5, 10, 0x5B)),
                fromScada(request(6, 10, 0x0E, 5, 0x03, 0xE8, 0, 0, 0, 42)),
                fromScada(request(7, 10, 0x0E, 5, 0x03, 0xE8, 0, 0, 0, 43)));
        assertThat(o.operations()).containsExactly(
                OPS + "stop-own station=10",
                OPS + "stop-own station=10",
                OPS + "run-all station=10",
                OPS + "restart-cold-all station=10",
                OPS + "clear-flags station=10",
                OPS + "write-register station=10 address=1000",
                OPS + "write-register station=10 address=1000");
        assertThat(o.values(SbusAttributes.FUNCTION))
                .containsExactly("clear-flags", "restart-cold-all", "run-all", "stop-own", "write-register");
    }

    @Test
    void aNakIsReportedWithItsCodeAndAnAckIsNot() {
        Observed o = exchange(fromScada(request(4, 10, 0x0E, 5, 0x03, 0xE8, 0, 0, 0, 42)), fromPcd(ackNak(4, 2)),
                fromScada(request(5, 10, 0x43)), fromPcd(ackNak(5, 0)));
        assertThat(o.operations()).containsExactly(
                OPS + "write-register station=10 address=1000",
                OPS + "nak code=2",
                OPS + "stop-own station=10");
    }

    @Test
    void unknownCommandsAreNamedInHex() {
        Observed o = exchange(fromScada(request(1, 10, 0xFE)));
        assertThat(o.values(SbusAttributes.FUNCTION)).containsExactly("fe");
        assertThat(o.operations()).containsExactly(OPS + "unknown-command command=fe");
    }

    @Test
    void broadcastStationNamesNoPcd() {
        Observed o = exchange(fromScada(request(1, 255, 0x1D)));
        assertThat(o.values(SbusAttributes.STATION)).isEmpty();
        assertThat(o.values(SbusAttributes.FUNCTION)).containsExactly("read-station-number");
    }

    @Test
    void aWrongCrcOrLengthIsMalformed() {
        SbusDissector d = new SbusDissector();
        Observed o = new Observed(d);
        byte[] bad = request(1, 10, 0x43);
        bad[bad.length - 1] ^= 1;
        o.feed(SbusWire.SCADA, fromScada(bad));
        byte[] longer = request(2, 10, 0x1B);
        longer[3]++; // the length field claims one octet more than the datagram holds
        o.feed(SbusWire.SCADA, fromScada(longer));
        assertThat(o.attributes()).isEmpty();
        assertThat(o.operations()).containsExactly(OPS + "malformed", OPS + "malformed");
        assertThat(d.malformed()).isEqualTo(2);
    }

    @Test
    void otherProtocolsOnThePortAreIgnored() {
        SbusDissector d = new SbusDissector();
        Observed o = new Observed(d);
        o.feed(SbusWire.SCADA, fromScada("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(o.all).isEmpty();
        assertThat(d.notSbus()).isEqualTo(1);
        assertThat(d.malformed()).isZero();
    }

    @Test
    void crcIsTheCcittPolynomialFromZero() {
        // CRC-16/XMODEM check value of "123456789" (the S-Bus CRC: polynomial 0x1021, initial value 0)
        Payload p = new Payload();
        byte[] check = "123456789".getBytes(StandardCharsets.ISO_8859_1);
        p.wrap(check, 0, check.length);
        assertThat(SbusDissector.crc(p, 0, check.length)).isEqualTo(0x31C3);
        assertThat(SbusWire.crc(check)).isEqualTo(0x31C3);
    }

    @Test
    void everyCommandOfTheListHasADistinctName() {
        java.util.Set<String> names = new java.util.HashSet<>();
        int n = 0;
        for (int code = 0; code < 256; code++) {
            String name = SbusCommands.name(code);
            if (name == null) continue;
            n++;
            assertThat(names.add(name)).as(name).isTrue();
            assertThat(name).matches("[a-z0-9-]+");
        }
        assertThat(n).isEqualTo(names.size()).isGreaterThan(100);
        assertThat(SbusCommands.changesPcd(0x06)).isFalse();
        assertThat(SbusCommands.changesPcd(0xAE)).isTrue();
    }
}
