package io.osprey.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpeGeneratorTest {
    private final CpeGenerator generator = CpeGenerator.bundled();

    private List<String> names(DeviceProfile device) {
        return generator.generate(device).stream().map(c -> c.cpe().toFormattedString()).toList();
    }

    @Test
    void hardwareFirmwareAndRarelyApplicationForAModel() {
        List<CpeCandidate> c = generator.generate(DeviceProfile.of("Siemens", "SCALANCE X-200", "5.2.3"));
        assertThat(c).extracting(x -> x.cpe().toFormattedString()).contains(
                "cpe:2.3:h:siemens:scalance_x-200:-:*:*:*:*:*:*:*",
                "cpe:2.3:o:siemens:scalance_x-200_firmware:5.2.3:*:*:*:*:*:*:*",
                "cpe:2.3:a:siemens:scalance_x-200:5.2.3:*:*:*:*:*:*:*");
        CpeCandidate application = c.stream().filter(x -> x.cpe().part().equals("a")).findFirst().orElseThrow();
        CpeCandidate hardware = c.stream().filter(x -> x.cpe().part().equals("h")).findFirst().orElseThrow();
        assertThat(application.likelihood()).isLessThan(hardware.likelihood());
    }

    @Test
    void vendorAliasesComeFromTheDataFile() {
        assertThat(names(DeviceProfile.of("Allen-Bradley", "1756-ENBT/A", null)))
                .contains("cpe:2.3:h:rockwellautomation:1756-enbt:-:*:*:*:*:*:*:*");
        assertThat(names(DeviceProfile.of("Signify", "Hue Bridge", null)))
                .contains("cpe:2.3:h:philips:hue_bridge_v2:-:*:*:*:*:*:*:*");
        assertThat(names(DeviceProfile.of("TP-Link", "HS100(EU)", null)))
                .contains("cpe:2.3:h:tp-link:hs100:-:*:*:*:*:*:*:*");
        assertThat(names(DeviceProfile.of("D-Link International", "DCS-930L", null)))
                .contains("cpe:2.3:h:dlink:dcs-930l:-:*:*:*:*:*:*:*", "cpe:2.3:h:d-link:dcs-930l:-:*:*:*:*:*:*:*");
    }

    @Test
    void onlyDocumentedSuffixesAreNormalised() {
        assertThat(names(DeviceProfile.of("D-Link", "DCS-930LB", null)))
                .contains("cpe:2.3:h:dlink:dcs-930l:-:*:*:*:*:*:*:*")
                .noneMatch(n -> n.contains("dcs-932l") || n.contains("dcs-930lb"));
        assertThat(names(DeviceProfile.of("D-Link", "DCS-932L", null)))
                .contains("cpe:2.3:h:dlink:dcs-932l:-:*:*:*:*:*:*:*")
                .noneMatch(n -> n.contains("dcs-930l"));
        assertThat(names(DeviceProfile.of("D-Link", "DCS-935L", null))).noneMatch(n -> n.contains("dcs-930l"));
    }

    @Test
    void ciscoPartNumbersAndOs() {
        assertThat(names(new DeviceProfile("Cisco", "WS-C3560-24TS", null, "IOS", "12.2(25)SEE2", null, null)))
                .contains("cpe:2.3:h:cisco:catalyst_3560-24ts:-:*:*:*:*:*:*:*",
                        "cpe:2.3:o:cisco:ios:12.2\\(25\\)see2:*:*:*:*:*:*:*");
    }

    @Test
    void unknownVendorsAreUsedAsObservedWithALowerLikelihood() {
        List<CpeCandidate> c = generator.generate(DeviceProfile.of("Acme Widgets GmbH", "Cam 1", null));
        assertThat(c).extracting(x -> x.cpe().toFormattedString())
                .contains("cpe:2.3:h:acme:cam_1:-:*:*:*:*:*:*:*");
        assertThat(c).allMatch(x -> x.likelihood() <= 0.35);
    }

    @Test
    void nothingIsGuessedWithoutAModel() {
        assertThat(generator.generate(new DeviceProfile("Siemens", null, "1.0", null, null, "PLC", "OT"))).isEmpty();
        assertThat(generator.generate(new DeviceProfile(null, null, null, null, null, null, null))).isEmpty();
    }
}
