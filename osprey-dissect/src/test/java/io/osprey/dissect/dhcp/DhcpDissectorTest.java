package io.osprey.dissect.dhcp;

import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.dhcp.DhcpBytes.ascii;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built messages, grouped by the spec rows they exercise. */
class DhcpDissectorTest {
    static final String CLIENT = "b0:c5:54:25:5b:0e", SERVER_MAC = "00:0c:29:40:0e:ef", RELAY_MAC = "00:23:eb:10:2c:29";
    static final int DISCOVER = 1, OFFER = 2, REQUEST = 3, ACK = 5, NAK = 6, INFORM = 8, LEASEQUERY = 10;

    final DhcpDissector dhcp = new DhcpDissector();
    final ObservationLog log = new ObservationLog(dhcp);

    /** A client broadcasting from 0.0.0.0:68 (RFC 2131 §4.1). */
    void fromClient(byte[] message) {
        SyntheticFrame f = SyntheticFrame.from(CLIENT, "0.0.0.0").to("ff:ff:ff:ff:ff:ff", "255.255.255.255");
        log.feed(f, f.udp(68, 67, message));
    }

    void fromServer(byte[] message) {
        SyntheticFrame f = SyntheticFrame.from(SERVER_MAC, "10.0.0.1").to(CLIENT, "10.0.0.37");
        log.feed(f, f.udp(67, 68, message));
    }

    @Nested
    class FixedHeader {
        @Test
        void relayedFactsAreAboutChaddrNotTheFrameSender() {
            // RFC 2131 §4.1: the relay agent forwards from its own address and MAC, with giaddr set.
            SyntheticFrame f = SyntheticFrame.from(RELAY_MAC, "192.168.7.1").to(SERVER_MAC, "10.0.0.1");
            log.feed(f, f.udp(67, 67, DhcpBytes.request(CLIENT).giaddr("192.168.7.1")
                    .option(53, DISCOVER).text(12, "DCS-935L").end().build()));
            assertThat(log.lines()).containsExactlyInAnyOrder(
                    CLIENT + " protocol=dhcp",
                    CLIENT + " dhcp.messageType=DISCOVER",
                    CLIENT + " dhcp.hostname=DCS-935L",
                    CLIENT + " dhcp.options=53,12",
                    CLIENT + " dhcp.relayAgent=192.168.7.1",
                    "192.168.7.1 dhcp.role=relay");
        }

        @Test
        void aHardwareTypeWithoutMacNamesTheClientByCiaddr() {
            // RFC 4390: IPoIB clients send htype 32 with hlen 0; the client is then known by its address only.
            fromClient(DhcpBytes.request(CLIENT).hardware(32, 0).ciaddr("10.0.0.37")
                    .option(53, REQUEST).text(12, "ib-node").end().build());
            assertThat(log.lines()).contains("10.0.0.37 dhcp.hostname=ib-node")
                    .noneMatch(l -> l.startsWith(CLIENT));
        }

        @Test
        void aClientWithNeitherMacNorAddressIsSkipped() {
            fromClient(DhcpBytes.request(CLIENT).hardware(32, 0).option(53, DISCOVER).text(12, "x").end().build());
            assertThat(log.all).isEmpty();
            assertThat(dhcp.anonymous()).isEqualTo(1);
        }

        @Test
        void withoutTheMagicCookieItIsPlainBootpAndItsReplyBindsYiaddr() {
            // RFC 951 §3: no options; the reply's yiaddr is the client's address.
            fromClient(DhcpBytes.request(CLIENT).noCookie().text(12, "ignored").build());
            fromServer(DhcpBytes.reply(CLIENT).noCookie().yiaddr("10.0.0.37").build());
            assertThat(log.lines()).containsExactly("binding " + CLIENT + " 10.0.0.37");
        }

        @Test
        void payloadShorterThanTheFixedHeaderIsNotDhcp() {
            fromClient(new byte[DhcpMessage.FIXED_HEADER_LENGTH - 1]);
            assertThat(log.all).isEmpty();
            assertThat(dhcp.notDhcp()).isEqualTo(1);
        }
    }

