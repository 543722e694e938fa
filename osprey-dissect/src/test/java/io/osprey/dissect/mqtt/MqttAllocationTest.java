package io.osprey.dissect.mqtt;

import io.osprey.dissect.dhcp.AllocationMeter;
import io.osprey.dissect.dns.DirectRun;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A packet that brings nothing new costs no allocation (DESIGN.md: no allocation per packet). */
class MqttAllocationTest {
    static final int ROUNDS = 5_000;

    @Test
    void repeatedPacketsAllocateNothing() {
        List<byte[]> frames = new ArrayList<>();
        frames.addAll(DirectRun.frames(MqttWire.fixture("ndpi-mqtt-connect-subscribe-publish.pcap")));
        frames.add(MqttWire.fromClient(MqttWire.subscribe311("zigbee2mqtt/#", "a/b/c")));
        frames.add(MqttWire.fromClient(new byte[] {(byte) 0x81, 0}));
        long allocated = AllocationMeter.allocatedWhileRepeating(new MqttDissector(), frames, ROUNDS);
        assertThat(allocated).as("bytes allocated over %,d packets", (long) ROUNDS * frames.size())
                .isLessThan((long) ROUNDS * frames.size() / 10);
    }
}
