package io.osprey.dissect.ubnt;

import io.osprey.dissect.dhcp.AllocationMeter;
import io.osprey.dissect.dns.DirectRun;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A packet that brings nothing new costs no allocation (DESIGN.md: no allocation per packet). */
class UbntAllocationTest {
    static final int ROUNDS = 5_000;

    @Test
    void repeatedPacketsAllocateNothing() {
        List<byte[]> frames = new ArrayList<>();
        frames.addAll(DirectRun.frames(UbntWire.fixture("unifi-security-gateway-announcements.pcap")));
        long allocated = AllocationMeter.allocatedWhileRepeating(new UbntDissector(), frames, ROUNDS);
        assertThat(allocated).as("bytes allocated over %,d packets", (long) ROUNDS * frames.size())
                .isLessThan((long) ROUNDS * frames.size() / 10);
    }
}
