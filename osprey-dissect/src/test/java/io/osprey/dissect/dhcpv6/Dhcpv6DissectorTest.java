package io.osprey.dissect.dhcpv6;

import io.osprey.dissect.dhcp.ObservationLog;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.concat;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.duidEn;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.duidLl;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.duidLlt;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.iaAddress;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.mac;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.name;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.opaque;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.u16s;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.u32;
import static io.osprey.dissect.dhcpv6.Dhcpv6Message.ADVERTISE;
import static io.osprey.dissect.dhcpv6.Dhcpv6Message.INFORMATION_REQUEST;
import static io.osprey.dissect.dhcpv6.Dhcpv6Message.RELAY_FORW;
import static io.osprey.dissect.dhcpv6.Dhcpv6Message.RELAY_REPL;
import static io.osprey.dissect.dhcpv6.Dhcpv6Message.REPLY;
import static io.osprey.dissect.dhcpv6.Dhcpv6Message.SOLICIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built messages, grouped by the RFC 8415 rows they exercise. */
class Dhcpv6DissectorTest {
    static final String CLIENT_MAC = "4c:6a:f6:9f:f6:27", CLIENT_LL = "fe80::4e6a:f6ff:fe9f:f627";
    static final String CLIENT = CLIENT_MAC + "/" + CLIENT_LL;
    static final String SERVER_MAC = "c6:2c:03:60:6a:64", SERVER_LL = "fe80::c42c:3ff:fe60:6a64";
    static final String RELAY_MAC = "00:00:5e:00:01:01", RELAY_IP = "2001:db8:1::1", SERVER_IP = "2001:db8:ff::547";
    static final int CLIENTID = 1, SERVERID = 2, IA_NA = 3, IA_TA = 4, ORO = 6, RELAY_MSG = 9, USER_CLASS = 15,
            VENDOR_CLASS = 16, CLIENT_FQDN = 39, CLIENT_LINKLAYER_ADDR = 79;

    final Dhcpv6Dissector dhcpv6 = new Dhcpv6Dissector();
    final ObservationLog log = new ObservationLog(dhcpv6);

    /** RFC 8415 §7.1: clients send from their link-local address to All_DHCP_Relay_Agents_and_Servers. */
    void fromClient(byte[] message) {
        SyntheticFrame f = SyntheticFrame.from(CLIENT_MAC, CLIENT_LL).to("33:33:00:01:00:02", "ff02::1:2");
        log.feed(f, f.udp(546, 547, message));
    }

    void fromRelay(byte[] message) {
        SyntheticFrame f = SyntheticFrame.from(RELAY_MAC, RELAY_IP).to("00:00:5e:00:02:02", SERVER_IP);
        log.feed(f, f.udp(547, 547, message));
    }

    static Dhcpv6Bytes solicit() {
        return Dhcpv6Bytes.message(SOLICIT).option(CLIENTID, duidLl(CLIENT_MAC));
    }

    @Nested
    class ClientMessages {
        @Test
        void solicitWithItsDuidOptionRequestVendorClassAndFqdn() {
            // RFC 8415 §11.2 DUID-LLT, §21.7 ORO in the client's order, §21.16 vendor class; RFC 4704 §4 FQDN.
            fromClient(Dhcpv6Bytes.message(SOLICIT).option(CLIENTID, duidLlt(CLIENT_MAC))
                    .option(ORO, u16s(23, 24, 17))
                    .option(VENDOR_CLASS, concat(u32(311), opaque("MSFT 5.0")))
                    .option(CLIENT_FQDN, concat(new byte[] {0x01}, name("pc.example.com"))).build());
            assertThat(log.lines()).containsExactly(
                    CLIENT + " protocol=dhcpv6",
                    CLIENT + " dhcpv6.messageType=SOLICIT",
                    CLIENT + " dhcpv6.duid=0001000125e5148e4c6af69ff627",
                    CLIENT + " dhcpv6.duidType=LLT",
                    CLIENT + " dhcpv6.duidMac=4c:6a:f6:9f:f6:27",
                    CLIENT + " dhcpv6.optionRequest=23,24,17",
                    CLIENT + " dhcpv6.vendorEnterprise=311",
                    CLIENT + " dhcpv6.vendorClass=MSFT 5.0",
                    CLIENT + " dhcpv6.fqdn=pc.example.com");
        }

