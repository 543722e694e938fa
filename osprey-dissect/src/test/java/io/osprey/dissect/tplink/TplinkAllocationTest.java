package io.osprey.dissect.tplink;

import io.osprey.dissect.dhcp.AllocationMeter;
import io.osprey.dissect.dns.DirectRun;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A packet that brings nothing new costs no allocation (DESIGN.md: no allocation per packet). */
class TplinkAllocationTest {
    static final int ROUNDS = 5_000;

    @Test
    void repeatedPacketsAllocateNothing() {
        List<byte[]> frames = new ArrayList<>();
        frames.addAll(DirectRun.frames(Kasa.fixture("google-home-kasa-discovery-broadcasts.pcap")));
        frames.add(Kasa.udpReply(Kasa.HS110_SYSINFO));
        frames.add(Kasa.tcpReply(Kasa.HS110_SYSINFO));
        long allocated = AllocationMeter.allocatedWhileRepeating(new TplinkDissector(), frames, ROUNDS);
        assertThat(allocated).as("bytes allocated over %,d packets", (long) ROUNDS * frames.size())
                .isLessThan((long) ROUNDS * frames.size() / 10);
    }
}
