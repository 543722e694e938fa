package io.osprey.dissect.bacnet;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A real capture (ITI ICS-Security-Tools, CC-BY-4.0); expected values as {@code tshark -Y bacapp -V} shows them. */
class BacnetCaptureTest {
    static final Path SHARED = Path.of("..", "..", "shared", "data", "pcaps", "ics-iti", "bacnet");

    @Test
    void johnsonControlsNaeAnswersAScannersReadProperties() {
        // tshark frames 4-20: object-identifier device,500; vendor-identifier (Unsigned) 5; vendor-name UCS-2 'JCI';
        // firmware-revision '5.1.0.4400'; application-software-version ''; object-name 'KBRNAE'; model-name
        // 'MS-NAE4510-2'; description ''; location '' (empty strings are not reported). GROUND_TRUTH: object-name
        // 'KBRNAE' from 10.1.1.165; the scanner 10.1.1.167 sends ReadProperty.
        BacnetDissector d = new BacnetDissector();
        Observed o = new Observed(d).capture(BacnetWire.fixture("jci-nae-readproperty-device-object.pcap"));
        String device = "00:19:07:24:3c:ca/10.1.1.165 ";
        String scanner = "3c:a9:f4:21:22:f8/10.1.1.167 ";
        assertThat(o.facts()).containsExactly(
                device + "bacnet.deviceInstance=500",
                device + "bacnet.firmwareRevision=5.1.0.4400",
                device + "bacnet.modelName=MS-NAE4510-2",
                device + "bacnet.objectName=KBRNAE",
                device + "bacnet.role=server",
                device + "bacnet.vendor=Johnson Controls, Inc.",
                device + "bacnet.vendorId=5",
                device + "bacnet.vendorName=JCI",
                scanner + "bacnet.role=client",
                scanner + "bacnet.service=readProperty");
        assertThat(o.services()).containsExactly("10.1.1.165 47808/udp bacnet");
        assertThat(o.attributes(BacnetAttributes.MODEL_NAME)).singleElement()
                .satisfies(a -> assertThat(a.confidence()).isEqualTo(BacnetAttributes.STATED));
        assertThat(d.malformed()).isZero();
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }

    @Test
    void sharedCaptureGivesTheGroundTruthObjectName() {
        Path file = SHARED.resolve("bacnet_test.pcap");
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared pcaps absent: skipped");
        Observed o = new Observed(new BacnetDissector()).capture(file);
        assertThat(o.values(BacnetAttributes.OBJECT_NAME)).containsExactly("KBRNAE");
    }

    @Test
    void theScannersReadPropertiesAreOneRoutineOperation() {
        // tshark -Y "bacapp.type==0": nine confirmed requests, service 12 (readProperty), 10.1.1.167 to 10.1.1.165
        Observed o = new Observed(new BacnetDissector())
                .capture(BacnetWire.fixture("jci-nae-readproperty-device-object.pcap"));
        assertThat(o.operations()).containsExactly(
                "3c:a9:f4:21:22:f8/10.1.1.167 > 00:19:07:24:3c:ca/10.1.1.165 bacnet:readProperty");
    }
}
