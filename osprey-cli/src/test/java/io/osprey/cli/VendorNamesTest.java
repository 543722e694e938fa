package io.osprey.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Vendor scoring with expected_vendor values as they are written in TRUTH.tsv. */
class VendorNamesTest {
    private final VendorNames vendors = VendorNames.bundled();

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            OUI: D-Link International                          | D-Link
            OUI: Philips Lighting BV                           | Philips
            OUI: TP-LINK TECHNOLOGIES CO.,LTD.                 | TP-Link
            TP-LINK TECHNOLOGIES CO.,LTD.                      | Tp-Link Systems Inc
            Rockwell Automation / Allen-Bradley (CIP vendor 1) | Rockwell Automation, Inc.
            Rockwell Automation / Allen-Bradley (CIP vendor 1) | Allen-Bradley
            Rockwell Automation                                | Allen-Bradley
            Tridium (Vykon brand)                              | Vykon
            Siemens (per file name; MACs anonymised)           | Siemens AG
            GE (OUI)                                           | General Electric
            Apple / VMware                                     | VMware, Inc.
            HP / TYAN / Supermicro / Nortel                    | Nortel Networks
            Hi-flying electronics technology Co.,Ltd           | Shanghai High-Flying Electronics Technology Co., Ltd
            OUI: eQ-3 Entwicklung GmbH                         | eQ-3
            FUJIFILM Business Innovation (ex Fuji Xerox) OUI   | Fuji Xerox Co.,Ltd.
            Hon Hai Precision                                  | Foxconn
            """)
    void sameCompanyIsRight(String expected, String got) {
        assertThat(vendors.score(expected, got)).isEqualTo(Verdict.RIGHT);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            OUI: D-Link International                 | Cisco Systems
            Raspberry Pi (OUI Cisco - rewritten)      | Cisco Systems, Inc
            Siemens                                   | Schneider Electric
            OUI: Belkin International Inc.            | International Business Machines
            Dell                                      | Delta Electronics
            """)
    void anotherCompanyIsWrong(String expected, String got) {
        assertThat(vendors.score(expected, got)).isEqualTo(Verdict.WRONG);
    }

    @Test
    void labelsThatNameNoVendorAreNotScored() {
        for (String label : List.of("-", "", "(Digital Bond test data)", "(random MAC)", "(locally administered)",
                "(MAC OUI Cisco = router/anonymised)", "(IEEE MA-S block; SAIA-Burgess per protocol)")) {
            assertThat(vendors.score(label, "Cisco")).as(label).isEqualTo(Verdict.NOT_SCORED);
            assertThat(VendorNames.names(label)).as(label).isFalse();
        }
    }

    @Test
    void noVendorIsEmpty() {
        assertThat(vendors.score("Cisco", null)).isEqualTo(Verdict.EMPTY);
        assertThat(vendors.score("Cisco", " ")).isEqualTo(Verdict.EMPTY);
    }

    @Test
    void normalisationJoinsHyphensAndDropsCorporateWords() {
        assertThat(VendorNames.words("TP-LINK TECHNOLOGIES CO.,LTD.")).containsExactly("tplink");
        assertThat(VendorNames.words("Shenzhen Bilian Electronic Co., Ltd")).containsExactly("bilian");
        assertThat(VendorNames.alternatives("OUI: Philips Lighting BV")).containsExactly(List.of("philips", "lighting"));
        assertThat(VendorNames.alternatives("Rockwell Automation / Allen-Bradley (CIP vendor 1)"))
                .containsExactly(List.of("rockwell", "automation"), List.of("allenbradley"));
    }

    @Test
    void synonymsAreGroupsOfAtLeastTwoNames() {
        var groups = VendorNames.parseSynonyms(List.of("# comment", "", "Vykon = Tridium", "Lonely"));
        assertThat(groups).containsExactly(List.of(List.of("vykon"), List.of("tridium")));
        // without the synonym a brand and its owner share no word
        assertThat(new VendorNames(List.of()).score("Tridium", "Vykon")).isEqualTo(Verdict.WRONG);
    }

    @Test
    void anOuiOnlyLabelAlsoAcceptsTheProductBrand() {
        TruthRow aria = new TruthRow(2, "iot-sentinel/Aria/Setup-C-15-STA.pcap", "20:f8:5e:ca:91:52",
                "10.10.10.123, 0.0.0.0", List.of("Health Device"), "OUI: Delta Electronics",
                "label 'Aria'; paper model: Fitbit Aria Wi-Fi scale", "DHCP hostname: GainSpanca9152", "smart scale");
        String expected = DeviceScore.expectedVendor(aria);
        assertThat(vendors.score(expected, "Fitbit")).isEqualTo(Verdict.RIGHT);
        assertThat(vendors.score(expected, "Delta Electronics, Inc.")).isEqualTo(Verdict.RIGHT);
        assertThat(vendors.score(expected, "Withings")).isEqualTo(Verdict.WRONG);
        // a label that is not an OUI inference is taken as it is
        TruthRow s7 = new TruthRow(3, "ics-iti/s7/x.pcap", "00:1b:1b:23:eb:3b", "192.168.1.40", List.of("PLC"),
                "Siemens", "paper model: Fitbit", "", "");
        assertThat(DeviceScore.expectedVendor(s7)).isEqualTo("Siemens");
    }
}
