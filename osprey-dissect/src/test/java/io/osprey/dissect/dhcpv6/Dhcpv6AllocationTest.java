package io.osprey.dissect.dhcpv6;

import io.osprey.dissect.dhcp.AllocationMeter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A message that brings nothing new costs no allocation (DESIGN.md: no allocation per packet). */
class Dhcpv6AllocationTest {
    static final int ROUNDS = 5_000;

    @Test
    void repeatedMessagesAllocateNothing() {
        List<byte[]> frames = new ArrayList<>(Dhcpv6CapturesTest.handBuiltFrames());
        // and malformed ones: a relay without a message, a vendor class item running past its option
        frames.add(Dhcpv6DissectorProperties.client().udp(547, 547, Dhcpv6Bytes.relay(12, 0, "2001:db8::1", "fe80::1")
                .build()));
        frames.add(Dhcpv6DissectorProperties.client().udp(546, 547, Dhcpv6Bytes.message(1)
                .option(16, new byte[] {0, 0, 1, 55, 0, 9, 'M'}).build()));
        long allocated = AllocationMeter.allocatedWhileRepeating(new Dhcpv6Dissector(), frames, ROUNDS);
        assertThat(allocated).as("bytes allocated over %,d messages", (long) ROUNDS * frames.size())
                .isLessThan((long) ROUNDS * frames.size() / 10);
    }
}