    @Nested
    class ClientOptions {
        @Test
        void hostnameVendorClassAndParameterRequestListInTheClientsOrder() {
            // RFC 2132 §3.14, §9.13, §9.8: the order of option 55 is the client's and is kept.
            fromClient(DhcpBytes.request(CLIENT).option(53, DISCOVER).option(55, 1, 3, 6, 12, 15, 28, 42)
                    .text(60, "udhcp 1.22.1").text(12, "DCS-935L").end().build());
            assertThat(log.values(DhcpAttributes.PARAMETER_REQUEST_LIST)).containsExactly("1,3,6,12,15,28,42");
            assertThat(log.values(DhcpAttributes.VENDOR_CLASS)).containsExactly("udhcp 1.22.1");
            assertThat(log.values(DhcpAttributes.HOSTNAME)).containsExactly("DCS-935L");
            assertThat(log.values(DhcpAttributes.OPTIONS)).containsExactly("53,55,60,12");
        }

        @Test
        void clientIdIsHexWithItsTypeByte() {
            // RFC 2132 §9.14: type 1 (Ethernet) then the MAC.
            fromClient(DhcpBytes.request(CLIENT).option(61, 1, 0xb0, 0xc5, 0x54, 0x25, 0x5b, 0x0e).end().build());
            assertThat(log.values(DhcpAttributes.CLIENT_ID)).containsExactly("01b0c554255b0e");
        }

        @Test
        void requestedIpMaxMessageSizeAndMessageType() {
            // RFC 2132 §9.1, §9.10, §9.6
            fromClient(DhcpBytes.request(CLIENT).option(53, REQUEST).ip(50, "10.10.10.37").option(57, 0x02, 0x40)
                    .end().build());
            assertThat(log.values(DhcpAttributes.REQUESTED_IP)).containsExactly("10.10.10.37");
            assertThat(log.values(DhcpAttributes.MAX_MESSAGE_SIZE)).containsExactly("576");
            assertThat(log.values(DhcpAttributes.MESSAGE_TYPE)).containsExactly("REQUEST");
        }

        @Test
        void aTrailingNulIsNotPartOfTheHostname() {
            fromClient(DhcpBytes.request(CLIENT).option(12, 'c', 'a', 'm', 0).end().build());
            assertThat(log.values(DhcpAttributes.HOSTNAME)).containsExactly("cam");
        }

        @Test
        void controlCharactersAreEscapedAndUtf8IsKept() {
            fromClient(DhcpBytes.request(CLIENT).option(12, 'a', 0x0a, 'b').text(60, "Jöns").end().build());
            assertThat(log.values(DhcpAttributes.HOSTNAME)).containsExactly("a\\x0ab");
            assertThat(log.values(DhcpAttributes.VENDOR_CLASS)).containsExactly("Jöns");
        }

        @Test
        void userClassInstancesPerRfc3004() {
            // RFC 3004: UC_Len_i, then the data of each instance.
            int[] a = ascii("subopt1"), b = ascii("subopt2-123456789");
            int[] value = new int[2 + a.length + b.length];
            value[0] = a.length;
            System.arraycopy(a, 0, value, 1, a.length);
            value[1 + a.length] = b.length;
            System.arraycopy(b, 0, value, 2 + a.length, b.length);
            fromClient(DhcpBytes.request(CLIENT).option(77, value).end().build());
            assertThat(log.values(DhcpAttributes.USER_CLASS)).containsExactly("subopt1,subopt2-123456789");
        }

        @Test
        void userClassThatIsNotInRfc3004FormIsTakenAsOneString() {
            // Windows sends option 77 as a bare string; "MSFT" would read as a 77-byte instance.
            fromClient(DhcpBytes.request(CLIENT).text(77, "MSFT Guest").end().build());
            assertThat(log.values(DhcpAttributes.USER_CLASS)).containsExactly("MSFT Guest");
        }

        @Test
        void clientFqdnInWireFormat() {
            // RFC 4702 §2.1: flags with E (0x04) set, RCODE1, RCODE2, then the name as DNS labels.
            fromClient(DhcpBytes.request(CLIENT).option(81, 0x05, 0, 0, 3, 'c', 'a', 'm', 7, 'e', 'x', 'a', 'm', 'p',
                    'l', 'e', 0).end().build());
            assertThat(log.values(DhcpAttributes.CLIENT_FQDN)).containsExactly("cam.example");
        }

        @Test
        void clientFqdnInDeprecatedAscii() {
            // RFC 4702 §2.3.1: E clear means ASCII.
            fromClient(DhcpBytes.request(CLIENT).option(81, 0x01, 0, 0, 'p', 'c', '.', 'l', 'a', 'n').end().build());
            assertThat(log.values(DhcpAttributes.CLIENT_FQDN)).containsExactly("pc.lan");
        }

