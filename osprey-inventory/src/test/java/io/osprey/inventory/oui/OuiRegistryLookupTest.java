package io.osprey.inventory.oui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lookups in the bundled registry, against rows of the IEEE listings in ieee-data 20220827.1, and longest-prefix
 * precedence on a registry built for the purpose (no real MA-L owned by a vendor holds MA-M or MA-S blocks).
 */
class OuiRegistryLookupTest {
    private static final OuiRegistry REGISTRY = OuiRegistry.bundled();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # MA-L rows: F4BD9E "Cisco Systems, Inc", 00000C Cisco, B827EB "Raspberry Pi Foundation", 005056 VMware,
            # 086195 "Rockwell Automation", 000000 "XEROX CORPORATION"
            f4:bd:9e:12:34:56 | Cisco
            00:00:0c:07:ac:01 | Cisco
            b8:27:eb:aa:bb:cc | Raspberry Pi
            00:50:56:01:02:03 | VMware
            08:61:95:00:00:01 | Rockwell Automation
            00:00:00:00:00:01 | Xerox
            # MA-M 208593B "IOG Products LLC", inside MA-L 208593 "IEEE Registration Authority"
            20:85:93:b0:00:00 | IOG Products
            20:85:93:bf:ff:ff | IOG Products
            # MA-S 70B3D5F2F "TELEPLATFORMS", inside MA-L 70B3D5 "IEEE Registration Authority"
            70:b3:d5:f2:f0:00 | Teleplatforms
            70:b3:d5:f2:ff:ff | Teleplatforms
            # IAB 0050C27D5 "DEUTA-WERKE GmbH", inside MA-L 0050C2 "IEEE Registration Authority"
            00:50:c2:7d:51:23 | Deuta-Werke
            """)
    void findsTheVendorOfAnAssignedPrefix(String mac, String vendor) {
        assertThat(REGISTRY.vendor(MacAddress.parse(mac))).isEqualTo(vendor);
    }

    @Test
    void reportsTheAssignmentAsEvidence() {
        OuiAssignment maS = REGISTRY.assignment(MacAddress.parse("70:b3:d5:f2:f1:23"));
        assertThat(maS.registry()).isEqualTo(Registry.MA_S);
        assertThat(maS.prefix()).isEqualTo(0x70B3D5F2FL);
        assertThat(maS.block()).isEqualTo("70:b3:d5:f2:f0:00/36");

        assertThat(REGISTRY.assignment(MacAddress.parse("20:85:93:b1:23:45")))
                .isEqualTo(new OuiAssignment(Registry.MA_M, 0x208593BL, "IOG Products"));
        assertThat(REGISTRY.assignment(MacAddress.parse("00:50:c2:7d:51:23")).registry()).isEqualTo(Registry.IAB);
        assertThat(REGISTRY.assignment(MacAddress.parse("f4:bd:9e:12:34:56")))
                .isEqualTo(new OuiAssignment(Registry.MA_L, 0xF4BD9EL, "Cisco"));
    }

    @Test
    void unassignedBlocksInsideTheRegistrationAuthoritysOwnAreUnknown() {
        // 70B3D5 and 208593 belong to the IEEE RA; 70B3D51EC (MA-S) and 208593F (MA-M) are not assigned.
        assertThat(REGISTRY.vendor(MacAddress.parse("70:b3:d5:1e:c0:01"))).isNull();
        assertThat(REGISTRY.vendor(MacAddress.parse("20:85:93:f0:00:01"))).isNull();
    }

    @Test
    void unknownPrefixIsNull() {
        assertThat(REGISTRY.vendor(MacAddress.parse("14:04:04:00:00:01"))).isNull();
        assertThat(REGISTRY.assignment(MacAddress.parse("14:04:04:00:00:01"))).isNull();
    }

    @Test
    void locallyAdministeredAddressesHaveNoVendor() {
        // F01898 is Apple's; the same bytes with the U/L bit set are a randomized address, not Apple's.
        assertThat(REGISTRY.vendor(MacAddress.parse("f0:18:98:12:34:56"))).isEqualTo("Apple");
        assertThat(REGISTRY.vendor(MacAddress.parse("f2:18:98:12:34:56"))).isNull();
        assertThat(REGISTRY.vendor(MacAddress.parse("52:54:00:12:34:56"))).isNull();
        // 02608C was listed for 3Com, but it is a locally administered address all the same.
        assertThat(REGISTRY.vendor(MacAddress.parse("02:60:8c:12:34:56"))).isNull();
        assertThat(REGISTRY.assignment(MacAddress.parse("f2:18:98:12:34:56"))).isNull();
    }

    @Test
    void groupAddressesHaveNoVendor() {
        assertThat(REGISTRY.vendor(MacAddress.parse("f1:18:98:12:34:56"))).isNull();
        assertThat(REGISTRY.vendor(MacAddress.parse("01:00:5e:00:00:fb"))).isNull();
        assertThat(REGISTRY.vendor(MacAddress.parse("33:33:00:00:00:01"))).isNull();
        assertThat(REGISTRY.vendor(MacAddress.parse("ff:ff:ff:ff:ff:ff"))).isNull();
    }

    @Test
    void privateAssignmentsHaveNoVendor() {
        // MA-M 741AE09 is listed as "Private".
        assertThat(REGISTRY.vendor(MacAddress.parse("74:1a:e0:90:00:01"))).isNull();
    }

    @Test
    void aPrefixListedForSeveralOrganizationsNamesThemAll() {
        // 080030 is listed three times: Network Research Corporation, Royal Melbourne Inst of Tech, CERN.
        assertThat(REGISTRY.vendor(MacAddress.parse("08:00:30:00:00:01")))
                .isEqualTo("CERN / Network Research / Royal Melbourne Inst of Tech");
    }

    @Test
    void bitsAboveTheFortyEighthAreIgnored() {
        assertThat(REGISTRY.vendor(0xFFFF_0000_0000_0000L | 0xF4BD9E123456L)).isEqualTo("Cisco");
    }

    @Test
    void longestPrefixWins() throws IOException {
        OuiRegistry registry = new OuiRegistryBuilder(VendorNameCleaner.bundled()).build(List.of(
                new IeeeRegistryRow(Registry.MA_L, 0x001122L, "Alpha Networks Inc.", 2),
                new IeeeRegistryRow(Registry.MA_M, 0x0011223L, "Beta Systems GmbH", 2),
                new IeeeRegistryRow(Registry.MA_S, 0x001122334L, "Gamma Controls Ltd", 2),
                new IeeeRegistryRow(Registry.IAB, 0x001122345L, "Delta Instruments S.A.", 2)), "test").registry();
        for (OuiRegistry r : List.of(registry, roundTrip(registry))) {
            assertThat(r.vendor(0x001122334ABCL)).isEqualTo("Gamma Controls");
            assertThat(r.vendor(0x001122345ABCL)).isEqualTo("Delta Instruments");
            assertThat(r.vendor(0x001122300000L)).isEqualTo("Beta Systems");
            assertThat(r.vendor(0x00112233FFFFL)).isEqualTo("Beta Systems");
            assertThat(r.vendor(0x001122400000L)).isEqualTo("Alpha Networks");
            assertThat(r.vendor(0x001123000000L)).isNull();
            assertThat(r.assignment(0x001122300000L).registry()).isEqualTo(Registry.MA_M);
        }
    }

    @Test
    void bundledRegistryNamesItsSource() {
        assertThat(REGISTRY.source()).contains("ieee-data").contains("MA-L").contains("MA-S");
    }

    private static OuiRegistry roundTrip(OuiRegistry registry) throws IOException {
        var bytes = new ByteArrayOutputStream();
        OuiResourceFormat.write(registry, bytes);
        return OuiRegistry.read(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
