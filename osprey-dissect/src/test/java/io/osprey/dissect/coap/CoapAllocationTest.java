package io.osprey.dissect.coap;

import io.osprey.dissect.dhcp.AllocationMeter;
import io.osprey.dissect.dns.DirectRun;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A packet that brings nothing new costs no allocation (DESIGN.md: no allocation per packet). */
class CoapAllocationTest {
    static final int ROUNDS = 5_000;

    @Test
    void repeatedPacketsAllocateNothing() {
        List<byte[]> frames = new ArrayList<>();
        frames.addAll(DirectRun.frames(CoapWire.fixture("coap-6lowpan-lab-requests-responses.pcap")));
        frames.addAll(CoapRobustnessTest.REAL.subList(CoapRobustnessTest.REAL.size() - 2, CoapRobustnessTest.REAL.size()));
        long allocated = AllocationMeter.allocatedWhileRepeating(new CoapDissector(), frames, ROUNDS);
        assertThat(allocated).as("bytes allocated over %,d packets", (long) ROUNDS * frames.size())
                .isLessThan((long) ROUNDS * frames.size() / 10);
    }
}