        @Test
        void aCompressedFqdnIsMalformed() {
            // RFC 4702 §2.1: canonical wire format without compression; 0xc0 would be a pointer.
            fromClient(DhcpBytes.request(CLIENT).option(81, 0x04, 0, 0, 0xc0, 0x0c).end().build());
            assertThat(log.values(DhcpAttributes.CLIENT_FQDN)).isEmpty();
            assertThat(dhcp.malformed()).isEqualTo(1);
        }

        @Test
        void relayAgentInformationIsReportedByItsSubOptionCodesOnly() {
            // RFC 3046 §2.0: circuit id (1) and remote id (2); their values are not kept.
            SyntheticFrame f = SyntheticFrame.from(RELAY_MAC, "192.168.7.1").to(SERVER_MAC, "10.0.0.1");
            log.feed(f, f.udp(67, 67, DhcpBytes.request(CLIENT).giaddr("192.168.7.1").option(53, DISCOVER)
                    .option(82, 1, 2, 0, 7, 2, 3, 'a', 'b', 'c').end().build()));
            assertThat(log.values(DhcpAttributes.RELAY_AGENT_INFO)).containsExactly("1,2");
        }

        @Test
        void leaseQueriesSayNothingAboutTheClientTheyName() {
            // RFC 4388: sent by an access concentrator with the queried client's chaddr.
            fromClient(DhcpBytes.request(CLIENT).option(53, LEASEQUERY).text(12, "nope").end().build());
            assertThat(log.all).isEmpty();
        }

        @Test
        void anInformBindsTheClientToItsOwnCiaddr() {
            // RFC 2131 §4.4.3
            fromClient(DhcpBytes.request(CLIENT).ciaddr("10.0.0.37").option(53, INFORM).end().build());
            assertThat(log.lines()).contains("binding " + CLIENT + " 10.0.0.37");
        }
    }

    @Nested
    class OptionEncoding {
        @Test
        void padsAreSkippedAndNothingAfterEndIsRead() {
            // RFC 2132 §3.1, §3.2
            fromClient(DhcpBytes.request(CLIENT).raw(0, 0, 0).text(12, "cam").raw(0).end().text(60, "after-end").build());
            assertThat(log.values(DhcpAttributes.HOSTNAME)).containsExactly("cam");
            assertThat(log.values(DhcpAttributes.VENDOR_CLASS)).isEmpty();
            assertThat(log.values(DhcpAttributes.OPTIONS)).containsExactly("12");
        }

        @Test
        void anOptionRunningPastThePacketEndsTheScanAndKeepsWhatCameBefore() {
            fromClient(DhcpBytes.request(CLIENT).text(12, "cam").raw(60, 200, 'u', 'd').build());
            assertThat(log.values(DhcpAttributes.HOSTNAME)).containsExactly("cam");
            assertThat(log.values(DhcpAttributes.VENDOR_CLASS)).isEmpty();
            assertThat(dhcp.malformed()).isEqualTo(1);
        }

        @Test
        void aLengthByteCutOffAtTheEndIsMalformed() {
            fromClient(DhcpBytes.request(CLIENT).text(12, "cam").raw(60).build());
            assertThat(log.values(DhcpAttributes.HOSTNAME)).containsExactly("cam");
            assertThat(dhcp.malformed()).isEqualTo(1);
        }

        @Test
        void theFirstOfRepeatedOptionsCounts() {
            fromClient(DhcpBytes.request(CLIENT).text(12, "first").text(12, "second").end().build());
            assertThat(log.values(DhcpAttributes.HOSTNAME)).containsExactly("first");
            assertThat(log.values(DhcpAttributes.OPTIONS)).containsExactly("12,12");
        }

        @Test
        void overloadedFileFieldIsReadAfterTheOptionsThenSname() {
            // RFC 2132 §9.3 value 3: both 'file' (108) and 'sname' (44) carry options; RFC 2131 §4.1 order.
            byte[] inFile = {12, 3, 'c', 'a', 'm', (byte) 255};
            byte[] inSname = {60, 2, 'v', 'c', (byte) 255};
            fromClient(DhcpBytes.request(CLIENT).header(DhcpMessage.FILE_OFFSET, inFile)
                    .header(DhcpMessage.SNAME_OFFSET, inSname).option(53, DISCOVER).option(52, 3).end().build());
            assertThat(log.values(DhcpAttributes.HOSTNAME)).containsExactly("cam");
            assertThat(log.values(DhcpAttributes.VENDOR_CLASS)).containsExactly("vc");
            assertThat(log.values(DhcpAttributes.OPTIONS)).containsExactly("53,52,12,60");
        }

