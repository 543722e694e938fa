package io.osprey.dissect.enip;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Real captures (ITI ICS-Security-Tools, CC-BY-4.0); expected values as {@code tshark -Y enip -V} shows them. */
class EnipCaptureTest {
    static final Path SHARED = Path.of("..", "..", "shared", "data", "pcaps", "ics-iti", "enip");

    @Test
    void rockwell1756EnbtListIdentityReply() {
        // tshark frame 7: Vendor ID 0x0001, Device Type 12, Product Code 58, Revision 4.03, Serial 0x00524d8e,
        // Product Name 1756-ENBT/A, State 0x03; GROUND_TRUTH: 1756-ENBT/A, vendor 1, type 12, code 58, revision 4.3
        Observed o = new Observed(new EnipDissector()).capture(EnipWire.fixture("rockwell-1756-enbt-list-identity.pcap"));
        String device = "00:19:07:24:3c:ca/10.1.1.164 ";
        assertThat(o.facts()).containsExactly(
                device + "enip.deviceType=12",
                device + "enip.deviceTypeName=Communications Adapter",
                device + "enip.productCode=58",
                device + "enip.productName=1756-ENBT/A",
                device + "enip.revision=4.3",
                device + "enip.role=server",
                device + "enip.serialNumber=0x00524d8e",
                device + "enip.state=0x03",
                device + "enip.vendor=Rockwell Automation/Allen-Bradley",
                device + "enip.vendorId=1",
                "3c:a9:f4:21:22:f8/10.1.1.167 enip.role=client");
        assertThat(o.services()).containsExactly("10.1.1.164 44818/tcp enip");
    }

    @Test
    void rslogixUploadRequestsFromTheWorkstation() {
        // tshark -Y 'enip && tcp.dstport==44818' -T fields -e cip.sc -e cip.class: services 0x01 0x03 0x04 0x0a 0x4e
        // 0x52 0x54; request-path classes 0x01 0x02 0x031a 0x06 0x64 0x68 0x69 0x73 0x8e 0xac (tshark's other 0x02
        // are connection paths inside Forward_Open/Forward_Close data, which name no request)
        Observed o = new Observed(new EnipDissector())
                .capture(EnipWire.fixture("rslogix-upload-forward-open-first-200.pcap"));
        String client = "00:1d:09:99:b2:2c/192.168.10.105 ";
        assertThat(o.values(EnipAttributes.CIP_SERVICE)).containsExactly("Forward_Close", "Forward_Open",
                "Get_Attribute_List", "Get_Attributes_All", "Multiple_Service_Packet", "Set_Attribute_List",
                "Unconnected_Send");
        assertThat(o.values(EnipAttributes.CIP_CLASS)).containsExactly("0x01", "0x02", "0x031a", "0x06", "0x64",
                "0x68", "0x69", "0x73", "0x8e", "0xac");
        assertThat(o.attributes(EnipAttributes.CIP_SERVICE)).allSatisfy(a -> assertThat(a.host() + " ").isEqualTo(client));
        assertThat(o.values(EnipAttributes.ROLE)).containsExactly("client", "server");
        assertThat(o.services()).containsExactly("192.168.10.120 44818/tcp enip");
    }

    @Test
    void wholeSoftwareUploadFromTheSharedData() {
        Path file = SHARED.resolve("EIP-SoftwareUpload.pcap");
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared pcaps absent: skipped");
        EnipDissector d = new EnipDissector();
        Observed o = new Observed(d).capture(file);
        assertThat(o.values(EnipAttributes.CIP_SERVICE)).contains("Forward_Open", "Unconnected_Send");
        assertThat(o.values(EnipAttributes.PRODUCT_NAME)).isEmpty(); // no ListIdentity in this capture
        assertThat(d.malformed()).isZero();
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }
}
