package io.osprey.dissect.dhcp;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the DHCPv4 dissector with Jazzer. A normal {@code test} run replays the seeds
 * in src/test/resources/io/osprey/dissect/dhcp/DhcpFuzzTestInputs/ (real messages from the fixtures);
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}. The input is the UDP payload, sent both as a
 * client's request and as a server's reply.
 */
class DhcpFuzzTest {

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryMessages(byte[] message) {
        DhcpDissector dissector = new DhcpDissector();
        DhcpDissectorProperties.dissect(dissector, DhcpDissectorProperties.client(), 68, 67, message)
                .forEach(DhcpTesting::wellFormed);
        DhcpDissectorProperties.dissect(dissector, DhcpDissectorProperties.server(), 67, 68, message)
                .forEach(DhcpTesting::wellFormed);
    }
}