        @Test
        void duidLlEmbedsTheMac() {
            // RFC 8415 §11.4
            fromClient(Dhcpv6Bytes.message(SOLICIT).option(CLIENTID, duidLl("00:11:22:33:44:55")).build());
            assertThat(log.lines()).contains(CLIENT + " dhcpv6.duidType=LL", CLIENT + " dhcpv6.duidMac=00:11:22:33:44:55");
        }

        @Test
        void duidEnCarriesAnEnterpriseNumber() {
            // RFC 8415 §11.3
            fromClient(Dhcpv6Bytes.message(SOLICIT).option(CLIENTID, duidEn(9, (byte) 0x0c, (byte) 0xc0, (byte) 0x84))
                    .build());
            assertThat(log.lines()).contains(CLIENT + " dhcpv6.duid=0002000000090cc084", CLIENT + " dhcpv6.duidType=EN",
                    CLIENT + " dhcpv6.duidEnterprise=9").noneMatch(l -> l.contains("duidMac"));
        }

        @Test
        void duidUuidAndUnknownTypes() {
            // RFC 6355: type 4 and a 16-byte UUID.
            byte[] uuid = concat(new byte[] {0, 4}, new byte[16]);
            fromClient(Dhcpv6Bytes.message(SOLICIT).option(CLIENTID, uuid).build());
            fromClient(Dhcpv6Bytes.message(INFORMATION_REQUEST).option(CLIENTID, new byte[] {0, 9, 1}).build());
            assertThat(log.values(Dhcpv6Attributes.DUID_TYPE)).containsExactly("UUID", "9");
        }

        @Test
        void aDuidLongerThan130BytesIsIgnored() {
            // RFC 8415 §11.1: at most 128 bytes after the type.
            fromClient(Dhcpv6Bytes.message(SOLICIT).option(CLIENTID, concat(new byte[] {0, 2}, new byte[129])).build());
            assertThat(log.values(Dhcpv6Attributes.DUID)).isEmpty();
        }

        @Test
        void userClassItems() {
            // RFC 8415 §21.15
            fromClient(solicit().option(USER_CLASS, opaque("a", "bc")).build());
            assertThat(log.values(Dhcpv6Attributes.USER_CLASS)).containsExactly("a,bc");
        }

        @Test
        void aVendorClassItemRunningPastTheOptionIsMalformed() {
            fromClient(solicit().option(VENDOR_CLASS, concat(u32(311), new byte[] {0, 9, 'M'})).build());
            assertThat(log.values(Dhcpv6Attributes.VENDOR_ENTERPRISE)).containsExactly("311");
            assertThat(log.values(Dhcpv6Attributes.VENDOR_CLASS)).isEmpty();
            assertThat(dhcpv6.malformed()).isEqualTo(1);
        }

        @Test
        void anOptionRunningPastTheMessageKeepsTheOptionsBeforeIt() {
            fromClient(solicit().raw(0, ORO, 0, 40, 0, 23).build());
            assertThat(log.values(Dhcpv6Attributes.DUID_TYPE)).containsExactly("LL");
            assertThat(log.values(Dhcpv6Attributes.OPTION_REQUEST)).isEmpty();
            assertThat(dhcpv6.malformed()).isEqualTo(1);
        }

        @Test
        void aClientSendingFromAGlobalAddressMayBeRoutedSoItsFrameMacIsNotUsed() {
            SyntheticFrame f = SyntheticFrame.from(RELAY_MAC, "2001:db8:5::20").to(SERVER_MAC, SERVER_IP);
            log.feed(f, f.udp(546, 547, solicit().build()));
            assertThat(log.lines()).contains("2001:db8:5::20 dhcpv6.messageType=SOLICIT");
        }

