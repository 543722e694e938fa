package io.osprey.dissect.dhcp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A message that brings nothing new costs no allocation (DESIGN.md: no allocation per packet). */
class DhcpAllocationTest {
    static final int ROUNDS = 5_000;

    @Test
    void repeatedMessagesAllocateNothing() throws IOException {
        List<byte[]> frames = new ArrayList<>();
        for (String name : List.of("dhcp-relayed-request-and-ack.pcap", "dhcp-dora-release-inform.pcap",
                "dlink-dcs935l-discover-request.pcap")) {
            frames.addAll(DhcpTesting.frames(DhcpCapturesTest.fixture(name)));
        }
        // and malformed ones: an option running past the end, a bad FQDN, an overload pointing at garbage
        var client = DhcpDissectorProperties.client();
        frames.add(client.udp(68, 67, DhcpBytes.request("02:00:00:00:00:09").text(12, "cam").raw(60, 200, 1).build()));
        frames.add(client.udp(68, 67, DhcpBytes.request("02:00:00:00:00:09").option(81, 4, 0, 0, 0xc0, 1).end().build()));
        frames.add(client.udp(68, 67, DhcpBytes.request("02:00:00:00:00:09").header(44, (byte) 12, (byte) 99)
                .option(52, 2).end().build()));
        long allocated = AllocationMeter.allocatedWhileRepeating(new DhcpDissector(), frames, ROUNDS);
        assertThat(allocated).as("bytes allocated over %,d messages", (long) ROUNDS * frames.size())
                .isLessThan((long) ROUNDS * frames.size() / 10);
    }
}
