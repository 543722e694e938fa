package io.osprey.dissect.mqtt;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.dissect.mqtt.MqttWire.body;
import static io.osprey.dissect.mqtt.MqttWire.connect;
import static io.osprey.dissect.mqtt.MqttWire.fromBroker;
import static io.osprey.dissect.mqtt.MqttWire.fromClient;
import static io.osprey.dissect.mqtt.MqttWire.publish;
import static io.osprey.dissect.mqtt.MqttWire.subscribe311;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the MQTT dissector, called directly so nothing thrown is hidden. */
class MqttRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(MqttWire.fixture("ndpi-mqtt-connect-subscribe-publish.pcap")));
        REAL.addAll(DirectRun.frames(MqttWire.fixture("mosquitto-port-17501-connect.pcap")));
        REAL.add(fromClient(connect("MQTT", 4, 0xC6, 30, "tasmota_8E1A3C")));
        REAL.add(fromClient(body().string("MQTT").u8(5, 0x02).u16(60).varint(5).u8(0x11, 0, 0, 0x0e, 0x10)
                .string("shelly").packet(0x10)));
        REAL.add(fromClient(body().u16(9).varint(2).u8(0x0b, 7).string("zigbee2mqtt/bridge/#").u8(1).packet(0x82)));
        REAL.add(fromClient(subscribe311("a/b", "c/d/e")));
        REAL.add(fromBroker(publish("homeassistant/light/x/set")));
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = MqttWire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(3_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromServer) {
        MqttWire.direct().dissect(fromServer ? fromBroker(payload) : fromClient(payload));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 54 + positions.get(i) % Math.max(1, frame.length - 54))] = values[i];
        }
        MqttWire.direct().dissect(frame);
    }
}
