package io.osprey.dissect.tuya;

import io.osprey.dissect.dhcp.AllocationMeter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A packet that brings nothing new costs no allocation (DESIGN.md: no allocation per packet). */
class TuyaAllocationTest {
    static final int ROUNDS = 5_000;

    @Test
    void repeatedPacketsAllocateNothing() {
        List<byte[]> frames = new ArrayList<>();
        frames.addAll(TuyaRobustnessTest.FRAMES);
        long allocated = AllocationMeter.allocatedWhileRepeating(new TuyaDissector(), frames, ROUNDS);
        assertThat(allocated).as("bytes allocated over %,d packets", (long) ROUNDS * frames.size())
                .isLessThan((long) ROUNDS * frames.size() / 10);
    }
}