        @Test
        void eachFactIsReportedOnce() {
            fromClient(solicit().build());
            int first = log.all.size();
            fromClient(solicit().build());
            assertThat(log.all).hasSize(first);
        }
    }

    @Nested
    class RelayMessages {
        @Test
        void relayForwardDescribesTheClientByPeerAddressAndLinkLayerAddress() {
            // RFC 8415 §9.1 and RFC 6939: the relay nearest the client adds the client's MAC.
            fromRelay(Dhcpv6Bytes.relay(RELAY_FORW, 0, RELAY_IP, CLIENT_LL)
                    .option(CLIENT_LINKLAYER_ADDR, concat(u16s(1), mac(CLIENT_MAC)))
                    .option(RELAY_MSG, solicit()).build());
            assertThat(log.lines()).containsExactly(
                    RELAY_IP + " dhcpv6.role=relay",
                    CLIENT + " protocol=dhcpv6",
                    CLIENT + " dhcpv6.messageType=SOLICIT",
                    CLIENT + " dhcpv6.duid=000300014c6af69ff627",
                    CLIENT + " dhcpv6.duidType=LL",
                    CLIENT + " dhcpv6.duidMac=4c:6a:f6:9f:f6:27",
                    CLIENT + " dhcpv6.relayLinkAddress=" + RELAY_IP);
        }

        @Test
        void nestedRelaysAreWalkedToTheInnermostOne() {
            // RFC 8415 §19.1.2: a second relay wraps the first one's RELAY-FORW; the inner header is the client's link.
            Dhcpv6Bytes inner = Dhcpv6Bytes.relay(RELAY_FORW, 0, "2001:db8:7::1", CLIENT_LL)
                    .option(CLIENT_LINKLAYER_ADDR, concat(u16s(1), mac(CLIENT_MAC))).option(RELAY_MSG, solicit());
            fromRelay(Dhcpv6Bytes.relay(RELAY_FORW, 1, RELAY_IP, "2001:db8:7::1").option(RELAY_MSG, inner).build());
            assertThat(log.lines()).contains(CLIENT + " dhcpv6.messageType=SOLICIT",
                    CLIENT + " dhcpv6.relayLinkAddress=2001:db8:7::1", RELAY_IP + " dhcpv6.role=relay");
        }

        @Test
        void relaysNestedUpToTheHopCountLimitAreWalkedAndDeeperOnesAreNot() {
            // RFC 8415 §7.6 HOP_COUNT_LIMIT = 8
            fromRelay(nested(Dhcpv6Message.MAX_RELAY_DEPTH).build());
            assertThat(log.values(Dhcpv6Attributes.MESSAGE_TYPE)).containsExactly("SOLICIT");
            assertThat(dhcpv6.malformed()).isZero();

            ObservationLog deeper = new ObservationLog(dhcpv6);
            SyntheticFrame f = SyntheticFrame.from(RELAY_MAC, RELAY_IP).to("00:00:5e:00:02:02", SERVER_IP);
            deeper.feed(f, f.udp(547, 547, nested(Dhcpv6Message.MAX_RELAY_DEPTH + 1).build()));
            assertThat(deeper.values(Dhcpv6Attributes.MESSAGE_TYPE)).isEmpty();
            assertThat(dhcpv6.malformed()).isEqualTo(1);
        }

        Dhcpv6Bytes nested(int relays) {
            Dhcpv6Bytes m = solicit();
            for (int i = 0; i < relays; i++) {
                m = Dhcpv6Bytes.relay(RELAY_FORW, relays - 1 - i, RELAY_IP, CLIENT_LL).option(RELAY_MSG, m);
            }
            return m;
        }

        @Test
        void aRelayForwardWithoutRelayMessageIsMalformed() {
            fromRelay(Dhcpv6Bytes.relay(RELAY_FORW, 0, RELAY_IP, CLIENT_LL)
                    .option(CLIENT_LINKLAYER_ADDR, concat(u16s(1), mac(CLIENT_MAC))).build());
            assertThat(log.lines()).containsExactly(RELAY_IP + " dhcpv6.role=relay");
            assertThat(dhcpv6.malformed()).isEqualTo(1);
        }

