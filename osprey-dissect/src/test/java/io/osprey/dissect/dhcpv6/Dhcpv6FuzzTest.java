package io.osprey.dissect.dhcpv6;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dhcp.DhcpTesting;

/**
 * Coverage-guided fuzzing of the DHCPv6 dissector with Jazzer. A normal {@code test} run replays the seeds
 * in src/test/resources/io/osprey/dissect/dhcpv6/Dhcpv6FuzzTestInputs/; {@code JAZZER_FUZZ=1} fuzzes for
 * {@code maxDuration}. The input is the UDP payload, sent both by a client and by a server.
 */
class Dhcpv6FuzzTest {

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryMessages(byte[] message) {
        Dhcpv6Dissector dissector = new Dhcpv6Dissector();
        DhcpTesting.dissect(dissector, Dhcpv6DissectorProperties.client(), 546, 547, message)
                .forEach(DhcpTesting::wellFormed);
        DhcpTesting.dissect(dissector, Dhcpv6DissectorProperties.server(), 547, 546, message)
                .forEach(DhcpTesting::wellFormed);
    }
}
