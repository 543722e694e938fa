package io.osprey.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.vuln.Fixtures;
import io.osprey.vuln.cpe.Cpe;
import io.osprey.vuln.nvd.ConfigNode;
import io.osprey.vuln.nvd.Configuration;
import io.osprey.vuln.nvd.CpeMatchCriterion;
import io.osprey.vuln.nvd.CveRecord;
import io.osprey.vuln.nvd.NvdFeedReader;
import io.osprey.vuln.nvd.Operator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hard cases listed in ../shared/data/vuln/nvd/README.md, one test each, on copies of those records:
 * AND configurations, criteria without bounds, exact versions, start and end bounds, a bound written "-",
 * sibling models, escaped IOS versions, a vendor spelled two ways, records without configuration, plus negation.
 */
class ConfigurationEvaluatorTest {
    private static final CpeGenerator GENERATOR = CpeGenerator.bundled();

    static CveRecord record(String fixture) {
        List<CveRecord> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Fixtures.path("nvd/" + fixture))) {
            NvdFeedReader.read(in, out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.getFirst();
    }

    static Optional<ConfigurationEvaluator.Outcome> match(String fixture, DeviceProfile device) {
        return ConfigurationEvaluator.evaluate(record(fixture).configurations(), GENERATOR.generate(device));
    }

    private static final String DCS_930L = "CVE-2016-11021-dcs-930l-firmware-range-and-hardware.json";

    @Test
    void andConfigurationFirmwareInRangeOnTheRightHardwareIsConfirmed() {
        var o = match(DCS_930L, DeviceProfile.of("D-Link", "DCS-930LB", "2.01")).orElseThrow();
        assertThat(o.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(o.evidence()).extracting(MatchEvidence::criterion)
                .anyMatch(c -> c.startsWith("cpe:2.3:o:dlink:dcs-930l_firmware:*") && c.endsWith("<2.12"))
                .anyMatch(c -> c.equals("cpe:2.3:h:dlink:dcs-930l:-:*:*:*:*:*:*:*"));
        assertThat(o.evidence()).filteredOn(MatchEvidence::vulnerableCriterion).singleElement()
                .satisfies(e -> {
                    assertThat(e.deviceCpe()).isEqualTo("cpe:2.3:o:dlink:dcs-930l_firmware:2.01:*:*:*:*:*:*:*");
                    assertThat(e.versionReason()).isEqualTo("version 2.01 is within <2.12");
                });
    }

    @Test
    void rangeWithUnknownDeviceVersionIsPossible() {
        assertThat(match(DCS_930L, DeviceProfile.of("D-Link", "DCS-930LB", null)).orElseThrow().confidence())
                .isEqualTo(Confidence.POSSIBLE);
    }

    @Test
    void versionAtTheExcludedEndIsNoMatch() {
        assertThat(match(DCS_930L, DeviceProfile.of("D-Link", "DCS-930L", "2.12"))).isEmpty();
        assertThat(match(DCS_930L, DeviceProfile.of("D-Link", "DCS-930L", "V2.12.0"))).isEmpty();
    }

    @Test
    void siblingModelsNeverMatch() {
        assertThat(match(DCS_930L, DeviceProfile.of("D-Link", "DCS-932L", "2.01"))).isEmpty();
        assertThat(match("CVE-2024-37606-dcs-932l-sibling.json", DeviceProfile.of("D-Link", "DCS-930LB", "2.18.01")))
                .isEmpty();
        assertThat(match("CVE-2024-37606-dcs-932l-sibling.json", DeviceProfile.of("D-Link", "DCS-930LB", null)))
                .isEmpty();
    }

    @Test
    void firmwareWithoutItsHardwareDoesNotSatisfyAnAnd() {
        List<CpeCandidate> firmwareOnly = List.of(new CpeCandidate(
                Cpe.parse("cpe:2.3:o:dlink:dcs-930l_firmware:2.01:*:*:*:*:*:*:*"), 1.0, "test"));
        assertThat(ConfigurationEvaluator.evaluate(record(DCS_930L).configurations(), firmwareOnly)).isEmpty();
    }

    @Test
    void vendorSpelledTwoWaysInOneAndConfiguration() {
        // o:d-link:dcs-5000l_firmware:1.05 AND h:dlink:dcs-5000l
        var o = match("CVE-2021-41503-vendor-spelled-d-link-and-dlink.json",
                DeviceProfile.of("D-Link", "DCS-5000L", "1.05")).orElseThrow();
        assertThat(o.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(o.evidence()).extracting(MatchEvidence::deviceCpe)
                .contains("cpe:2.3:o:d-link:dcs-5000l_firmware:1.05:*:*:*:*:*:*:*");
    }

    @Test
    void endExcludingWithLeadingZeroVersion() {
        // Omron CP1L "controller version 01.00"; sysmac_cp1l_firmware < 1.10.
        DeviceProfile cp1l = DeviceProfile.of("Omron", "SYSMAC CP1L-EL20DR-D", "01.00");
        assertThat(match("CVE-2022-31204-omron-cp1l-end-excluding.json", cp1l).orElseThrow().confidence())
                .isEqualTo(Confidence.CONFIRMED);
        assertThat(match("CVE-2022-31204-omron-cp1l-end-excluding.json",
                DeviceProfile.of("Omron", "SYSMAC CP1L-EL20DR-D", "1.10"))).isEmpty();
    }

    @Test
    void aBoundWrittenAsDashBoundsNothingSoTheMatchIsOnlyLikely() {
        var o = match("CVE-2016-5056-end-including-dash.json",
                new DeviceProfile("Osram", "Lightify Pro Gateway", "1.0", null, null, null, null)).orElseThrow();
        assertThat(o.confidence()).isEqualTo(Confidence.LIKELY);
    }

    @Test
    void escapedIosVersionsWithStartAndEndBounds() {
        // o:cisco:ios >= 12.2s <= 15.1\(3\)svs AND one of the listed Catalyst switches.
        DeviceProfile inRange = new DeviceProfile("Cisco", "WS-C3560-24TS", null, "IOS", "12.2(25)SEE2", null, null);
        var o = match("CVE-2017-3881-ios-escaped-start-end-range.json", inRange).orElseThrow();
        assertThat(o.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(o.evidence()).filteredOn(MatchEvidence::vulnerableCriterion).singleElement()
                .satisfies(e -> assertThat(e.versionReason()).contains("12.2(25)see2").contains("<=15.1(3)svs"));
        DeviceProfile tooNew = new DeviceProfile("Cisco", "WS-C3560-24TS", null, "IOS", "15.2(4)E", null, null);
        assertThat(match("CVE-2017-3881-ios-escaped-start-end-range.json", tooNew)).isEmpty();
        DeviceProfile otherHardware = new DeviceProfile("Cisco", "WS-C9999-24TS", null, "IOS", "12.2(25)SEE2",
                null, null);
        assertThat(match("CVE-2017-3881-ios-escaped-start-end-range.json", otherHardware)).isEmpty();
    }

    @Test
    void startAndEndIncludingOnAnApplication() {
        DeviceProfile n4 = DeviceProfile.of("Tridium", "Niagara 4", "4.4");
        assertThat(match("CVE-2017-16744-start-and-end-including.json", n4).orElseThrow().confidence())
                .isEqualTo(Confidence.CONFIRMED);
        assertThat(match("CVE-2017-16744-start-and-end-including.json", DeviceProfile.of("Tridium", "Niagara 4",
                "4.4.1"))).isEmpty();
        assertThat(match("CVE-2017-16744-start-and-end-including.json", DeviceProfile.of("Tridium", "Niagara 4",
                "3.9"))).isEmpty();
    }

    @Test
    void exactFirmwareVersionNeedsTheVersion() {
        String f = "CVE-2013-4975-exact-firmware-version.json";
        assertThat(match(f, DeviceProfile.of("Hikvision", "DS-2CD7153-E", "4.1.0_b130111")).orElseThrow()
                .confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(match(f, DeviceProfile.of("Hikvision", "DS-2CD7153-E", null)).orElseThrow().confidence())
                .isEqualTo(Confidence.POSSIBLE);
        assertThat(match(f, DeviceProfile.of("Hikvision", "DS-2CD7153-E", "4.1.2"))).isEmpty();
    }

    @Test
    void hardwareThatIsItselfVulnerableInAnAnd() {
        var o = match("CVE-2013-4977-hardware-also-vulnerable.json",
                DeviceProfile.of("Hikvision", "DS-2CD7153-E", "4.1.0_b130111")).orElseThrow();
        // The firmware is exact (confirmed), the hardware "-" without range (likely): an AND is as sure as its weakest.
        assertThat(o.confidence()).isEqualTo(Confidence.LIKELY);
    }

    @Test
    void criterionWithoutBoundsIsLikely() {
        assertThat(match("CVE-2013-5755-hardware-only-no-bounds.json", DeviceProfile.of("Yealink", "SIP-T38G", null))
                .orElseThrow().confidence()).isEqualTo(Confidence.LIKELY);
        assertThat(match("CVE-2013-5755-hardware-only-no-bounds.json", DeviceProfile.of("Yealink", "SIP-T48G", null)))
                .isEmpty();
    }

    @Test
    void applicationOnAnOsPlatformNeedsThePlatform() {
        String f = "CVE-2025-3937-application-and-os-platform.json";
        DeviceProfile onWindows = new DeviceProfile("Tridium", "Niagara 4", "4.10u10", "Windows", null, null, null);
        assertThat(match(f, onWindows).orElseThrow().confidence()).isEqualTo(Confidence.CONFIRMED);
        DeviceProfile noPlatform = DeviceProfile.of("Tridium", "Niagara 4", "4.10u10");
        assertThat(match(f, noPlatform)).isEmpty();
        DeviceProfile niagaraAx = new DeviceProfile("Tridium", "Niagara AX", "3.7.44", "Windows", "XP", null, null);
        assertThat(match(f, niagaraAx)).isEmpty();
    }

    @Test
    void recordsWithoutConfigurationNeverMatch() {
        CveRecord r = record("CVE-2025-4841-no-configuration-received.json");
        assertThat(r.hasConfigurations()).isFalse();
        assertThat(ConfigurationEvaluator.evaluate(r.configurations(),
                GENERATOR.generate(DeviceProfile.of("D-Link", "DCS-932L", "2.18.01")))).isEmpty();
    }

    @Test
    void oneOfSeveralAndConfigurationsIsEnough() {
        // CVE-2012-6442: ethernet/ip_firmware:- AND one of 1756-ENBT, 1756-EWEB, ...
        var o = match("CVE-2012-6442-several-and-configurations.json",
                DeviceProfile.of("Rockwell Automation", "1756-ENBT/A", "4.3")).orElseThrow();
        assertThat(o.evidence()).extracting(MatchEvidence::criterion)
                .contains("cpe:2.3:h:rockwellautomation:1756-enbt:-:*:*:*:*:*:*:*");
    }

    @Test
    void negatedNodesInvertTheirContent() {
        Cpe firmware = Cpe.parse("cpe:2.3:o:acme:cam_firmware:*:*:*:*:*:*:*:*");
        Cpe proHardware = Cpe.parse("cpe:2.3:h:acme:cam_pro:-:*:*:*:*:*:*:*");
        CpeMatchCriterion vulnerable = new CpeMatchCriterion(true, firmware.toFormattedString(), firmware,
                null, null, null, "2.0");
        CpeMatchCriterion notPro = new CpeMatchCriterion(false, proHardware.toFormattedString(), proHardware,
                null, null, null, null);
        // "cam firmware < 2.0, except on the Pro hardware"
        List<Configuration> config = List.of(new Configuration(Operator.AND, false, List.of(
                new ConfigNode(Operator.OR, false, List.of(vulnerable)),
                new ConfigNode(Operator.OR, true, List.of(notPro)))));
        List<CpeCandidate> plain = GENERATOR.generate(DeviceProfile.of("acme", "cam", "1.5"));
        List<CpeCandidate> pro = GENERATOR.generate(DeviceProfile.of("acme", "cam", "1.5"));
        pro = new ArrayList<>(pro);
        pro.add(new CpeCandidate(proHardware, 1.0, "test"));

        assertThat(ConfigurationEvaluator.evaluate(config, plain)).map(ConfigurationEvaluator.Outcome::confidence)
                .hasValue(Confidence.CONFIRMED);
        assertThat(ConfigurationEvaluator.evaluate(config, pro)).isEmpty();
        // A configuration of only negated platforms never makes a device vulnerable.
        List<Configuration> onlyNegated = List.of(new Configuration(Operator.OR, false, List.of(
                new ConfigNode(Operator.OR, true, List.of(notPro)))));
        assertThat(ConfigurationEvaluator.evaluate(onlyNegated, plain)).isEmpty();
    }
}
