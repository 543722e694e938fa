package io.osprey.dissect.dhcpv6;

import io.osprey.dissect.dhcp.DhcpTesting;
import io.osprey.dissect.dhcp.ObservationLog;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.concat;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.duidLlt;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.iaAddress;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.mac;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.name;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.opaque;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.u16s;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.u32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real DHCPv6 traffic. The only capture of it in ../shared/data/pcaps is nDPI's android.pcap (LGPL-3.0, of
 * mixed provenance), so it is read in place and not copied; the test is skipped when the folder is absent.
 * Expected values are tshark 4.0.17's ({@code -e dhcpv6.msgtype -e dhcpv6.duid.bytes -e dhcpv6.duid.type
 * -e dhcpv6.duidllt.link_layer_addr -e dhcpv6.requested_option_code}).
 */
class Dhcpv6CapturesTest {
    static final Path PCAPS = Path.of("..", "..", "shared", "data", "pcaps");

    @Test
    void androidPhoneSolicit() throws IOException {
        assumeTrue(Files.isDirectory(PCAPS), PCAPS.toAbsolutePath() + " absent: skipped");
        ObservationLog log = new ObservationLog(new Dhcpv6Dissector()).read(PCAPS.resolve("ndpi/android.pcap"));
        String phone = "4c:6a:f6:9f:f6:27/fe80::4e6a:f6ff:fe9f:f627";
        // Frames 69 and 150: the same SOLICIT twice, reported once.
        assertThat(log.lines()).containsExactly(
                phone + " protocol=dhcpv6",
                phone + " dhcpv6.messageType=SOLICIT",
                phone + " dhcpv6.duid=0001000125e5148e4c6af69ff627",
                phone + " dhcpv6.duidType=LLT",
                phone + " dhcpv6.duidMac=4c:6a:f6:9f:f6:27",
                phone + " dhcpv6.optionRequest=23,24");
        assertThat(log.pipeline.dissectorFailures()).isEmpty();
    }

    @Test
    void everyTruncationOfRealAndHandBuiltMessagesIsHandled() throws IOException {
        List<byte[]> frames = new java.util.ArrayList<>(handBuiltFrames());
        if (Files.isDirectory(PCAPS)) frames.addAll(DhcpTesting.frames(PCAPS.resolve("ndpi/android.pcap")));
        for (byte[] frame : frames) {
            for (int length = 0; length <= frame.length; length++) {
                assertThat(DhcpTesting.dissectCut(new Dhcpv6Dissector(), frame, length)).allSatisfy(DhcpTesting::wellFormed);
            }
        }
    }

    static List<byte[]> handBuiltFrames() {
        String clientMac = Dhcpv6DissectorTest.CLIENT_MAC;
        SyntheticFrame client = Dhcpv6DissectorProperties.client();
        SyntheticFrame server = Dhcpv6DissectorProperties.server();
        SyntheticFrame relay = SyntheticFrame.from("00:00:5e:00:01:01", "2001:db8:1::1").to("00:00:5e:00:02:02", "2001:db8:ff::547");
        Dhcpv6Bytes solicit = Dhcpv6Bytes.message(1).option(1, duidLlt(clientMac)).option(6, u16s(23, 24))
                .option(16, concat(u32(311), opaque("MSFT 5.0"))).option(15, opaque("a", "bc"))
                .option(39, concat(new byte[] {1}, name("pc.example.com")));
        byte[] forward = Dhcpv6Bytes.relay(12, 1, "2001:db8:1::1", "2001:db8:7::1").option(9,
                Dhcpv6Bytes.relay(12, 0, "2001:db8:7::1", Dhcpv6DissectorTest.CLIENT_LL)
                        .option(79, concat(u16s(1), mac(clientMac))).option(9, solicit)).build();
        byte[] reply = Dhcpv6Bytes.message(7).option(2, duidLlt(Dhcpv6DissectorTest.SERVER_MAC))
                .option(3, concat(new byte[12], iaAddress("2001:db8:1::99", 3600, 7200)))
                .option(4, concat(new byte[4], iaAddress("2001:db8:1::77", 600, 900))).build();
        return List.of(client.udp(546, 547, solicit.build()), relay.udp(547, 547, forward), server.udp(547, 546, reply));
    }
}