        @Test
        void withoutOverloadTheFileFieldIsABootFileName() {
            byte[] inFile = {12, 3, 'c', 'a', 'm', (byte) 255};
            fromClient(DhcpBytes.request(CLIENT).header(DhcpMessage.FILE_OFFSET, inFile).option(53, DISCOVER).end()
                    .build());
            assertThat(log.values(DhcpAttributes.HOSTNAME)).isEmpty();
        }

        @Test
        void anOverloadOptionInsideTheOverloadedFieldsIsIgnored() {
            // Only the options field may carry option 52 (RFC 2132 §9.3); one in 'file' must not re-read it.
            byte[] inFile = {52, 1, 3, 12, 3, 'c', 'a', 'm', (byte) 255};
            fromClient(DhcpBytes.request(CLIENT).header(DhcpMessage.FILE_OFFSET, inFile).option(52, 1).end().build());
            assertThat(log.values(DhcpAttributes.HOSTNAME)).containsExactly("cam");
            assertThat(log.values(DhcpAttributes.OPTIONS)).containsExactly("52,12");
        }

        @Test
        void anOverloadedFieldWithARunawayLengthIsMalformedButHarmless() {
            byte[] inSname = {12, (byte) 200, 'x'};
            fromClient(DhcpBytes.request(CLIENT).header(DhcpMessage.SNAME_OFFSET, inSname).option(52, 2).end().build());
            assertThat(log.values(DhcpAttributes.HOSTNAME)).isEmpty();
            assertThat(dhcp.malformed()).isEqualTo(1);
        }
    }

    @Nested
    class ServerSide {
        @Test
        void anOfferProvesTheServerNamedByOption54AndBindsNothing() {
            // RFC 2131 §4.3.1: the server identifies itself in option 54.
            SyntheticFrame f = SyntheticFrame.from(SERVER_MAC, "10.0.0.1").to(CLIENT, "10.0.0.37");
            log.feed(f, f.udp(67, 68, DhcpBytes.reply(CLIENT).yiaddr("10.0.0.37").option(53, OFFER)
                    .ip(54, "10.0.0.1").end().build()));
            assertThat(log.lines()).containsExactlyInAnyOrder(
                    "service " + SERVER_MAC + "/10.0.0.1 udp/67 dhcp",
                    SERVER_MAC + "/10.0.0.1 dhcp.role=server",
                    SERVER_MAC + "/10.0.0.1 protocol=dhcp",
                    "operation " + CLIENT + "/10.0.0.37 > " + SERVER_MAC + "/10.0.0.1 dhcp:offer server-id=10.0.0.1"
                            + " router=none");
        }

        @Test
        void aServerThatOffersItselfAsTheRouterIsTheGateway() {
            // RFC 2132 §3.5: option 3 lists the client's routers; a home router's DHCP server names itself.
            fromServer(DhcpBytes.reply(CLIENT).yiaddr("10.0.0.37").option(53, OFFER).ip(54, "10.0.0.1")
                    .ip(3, "10.0.0.1").end().build());
            assertThat(log.lines()).contains(SERVER_MAC + "/10.0.0.1 role=gateway");
            log.all.clear();
            SyntheticFrame f = SyntheticFrame.from(SERVER_MAC, "10.0.0.2").to(CLIENT, "10.0.0.37");
            log.feed(f, f.udp(67, 68, DhcpBytes.reply(CLIENT).yiaddr("10.0.0.37").option(53, OFFER)
                    .ip(54, "10.0.0.2").ip(3, "10.0.0.1").end().build()));
            assertThat(log.lines()).noneMatch(l -> l.contains("role=gateway"));
        }

        @Test
        void anAckBindsChaddrToYiaddr() {
            fromServer(DhcpBytes.reply(CLIENT).yiaddr("10.0.0.37").option(53, ACK).ip(54, "10.0.0.1").end().build());
            assertThat(log.lines()).contains("binding " + CLIENT + " 10.0.0.37");
            assertThat(log.all).filteredOn(o -> o instanceof io.osprey.dissect.Observation.Binding)
                    .allSatisfy(o -> assertThat(o.source()).isEqualTo("dhcp"));
        }

        @Test
        void theAckToAnInformBindsCiaddr() {
            // RFC 2131 §4.3.5: yiaddr stays 0.
            fromServer(DhcpBytes.reply(CLIENT).ciaddr("10.0.0.37").option(53, ACK).ip(54, "10.0.0.1").end().build());
            assertThat(log.lines()).contains("binding " + CLIENT + " 10.0.0.37");
        }

