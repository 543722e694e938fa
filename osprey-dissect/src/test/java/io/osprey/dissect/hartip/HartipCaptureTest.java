package io.osprey.dissect.hartip;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client polling a Rosemount HART-IP device over UDP and TCP (ITI capture hart_ip.pcap, CC-BY-4.0). Values as
 * {@code tshark -r F -Y hart_ip -V} (Wireshark 4.0) shows them: version 1; message ids 0, 3, 2, 1; commands 0, 1, 2,
 * 3, 9, 12, 13, 20, 48; frame 4 (UDP) and 81 (TCP) command 0 answers: Expanded Device Type 0x264e, HART Universal
 * Revision 7, Device Revision 4, Device Software Revision 1, Device ID 0000d2, Manufacturer ID 38. The UDP session
 * goes on from the device's port 5095 (frames 2-26), found by its header.
 */
class HartipCaptureTest {

    @Test
    void rosemountDeviceAnswersCommandZeroOverUdpAndTcp() {
        HartipDissector d = new HartipDissector();
        Observed o = new Observed(d).capture(HartipWire.fixture("rosemount-hartip-udp-tcp-sessions.pcap"));
        String device = "00:26:16:00:00:d2/192.168.0.10 ", client = "00:0c:29:50:a9:fc/192.168.0.101 ";
        assertThat(o.facts()).containsExactly(
                client + "hartip.function=command-0",
                client + "hartip.function=command-1",
                client + "hartip.function=command-12",
                client + "hartip.function=command-13",
                client + "hartip.function=command-2",
                client + "hartip.function=command-20",
                client + "hartip.function=command-3",
                client + "hartip.function=command-48",
                client + "hartip.function=command-9",
                client + "hartip.message=keep-alive",
                client + "hartip.message=session-close",
                client + "hartip.message=session-initiate",
                client + "hartip.message=token-passing-pdu",
                client + "hartip.role=client",
                client + "hartip.version=1",
                device + "hartip.deviceId=0000d2",
                device + "hartip.deviceRevision=4",
                device + "hartip.expandedDeviceType=0x264e",
                device + "hartip.manufacturerId=38",
                device + "hartip.role=server",
                device + "hartip.softwareRevision=1",
                device + "hartip.universalRevision=7",
                device + "hartip.version=1");
        assertThat(o.services()).containsExactly("192.168.0.10 5094/tcp hartip", "192.168.0.10 5095/udp hartip");
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(d.malformed()).isZero();
    }

    @Test
    void theClientsHartCommandsAreRoutineOperationsReportedOnce() {
        // tshark -Y "hart_ip.message_type==0" -e hart_ip.pt.command: 0, 1, 2, 3, 9, 12, 13, 20, 48, twice each
        // (UDP and TCP sessions); none of them writes to the device
        Observed o = new Observed(new HartipDissector())
                .capture(HartipWire.fixture("rosemount-hartip-udp-tcp-sessions.pcap"));
        String pair = "00:0c:29:50:a9:fc/192.168.0.101 > 00:26:16:00:00:d2/192.168.0.10 hartip:command command=";
        assertThat(o.operations()).containsExactlyInAnyOrder(pair + 0, pair + 1, pair + 2, pair + 3, pair + 9,
                pair + 12, pair + 13, pair + 20, pair + 48);
    }
}
