package io.osprey.dissect.dhcp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real captures copied into fixtures/dhcp (see SOURCES.md there). Expected values are tshark 4.0.17's
 * ({@code tshark -r F -T fields -e dhcp.hw.mac_addr -e dhcp.option.hostname -e dhcp.option.request_list_item
 * -e dhcp.option.vendor_class_id -e dhcp.option.type ...}), pasted by hand.
 */
class DhcpCapturesTest {

    static Path fixture(String name) {
        try {
            return Path.of(DhcpCapturesTest.class.getResource("/fixtures/dhcp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void relayedRenewalOfARaspberryPi() throws IOException {
        // Frame 1: relay 00:23:eb:10:2c:29 (62.12.173.121, hops 1) forwards the Pi's DHCPREQUEST; chaddr is
        // b8:27:eb:b8:53:c8. Frame 2: the server 62.12.173.114 ACKs to the relay, yiaddr 62.12.173.123.
        ObservationLog log = new ObservationLog(new DhcpDissector()).read(fixture("dhcp-relayed-request-and-ack.pcap"));
        String pi = "b8:27:eb:b8:53:c8";
        assertThat(log.lines()).containsExactly(
                pi + " protocol=dhcp",
                pi + " dhcp.messageType=REQUEST",
                pi + " dhcp.hostname=raspberrypi",
                pi + " dhcp.vendorClass=dhcpcd-6.11.5:Linux-4.1.18-v7+:armv7l:BCM2709",
                pi + " dhcp.parameterRequestList=1,121,33,3,6,12,15,28,42,51,54,58,59,100,101,119",
                pi + " dhcp.clientId=01b827ebb853c8",
                pi + " dhcp.maxMessageSize=1472",
                pi + " dhcp.options=53,61,57,161,60,12,145,55",
                pi + " dhcp.relayAgent=62.12.173.121",
                "62.12.173.121 dhcp.role=relay",
                "service 62.12.173.114 udp/67 dhcp",
                "62.12.173.114 dhcp.role=server",
                "62.12.173.114 protocol=dhcp",
                // tshark: dhcp.option.dhcp_server_id 62.12.173.114, dhcp.option.router 62.12.173.121
                "operation " + pi + "/62.12.173.123 > 62.12.173.114 dhcp:ack server-id=62.12.173.114"
                        + " router=62.12.173.121",
                "binding " + pi + " 62.12.173.123");
        assertThat(log.pipeline.dissectorFailures()).isEmpty();
    }

    @Test
    void discoverOfferRequestNakRequestAckDeclineReleaseInform() throws IOException {
        ObservationLog log = new ObservationLog(new DhcpDissector()).read(fixture("dhcp-dora-release-inform.pcap"));
        String client = "90:b1:1c:99:49:29", server = "00:0c:29:40:0e:ef/128.2.6.152";
        assertThat(log.lines()).containsExactly(
                // 1 DISCOVER
                client + " protocol=dhcp",
                client + " dhcp.messageType=DISCOVER",
                client + " dhcp.hostname=btest.is.cool",
                client + " dhcp.requestedIp=192.168.211.194",
                client + " dhcp.options=53,50,12",
                // 2 OFFER from the server, on the client's link (giaddr and ciaddr 0)
                "service " + server + " udp/67 dhcp",
                server + " dhcp.role=server",
                server + " protocol=dhcp",
                // tshark: dhcp.ip.your 128.2.6.97, dhcp.option.dhcp_server_id 128.2.6.152, dhcp.option.router 128.2.6.1
                "operation " + client + "/128.2.6.97 > " + server + " dhcp:offer server-id=128.2.6.152 router=128.2.6.1",
                // 3 REQUEST; 4 NAK brings nothing new
                client + " dhcp.messageType=REQUEST",
                client + " dhcp.options=53,54,50,12",
                // 5 REQUEST for another address, 6 ACK
                client + " dhcp.requestedIp=128.2.6.189",
                "operation " + client + "/128.2.6.189 > " + server + " dhcp:ack server-id=128.2.6.152 router=128.2.6.1",
                "binding " + client + " 128.2.6.189",
                // 7 DECLINE, 8 RELEASE, 9 INFORM
                client + " dhcp.messageType=DECLINE",
                client + " dhcp.options=53",
                client + " dhcp.messageType=RELEASE",
                client + " dhcp.messageType=INFORM",
                client + " dhcp.options=53,51,50,12");
    }

    @Test
    void dlinkCameraDiscoverAndRequest() throws IOException {
        // IoT Sentinel D-LinkCam Setup-C-3: the DCS-935L's own words (GROUND_TRUTH.md).
        ObservationLog log = new ObservationLog(new DhcpDissector()).read(fixture("dlink-dcs935l-discover-request.pcap"));
        String cam = "b0:c5:54:25:5b:0e";
        assertThat(log.lines()).containsExactly(
                cam + " protocol=dhcp",
                cam + " dhcp.messageType=DISCOVER",
                cam + " dhcp.hostname=DCS-935L",
                cam + " dhcp.vendorClass=udhcp 1.22.1",
                cam + " dhcp.parameterRequestList=1,3,6,12,15,28,42",
                cam + " dhcp.clientId=01b0c554255b0e",
                cam + " dhcp.maxMessageSize=576",
                cam + " dhcp.options=53,61,57,55,60,12",
                cam + " dhcp.messageType=REQUEST",
                cam + " dhcp.requestedIp=10.10.10.37",
                cam + " dhcp.options=53,61,50,54,57,55,60,12");
    }

    @Test
    void everyTruncationOfEveryRealMessageIsHandled() throws IOException {
        for (String name : List.of("dhcp-relayed-request-and-ack.pcap", "dhcp-dora-release-inform.pcap",
                "dlink-dcs935l-discover-request.pcap")) {
            for (byte[] frame : DhcpTesting.frames(fixture(name))) {
                for (int length = 0; length <= frame.length; length++) {
                    assertThat(DhcpTesting.dissectCut(new DhcpDissector(), frame, length)).allSatisfy(DhcpTesting::wellFormed);
                }
            }
        }
    }
}