        @Test
        void aNakBindsNothing() {
            fromServer(DhcpBytes.reply(CLIENT).option(53, NAK).ip(54, "10.0.0.1").end().build());
            assertThat(log.lines()).noneMatch(l -> l.startsWith("binding"))
                    .contains(SERVER_MAC + "/10.0.0.1 dhcp.role=server");
        }

        @Test
        void aRelayedAckNamesTheServerByOption54WithoutTheRelaysMac() {
            // The relay agent passes the reply on from its own address (giaddr) and MAC.
            SyntheticFrame f = SyntheticFrame.from(RELAY_MAC, "192.168.7.1").to(CLIENT, "192.168.7.50");
            log.feed(f, f.udp(67, 68, DhcpBytes.reply(CLIENT).giaddr("192.168.7.1").yiaddr("192.168.7.50")
                    .option(53, ACK).ip(54, "10.0.0.1").end().build()));
            assertThat(log.lines()).containsExactlyInAnyOrder(
                    "service 10.0.0.1 udp/67 dhcp",
                    "10.0.0.1 dhcp.role=server",
                    "10.0.0.1 protocol=dhcp",
                    "operation " + CLIENT + "/192.168.7.50 > 10.0.0.1 dhcp:ack server-id=10.0.0.1 router=none",
                    "binding " + CLIENT + " 192.168.7.50",
                    "192.168.7.1 dhcp.role=relay");
        }

        @Test
        void aRelayedReplyWithoutOption54NamesNoServer() {
            SyntheticFrame f = SyntheticFrame.from(RELAY_MAC, "192.168.7.1").to(CLIENT, "192.168.7.50");
            log.feed(f, f.udp(67, 68, DhcpBytes.reply(CLIENT).giaddr("192.168.7.1").yiaddr("192.168.7.50")
                    .option(53, OFFER).end().build()));
            assertThat(log.lines()).containsExactly("192.168.7.1 dhcp.role=relay");
        }

        @Test
        void aReplyWithoutOption54NamesItsSender() {
            fromServer(DhcpBytes.reply(CLIENT).yiaddr("10.0.0.37").option(53, OFFER).end().build());
            assertThat(log.lines()).contains("service " + SERVER_MAC + "/10.0.0.1 udp/67 dhcp");
        }

        @Test
        void aUnicastAckToARenewingClientMayBeRoutedSoTheServerKeepsNoMac() {
            // RFC 2131 §4.3.2: RENEWING clients unicast from ciaddr; the answer may cross routers.
            SyntheticFrame f = SyntheticFrame.from("00:00:5e:00:01:01", "10.0.0.1").to(CLIENT, "10.9.0.37");
            log.feed(f, f.udp(67, 68, DhcpBytes.reply(CLIENT).ciaddr("10.9.0.37").yiaddr("10.9.0.37")
                    .option(53, ACK).ip(54, "10.0.0.1").end().build()));
            assertThat(log.lines()).contains("service 10.0.0.1 udp/67 dhcp", "binding " + CLIENT + " 10.9.0.37");
        }
    }

    @Nested
    class Novelty {
        @Test
        void eachFactIsReportedOnceAndAChangedValueAgain() {
            byte[] discover = DhcpBytes.request(CLIENT).option(53, DISCOVER).text(12, "cam").end().build();
            fromClient(discover);
            int first = log.all.size();
            fromClient(discover);
            assertThat(log.all).hasSize(first);
            fromClient(DhcpBytes.request(CLIENT).option(53, DISCOVER).text(12, "cam2").end().build());
            assertThat(log.lines().subList(first, log.all.size())).containsExactly(CLIENT + " dhcp.hostname=cam2");
        }

        @Test
        void everyPacketOfTheSharedBroadcastFlowIsRead() {
            // All clients share 0.0.0.0:68 -> 255.255.255.255:67; the 50th client must still be seen.
            for (int i = 0; i < 50; i++) {
                String mac = String.format("02:00:00:00:00:%02x", i);
                SyntheticFrame f = SyntheticFrame.from(mac, "0.0.0.0").to("ff:ff:ff:ff:ff:ff", "255.255.255.255");
                log.feed(f, f.udp(68, 67, DhcpBytes.request(mac).option(53, DISCOVER).text(12, "host" + i).end().build()));
            }
            assertThat(log.values(DhcpAttributes.HOSTNAME)).hasSize(50).contains("host49");
        }
    }
}
