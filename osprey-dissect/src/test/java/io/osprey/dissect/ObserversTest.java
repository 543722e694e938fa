package io.osprey.dissect;

import io.osprey.dissect.arp.ArpDissector;
import io.osprey.dissect.host.HostObserver;
import io.osprey.dissect.service.ServiceObserver;
import io.osprey.packet.capture.Frame;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.flow.FlowTable;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.SYN;
import static org.assertj.core.api.Assertions.assertThat;

class ObserversTest {
    static final String HOST_MAC = "00:17:88:24:76:ff", ROUTER_MAC = "00:b5:6d:06:08:ba";

    final List<Observation> observed = new ArrayList<>();
    final Frame frame = new Frame();
    final PacketPipeline pipeline = new PacketPipeline(
            List.of(new HostObserver(), new ArpDissector(), new ServiceObserver()), new FlowTable(), observed::add);

    void feed(SyntheticFrame f, byte[] bytes) {
        pipeline.onFrame(f.frame(bytes, frame));
    }

    <T extends Observation> List<T> of(Class<T> type) {
        return observed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Nested
    class Arp {
        @Test
        void replyBindsTheSendersAddressesOnce() {
            SyntheticFrame f = SyntheticFrame.from(HOST_MAC, "10.10.10.6").to(ROUTER_MAC, "10.10.10.1");
            feed(f, f.arp(2));
            feed(f, f.arp(2));
            List<Observation.Binding> b = of(Observation.Binding.class).stream().filter(x -> x.source().equals("arp")).toList();
            assertThat(b).hasSize(1);
            assertThat(Addresses.mac(b.getFirst().mac())).isEqualTo(HOST_MAC);
            assertThat(Addresses.ip(b.getFirst().ipHi(), b.getFirst().ipLo())).isEqualTo("10.10.10.6");
        }

        @Test
        void probeFromTheUnspecifiedAddressBindsNothing() {
            // RFC 5227 §2.1.1: an ARP probe has sender IP 0.0.0.0
            SyntheticFrame f = SyntheticFrame.from(HOST_MAC, "0.0.0.0").to("00:00:00:00:00:00", "10.10.10.6");
            feed(f, f.arp(1));
            assertThat(of(Observation.Binding.class)).isEmpty();
        }
    }

    @Nested
    class Hosts {
        @Test
        void localTrafficBindsSourceIpToSourceMacAndReportsActivityOnFlush() {
            SyntheticFrame f = SyntheticFrame.from(HOST_MAC, "10.10.10.6").to(ROUTER_MAC, "10.10.10.1");
            feed(f, f.udp(123, 123, new byte[48]));
            feed(f.atSeconds(5), f.udp(123, 123, new byte[48]));
            pipeline.finish();
            assertThat(of(Observation.Binding.class)).singleElement()
                    .satisfies(b -> assertThat(b.source()).isEqualTo("ip"));
            Observation.Activity a = of(Observation.Activity.class).stream()
                    .filter(x -> x.host().hasMac()).findFirst().orElseThrow();
            assertThat(a.packets()).isEqualTo(2);
            assertThat(a.lastNanos() - a.firstNanos()).isEqualTo(5_000_000_000L);
            assertThat(of(Observation.Attribute.class)).extracting(Observation.Attribute::value)
                    .contains("ipv4", "udp").doesNotContain("gateway");
        }

        @Test
        void aMacSendingFromManyIpv4SourcesIsAGatewayAndItsForwardedSourcesAreNotBound() {
            for (int i = 1; i <= 10; i++) {
                SyntheticFrame f = SyntheticFrame.from(ROUTER_MAC, "93.184.216." + i).to(HOST_MAC, "10.10.10.6");
                feed(f, f.tcp(443, 50000 + i, ACK));
            }
            List<Observation.Attribute> roles = of(Observation.Attribute.class).stream()
                    .filter(a -> a.attribute().equals(Attributes.ROLE)).toList();
            assertThat(roles).singleElement().satisfies(a -> {
                assertThat(a.value()).isEqualTo(Attributes.ROLE_GATEWAY);
                assertThat(a.source()).contains("3 IPv4 sources");
            });
            // two bindings before the third source revealed the gateway, none after
            assertThat(of(Observation.Binding.class)).hasSize(2);
        }

        @Test
        void ipv6PrivacyAddressesOfOneHostDoNotMakeItAGateway() {
            for (int i = 1; i <= 6; i++) {
                SyntheticFrame f = SyntheticFrame.from(HOST_MAC, "2001:db8:1:2::" + i).to(ROUTER_MAC, "2001:db8:1:2::ffff");
                feed(f, f.udp(5353, 5353, new byte[20]));
            }
            assertThat(of(Observation.Attribute.class)).extracting(Observation.Attribute::value).doesNotContain("gateway");
            assertThat(of(Observation.Binding.class)).hasSize(6);
        }
    }

    @Nested
    class Services {
        @Test
        void synAckRevealsATcpServerOnce() {
            SyntheticFrame c = SyntheticFrame.from(ROUTER_MAC, "10.10.10.1").to(HOST_MAC, "10.10.10.6");
            for (int port : new int[] {40000, 40001}) {
                feed(c, c.tcp(port, 80, SYN));
                feed(c.reply(), c.reply().tcp(80, port, SYN | ACK));
            }
            assertThat(of(Observation.Service.class)).singleElement().satisfies(s -> {
                assertThat(s.port()).isEqualTo(80);
                assertThat(s.transport()).isEqualTo(Observation.Transport.TCP);
                assertThat(Addresses.ip(s.server().ipHi(), s.server().ipLo())).isEqualTo("10.10.10.6");
            });
        }

        @Test
        void midstreamTcpProvesNoServer() {
            SyntheticFrame s = SyntheticFrame.from(HOST_MAC, "10.10.10.6").to(ROUTER_MAC, "10.10.10.1");
            feed(s, s.tcp(80, 40000, ACK, new byte[100]));
            assertThat(of(Observation.Service.class)).isEmpty();
        }

        @Test
        void answeredUdpRequestRevealsAUdpServer() {
            SyntheticFrame c = SyntheticFrame.from(HOST_MAC, "10.10.10.6").to(ROUTER_MAC, "10.10.10.1");
            feed(c, c.udp(53000, 53, new byte[30]));
            assertThat(of(Observation.Service.class)).isEmpty();
            feed(c.reply(), c.reply().udp(53, 53000, new byte[60]));
            assertThat(of(Observation.Service.class)).singleElement().satisfies(s -> {
                assertThat(s.port()).isEqualTo(53);
                assertThat(s.transport()).isEqualTo(Observation.Transport.UDP);
            });
        }
    }
}
