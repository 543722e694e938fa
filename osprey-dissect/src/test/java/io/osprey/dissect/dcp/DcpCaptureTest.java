package io.osprey.dissect.dcp;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real captures through the DCP dissector (fixtures/SOURCES.md). Expected values are those tshark 4.0 shows:
 * {@code tshark -r F -T fields -e eth.src -e pn_dcp.suboption_device_nameofstation}.
 */
class DcpCaptureTest {
    static Path fixture(String name) {
        try {
            return Path.of(DcpCaptureTest.class.getResource("/fixtures/dcp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void siemensDevicesLookUpTheirOwnNames() {
        // 14 multicast Identify requests (FrameID 0xFEFE), each filtering on one NameOfStation, one padding octet
        Observed o = new Observed(new DcpDissector()).capture(fixture("siemens-identify-own-name.pcap"));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        String[][] expected = {
                {"00:1b:1b:02:9a:c3", "switch3"}, {"00:1b:1b:02:e5:2e", "switch6"}, {"00:1b:1b:02:e6:0f", "switch4"},
                {"00:1b:1b:02:e6:1e", "switch1"}, {"00:1b:1b:02:e6:5a", "switch7"}, {"00:1b:1b:02:e6:78", "switch5"},
                {"00:1b:1b:02:e6:d2", "switch2"}, {"00:1b:1b:35:84:07", "pn-io"}, {"00:1b:1b:35:84:10", "pn-io"},
                {"00:1b:1b:47:51:6b", "swln4"}, {"00:1b:1b:47:51:84", "swln3"}};
        var facts = new java.util.TreeSet<String>();
        for (String[] e : expected) {
            facts.add(e[0] + " dcp.identifyName=" + e[1]);
            facts.add(e[0] + " dcp.identifyRequest=true");
        }
        assertThat(o.facts()).isEqualTo(facts);
        assertThat(o.attributes()).as("three repeated requests add nothing").hasSize(22);
        assertThat(o.bindings()).isEmpty();
    }
}
