package io.osprey.packet.flow;

import io.osprey.packet.decode.Packet;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.FIN;
import static io.osprey.packet.testing.SyntheticFrame.RST;
import static io.osprey.packet.testing.SyntheticFrame.SYN;
import static org.assertj.core.api.Assertions.assertThat;

class FlowTableTest {
    private static final String CLIENT_MAC = "02:00:00:00:00:01", SERVER_MAC = "02:00:00:00:00:02";

    private final Packet packet = new Packet();
    private final List<String> events = new ArrayList<>();
    private final FlowListener recorder = new FlowListener() {
        @Override
        public void onFlowStart(FlowTable t, int flow, Packet p) { events.add("start " + flow); }

        @Override
        public void onFlowEnd(FlowTable t, int flow, FlowEndReason reason) { events.add("end " + flow + " " + reason); }

        @Override
        public void onServerConfirmed(FlowTable t, int flow) { events.add("server " + flow + " port " + t.serverPort(flow)); }
    };

    private int track(FlowTable table, SyntheticFrame f, byte[] bytes) {
        return table.track(f.decode(bytes, packet));
    }

    @Test
    void bothDirectionsShareOneFlowWithPerDirectionCounters() {
        FlowTable table = new FlowTable(FlowTableConfig.DEFAULT, recorder);
        SyntheticFrame c = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.0.2");
        int f1 = track(table, c, c.tcp(40000, 80, SYN));
        int f2 = track(table, c.reply(), c.reply().tcp(80, 40000, SYN | ACK));
        int f3 = track(table, c, c.tcp(40000, 80, ACK, "GET / HTTP/1.0\r\n\r\n".getBytes()));
        assertThat(f1).isEqualTo(f2).isEqualTo(f3);
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.packets(f1)).isEqualTo(3);
        assertThat(table.packetsFromClient(f1)).isEqualTo(2);
        assertThat(table.packetsFromServer(f1)).isEqualTo(1);
        assertThat(table.serverPort(f1)).isEqualTo(80);
        assertThat(table.clientPort(f1)).isEqualTo(40000);
        assertThat(table.serverConfirmed(f1)).isTrue();
        assertThat(table.tcpState(f1)).isEqualTo(TcpState.ESTABLISHED);
        assertThat(events).containsExactly("start 0", "server 0 port 80");
    }

    @Test
    void synAckSenderIsTheServerEvenWhenItsPortIsHigher() {
        FlowTable table = new FlowTable(FlowTableConfig.DEFAULT, recorder);
        SyntheticFrame c = SyntheticFrame.from(CLIENT_MAC, "10.0.0.9").to(SERVER_MAC, "10.0.0.2");
        // client uses a low source port, server listens on 8080: the SYN decides, not the port numbers
        int f = track(table, c, c.tcp(1000, 8080, SYN));
        track(table, c.reply(), c.reply().tcp(8080, 1000, SYN | ACK));
        assertThat(table.serverPort(f)).isEqualTo(8080);
        assertThat(table.serverConfirmed(f)).isTrue();
    }

    @Test
    void midstreamFlowGuessesTheWellKnownPortAsServerWithoutConfirming() {
        FlowTable table = new FlowTable(FlowTableConfig.DEFAULT, recorder);
        SyntheticFrame s = SyntheticFrame.from(SERVER_MAC, "10.0.0.2").to(CLIENT_MAC, "10.0.0.1");
        int f = track(table, s, s.tcp(443, 51000, ACK, new byte[] {1, 2, 3}));
        assertThat(table.tcpState(f)).isEqualTo(TcpState.MIDSTREAM);
        assertThat(table.serverPort(f)).isEqualTo(443);
        assertThat(table.serverConfirmed(f)).isFalse();
        assertThat(events).containsExactly("start 0");
    }

    @Test
    void udpServerIsTheFirstPacketsDestination() {
        FlowTable table = new FlowTable(FlowTableConfig.DEFAULT, recorder);
        SyntheticFrame c = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.0.53");
        int f = track(table, c, c.udp(53000, 53, new byte[12]));
        assertThat(table.serverPort(f)).isEqualTo(53);
        assertThat(table.protocol(f)).isEqualTo(17);
    }

    @Test
    void vlanIsPartOfTheKey() {
        FlowTable table = new FlowTable(FlowTableConfig.DEFAULT, recorder);
        SyntheticFrame a = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.0.2").vlan(10);
        SyntheticFrame b = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.0.2").vlan(20);
        int fa = track(table, a, a.udp(5000, 161));
        int fb = track(table, b, b.udp(5000, 161));
        assertThat(fa).isNotEqualTo(fb);
        assertThat(table.vlanKey(fa)).isEqualTo(10);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void ipv6FlowsAreTracked() {
        FlowTable table = new FlowTable(FlowTableConfig.DEFAULT, recorder);
        SyntheticFrame c = SyntheticFrame.from(CLIENT_MAC, "2001:db8::1").to(SERVER_MAC, "2001:db8::2");
        int f = track(table, c, c.tcp(50000, 22, SYN));
        int g = track(table, c.reply(), c.reply().tcp(22, 50000, SYN | ACK));
        assertThat(f).isEqualTo(g).isNotNegative();
        assertThat(table.serverPort(f)).isEqualTo(22);
    }

    @Test
    void idleFlowsExpireOnCaptureTimeLeastRecentFirst() {
        FlowTableConfig config = new FlowTableConfig(Duration.ofSeconds(60), Duration.ofHours(1), 1000, 16);
        FlowTable table = new FlowTable(config, recorder);
        SyntheticFrame a = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.0.2").atSeconds(0);
        SyntheticFrame b = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.0.3").atSeconds(30);
        SyntheticFrame c = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.0.4").atSeconds(61);
        track(table, a, a.udp(1, 2));
        track(table, b, b.udp(1, 2));
        track(table, c, c.udp(1, 2));
        assertThat(events).containsExactly("start 0", "start 1", "end 0 IDLE", "start 0");
        assertThat(table.size()).isEqualTo(2);
        table.endAll();
        assertThat(events).endsWith("end 1 END_OF_INPUT", "end 0 END_OF_INPUT");
        assertThat(table.size()).isZero();
    }

    @Test
    void hardTimeoutRestartsABusyFlow() {
        FlowTableConfig config = new FlowTableConfig(Duration.ofSeconds(60), Duration.ofSeconds(100), 1000, 16);
        FlowTable table = new FlowTable(config, recorder);
        for (int s = 0; s <= 120; s += 30) {
            SyntheticFrame f = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.0.2").atSeconds(s);
            track(table, f, f.udp(5000, 514));
        }
        assertThat(events).containsExactly("start 0", "end 0 HARD_TIMEOUT", "start 0");
    }

    @Test
    void fullTableEvictsTheLeastRecentlySeenFlow() {
        FlowTableConfig config = new FlowTableConfig(Duration.ofHours(1), Duration.ofHours(1), 16, 16);
        FlowTable table = new FlowTable(config, recorder);
        for (int i = 0; i < 16; i++) {
            SyntheticFrame f = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.1." + i).atSeconds(i);
            track(table, f, f.udp(5000, 53));
        }
        // touch flow 0 again so flow 1 becomes the least recently seen
        SyntheticFrame again = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.1.0").atSeconds(20);
        track(table, again, again.udp(5000, 53));
        SyntheticFrame extra = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.2.1").atSeconds(21);
        track(table, extra, extra.udp(5000, 53));
        assertThat(table.size()).isEqualTo(16);
        assertThat(table.flowsEvicted()).isEqualTo(1);
        assertThat(events).contains("end 1 EVICTED");
    }

    @Test
    void newSynAfterResetStartsANewFlow() {
        FlowTable table = new FlowTable(FlowTableConfig.DEFAULT, recorder);
        SyntheticFrame c = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.0.2");
        track(table, c, c.tcp(40000, 23, SYN));
        track(table, c.reply(), c.reply().tcp(23, 40000, RST | ACK));
        assertThat(table.tcpState(0)).isEqualTo(TcpState.CLOSED);
        track(table, c, c.tcp(40000, 23, SYN));
        assertThat(events).containsExactly("start 0", "end 0 TCP_CLOSED", "start 0");
    }

    @Test
    void finFromBothSidesCloses() {
        FlowTable table = new FlowTable(FlowTableConfig.DEFAULT, recorder);
        SyntheticFrame c = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.0.2");
        int f = track(table, c, c.tcp(40000, 80, SYN));
        track(table, c.reply(), c.reply().tcp(80, 40000, SYN | ACK));
        track(table, c, c.tcp(40000, 80, ACK));
        track(table, c, c.tcp(40000, 80, FIN | ACK));
        assertThat(table.tcpState(f)).isEqualTo(TcpState.CLOSING);
        track(table, c.reply(), c.reply().tcp(80, 40000, FIN | ACK));
        assertThat(table.tcpState(f)).isEqualTo(TcpState.CLOSED);
    }

    @Test
    void nonIpPacketsHaveNoFlow() {
        FlowTable table = new FlowTable(FlowTableConfig.DEFAULT, recorder);
        SyntheticFrame c = SyntheticFrame.from(CLIENT_MAC, "10.0.0.1").to(SERVER_MAC, "10.0.0.2");
        assertThat(track(table, c, c.arp(1))).isEqualTo(-1);
        assertThat(table.size()).isZero();
    }

    @Test
    void growsPastItsInitialCapacityAndKeepsEveryFlowFindable() {
        FlowTableConfig config = new FlowTableConfig(Duration.ofHours(1), Duration.ofHours(1), 1 << 16, 16);
        FlowTable table = new FlowTable(config, FlowListener.NONE);
        int n = 5000;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            SyntheticFrame f = SyntheticFrame.from(CLIENT_MAC, "10.1." + (i >> 8) + "." + (i & 255)).to(SERVER_MAC, "10.0.0.2");
            ids[i] = track(table, f, f.udp(1024 + i % 1000, 53));
        }
        assertThat(table.size()).isEqualTo(n);
        assertThat(table.capacity()).isGreaterThanOrEqualTo(n);
        for (int i = 0; i < n; i++) {
            SyntheticFrame f = SyntheticFrame.from(CLIENT_MAC, "10.1." + (i >> 8) + "." + (i & 255)).to(SERVER_MAC, "10.0.0.2");
            assertThat(track(table, f.reply(), f.reply().udp(53, 1024 + i % 1000))).isEqualTo(ids[i]);
        }
        assertThat(table.size()).isEqualTo(n);
    }
}