        @Test
        void aRelayReplyProvesAServiceOnItsSendersAddressButBindsNothing() {
            byte[] reply = Dhcpv6Bytes.message(REPLY).option(SERVERID, duidLl(SERVER_MAC))
                    .option(IA_NA, concat(new byte[12], iaAddress("2001:db8:1::99", 3600, 7200))).build();
            SyntheticFrame f = SyntheticFrame.from("00:00:5e:00:02:02", SERVER_IP).to(RELAY_MAC, RELAY_IP);
            log.feed(f, f.udp(547, 547, Dhcpv6Bytes.relay(RELAY_REPL, 0, RELAY_IP, CLIENT_LL).option(RELAY_MSG, reply)
                    .build()));
            assertThat(log.lines()).contains("service " + SERVER_IP + " udp/547 dhcpv6",
                    SERVER_IP + " dhcpv6.role=server @0.9").noneMatch(l -> l.startsWith("binding"));
        }
    }

    @Nested
    class ServerMessages {
        void fromServer(byte[] message, String dstIp) {
            SyntheticFrame f = SyntheticFrame.from(SERVER_MAC, SERVER_LL).to(CLIENT_MAC, dstIp);
            log.feed(f, f.udp(547, 546, message));
        }

        @Test
        void anAdvertiseProvesAServerWithItsDuid() {
            fromServer(Dhcpv6Bytes.message(ADVERTISE).option(SERVERID, duidLl(SERVER_MAC))
                    .option(CLIENTID, duidLl(CLIENT_MAC)).build(), CLIENT_LL);
            String server = SERVER_MAC + "/" + SERVER_LL;
            assertThat(log.lines()).containsExactly(
                    "service " + server + " udp/547 dhcpv6",
                    server + " dhcpv6.role=server @0.9",
                    server + " protocol=dhcpv6",
                    server + " dhcpv6.duid=00030001c62c03606a64 @0.9",
                    server + " dhcpv6.duidType=LL @0.9",
                    server + " dhcpv6.duidMac=c6:2c:03:60:6a:64 @0.9");
        }

        @Test
        void aReplyBindsTheClientsMacToItsLeasedAddresses() {
            // RFC 8415 §21.4-21.6: IA_NA (IAID, T1, T2) and IA_TA (IAID) hold IA Address options; a valid
            // lifetime of 0 withdraws the address (§18.3.4).
            byte[] iaNa = concat(new byte[12], concat(iaAddress("2001:db8:1::99", 3600, 7200),
                    iaAddress("2001:db8:1::98", 0, 0)));
            byte[] iaTa = concat(new byte[4], iaAddress("2001:db8:1::77", 600, 900));
            fromServer(Dhcpv6Bytes.message(REPLY).option(SERVERID, duidLl(SERVER_MAC)).option(IA_NA, iaNa)
                    .option(IA_TA, iaTa).build(), CLIENT_LL);
            assertThat(log.lines()).filteredOn(l -> l.startsWith("binding")).containsExactly(
                    "binding " + CLIENT_MAC + " 2001:db8:1::99", "binding " + CLIENT_MAC + " 2001:db8:1::77");
        }

        @Test
        void aReplyToAGlobalAddressMayBeRoutedSoItBindsNothing() {
            fromServer(Dhcpv6Bytes.message(REPLY).option(IA_NA, concat(new byte[12],
                    iaAddress("2001:db8:1::99", 3600, 7200))).build(), "2001:db8:1::99");
            assertThat(log.lines()).noneMatch(l -> l.startsWith("binding"));
        }

        @Test
        void anIaAddressCutShortBindsNothing() {
            byte[] iaNa = concat(new byte[12], java.util.Arrays.copyOf(iaAddress("2001:db8:1::99", 3600, 7200), 20));
            fromServer(Dhcpv6Bytes.message(REPLY).option(IA_NA, iaNa).build(), CLIENT_LL);
            assertThat(log.lines()).noneMatch(l -> l.startsWith("binding"));
        }
    }
}
