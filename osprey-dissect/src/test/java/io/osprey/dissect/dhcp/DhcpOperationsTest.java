package io.osprey.dissect.dhcp;

import io.osprey.dissect.Observation;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "offer" and "ack" operations on which the alert engine finds a rogue DHCP server: one per server, client and
 * type, from the client answered to the server that answered.
 */
class DhcpOperationsTest {
    static final String CLIENT = "b0:c5:54:25:5b:0e", SERVER_MAC = "00:0c:29:40:0e:ef", ROGUE_MAC = "02:66:66:66:66:66";
    static final int OFFER = 2, ACK = 5, NAK = 6;

    final ObservationLog log = new ObservationLog(new DhcpDissector());

    void reply(String mac, String ip, byte[] message) {
        SyntheticFrame f = SyntheticFrame.from(mac, ip).to("ff:ff:ff:ff:ff:ff", "255.255.255.255");
        log.feed(f, f.udp(67, 68, message));
    }

    List<String> operations() {
        return log.all.stream().filter(o -> o instanceof Observation.Operation).map(ObservationLog::line).toList();
    }

    @Test
    void anOfferAndAnAckAreReportedOncePerServerAndClient() {
        // RFC 2131 §4.3.1, §4.3.2: the server names itself in option 54; option 3 (RFC 2132 §3.5) lists the routers
        byte[] offer = DhcpBytes.reply(CLIENT).yiaddr("10.0.0.37").option(53, OFFER).ip(54, "10.0.0.1")
                .raw(3, 8, 10, 0, 0, 1, 10, 0, 0, 254).end().build();
        byte[] ack = DhcpBytes.reply(CLIENT).yiaddr("10.0.0.37").option(53, ACK).ip(54, "10.0.0.1")
                .raw(3, 8, 10, 0, 0, 1, 10, 0, 0, 254).end().build();
        reply(SERVER_MAC, "10.0.0.1", offer);
        reply(SERVER_MAC, "10.0.0.1", ack);
        reply(SERVER_MAC, "10.0.0.1", offer);
        reply(SERVER_MAC, "10.0.0.1", ack);
        String detail = " server-id=10.0.0.1 router=10.0.0.1,10.0.0.254";
        assertThat(operations()).containsExactly(
                "operation " + CLIENT + "/10.0.0.37 > " + SERVER_MAC + "/10.0.0.1 dhcp:offer" + detail,
                "operation " + CLIENT + "/10.0.0.37 > " + SERVER_MAC + "/10.0.0.1 dhcp:ack" + detail);
    }

    @Test
    void aSecondServerAnsweringTheSameClientIsReportedWithItsOwnServerIdAndRouter() {
        reply(SERVER_MAC, "10.0.0.1", DhcpBytes.reply(CLIENT).yiaddr("10.0.0.37").option(53, OFFER)
                .ip(54, "10.0.0.1").ip(3, "10.0.0.1").end().build());
        reply(ROGUE_MAC, "10.0.0.66", DhcpBytes.reply(CLIENT).yiaddr("10.0.0.99").option(53, OFFER)
                .ip(54, "10.0.0.66").ip(3, "10.0.0.66").end().build());
        assertThat(operations()).containsExactly(
                "operation " + CLIENT + "/10.0.0.37 > " + SERVER_MAC + "/10.0.0.1 dhcp:offer server-id=10.0.0.1"
                        + " router=10.0.0.1",
                "operation " + CLIENT + "/10.0.0.99 > " + ROGUE_MAC + "/10.0.0.66 dhcp:offer server-id=10.0.0.66"
                        + " router=10.0.0.66");
    }

    @Test
    void aReplyWithoutOption54OrRouterSaysNoneAndANakIsNotAnAnswer() {
        reply(SERVER_MAC, "10.0.0.1", DhcpBytes.reply(CLIENT).yiaddr("10.0.0.37").option(53, ACK).end().build());
        reply(SERVER_MAC, "10.0.0.1", DhcpBytes.reply(CLIENT).option(53, NAK).ip(54, "10.0.0.1").end().build());
        // a router option whose length is no multiple of 4 is malformed (RFC 2132 §3.5)
        reply(SERVER_MAC, "10.0.0.2", DhcpBytes.reply(CLIENT).yiaddr("10.0.0.38").option(53, OFFER)
                .raw(3, 3, 10, 0, 0).end().build());
        assertThat(operations()).containsExactly(
                "operation " + CLIENT + "/10.0.0.37 > " + SERVER_MAC + "/10.0.0.1 dhcp:ack server-id=none router=none",
                "operation " + CLIENT + "/10.0.0.38 > " + SERVER_MAC + "/10.0.0.2 dhcp:offer server-id=none router=none");
    }

    @Test
    void clientMessagesReportNoOperation() {
        SyntheticFrame f = SyntheticFrame.from(CLIENT, "0.0.0.0").to("ff:ff:ff:ff:ff:ff", "255.255.255.255");
        log.feed(f, f.udp(68, 67, DhcpBytes.request(CLIENT).option(53, 1).end().build()));
        log.feed(f, f.udp(68, 67, DhcpBytes.request(CLIENT).option(53, 3).ip(54, "10.0.0.1").end().build()));
        assertThat(operations()).isEmpty();
        assertThat(log.all).isNotEmpty();
    }
}
