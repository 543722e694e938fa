package io.osprey.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Model scoring with expected_model values from TRUTH.tsv. */
class ModelTokensTest {

    @Test
    void modelLikeTokensMixLettersAndDigits() {
        assertThat(ModelTokens.of("label 'TP-LinkPlugHS110'; paper model: TP-Link HS110 smart plug")).containsExactly("hs110");
        assertThat(ModelTokens.of("1756-ENBT/A (ControlLogix EtherNet/IP bridge), dev type 12, product code 58"))
                .contains("1756enbt").doesNotContain("12", "58", "a");
        assertThat(ModelTokens.of("SIMATIC S7-300 CPU 315-2 PN/DP (station 'S7300/ET200M station_1', PLC name 'PLC_1')"))
                .containsExactly("s7300", "3152");
        assertThat(ModelTokens.of("UniFi Security Gateway (model code ER-e120), firmware 4.3.33.4936086")).containsExactly("ere120");
    }

    @Test
    void namesVersionsAndProtocolsAreNotModels() {
        assertThat(ModelTokens.of("Windows host 'DJP95S0J', workgroup ARBEITSGRUPPE")).isEmpty();
        assertThat(ModelTokens.of("Nero SIPPS IP Phone v2.0.51.16 (softphone)")).isEmpty();
        assertThat(ModelTokens.of("Catalyst WS-C3560-24TS 'S1.cisco.com'")).containsExactly("wsc356024ts");
        assertThat(ModelTokens.of("CIP Class-1 implicit I/O producer/consumer")).isEmpty();
        assertThat(ModelTokens.of("DHCP client 'test0000', opt55 1,3,6,42")).isEmpty();
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            label 'TP-LinkPlugHS110'; paper model: TP-Link HS110 smart plug         | HS110(EU)             | RIGHT
            label 'TP-LinkPlugHS110'; paper model: TP-Link HS110 smart plug         | HS100(EU)             | WRONG
            label 'TP-LinkPlugHS110'; paper model: TP-Link HS110 smart plug         | Smart Plug            | WRONG
            label 'TP-LinkPlugHS110'; paper model: TP-Link HS110 smart plug         | null                  | EMPTY
            label 'D-LinkDayCam'; paper model: D-Link Wi-Fi Day Camera DCS-930L     | DCS-930LB             | RIGHT
            label 'SmarterCoffee'; paper model: Smarter SmarterCoffee machine SMC10-EU | SMC10              | RIGHT
            SYSMAC CP1L-EL20DR-D, controller version 01.00                           | CP1L-EL20DR-D         | RIGHT
            Catalyst WS-C3560-24TS 'S1.cisco.com'                                    | cisco WS-C3560-24TS   | RIGHT
            Catalyst WS-C3560-24TS 'S1.cisco.com'                                    | cisco WS-C3560G-24PS  | WRONG
            SIMATIC S7-300 CPU 315-2 PN/DP (station 'S7300/ET200M station_1')        | CPU 315-2 PN/DP       | RIGHT
            minidlna on a NETGEAR R7000P router announcing TiVoConnect (machine=R7000P) | R7000P             | RIGHT
            MELSEC iQ-F FX5U-32MT/ES                                                 | FX5U-32MT/ES          | RIGHT
            1756-ENBT/A (ControlLogix EtherNet/IP bridge)                            | 1756-ENBT/A           | RIGHT
            Modbus/TCP master & slaves (not labelled)                                | X100                  | NOT_SCORED
            DNP3 master + outstation (Digital Bond test data, unlabelled)            | null                  | NOT_SCORED
            Osram Lightify Gateway                                                   | Lightify              | NOT_SCORED
            """)
    void score(String expected, String got, Verdict verdict) {
        assertThat(ModelTokens.score(expected, "-", got)).isEqualTo(verdict);
    }

    @Test
    void aProductNamedInSpecificWordsIsRight() {
        String wemo = "label 'WeMoInsightSwitch'; paper model: Belkin WeMo Insight Switch F7C029de";
        assertThat(ModelTokens.score(wemo, "OUI: Belkin International Inc.", "WeMo Insight Switch")).isEqualTo(Verdict.RIGHT);
        assertThat(ModelTokens.score(wemo, "OUI: Belkin International Inc.", "WeMo Switch")).isEqualTo(Verdict.WRONG);
        assertThat(ModelTokens.score(wemo, "OUI: Belkin International Inc.", "Insight")).isEqualTo(Verdict.WRONG);
        assertThat(ModelTokens.score("label 'TP-LinkPlugHS110'; paper model: TP-Link HS110 smart plug", "-", "Smart Plug"))
                .isEqualTo(Verdict.WRONG);
        assertThat(ModelTokens.score("SCALANCE X-200 family switch ('SIMATIC S7 MULTIPORT SCALANCE X 200 FAM')", "Siemens",
                "SCALANCE X 200")).isEqualTo(Verdict.RIGHT);
    }

    @Test
    void theVendorsNameAndADeviceBehindTheIpDeviceAreNotModels() {
        String max = "label 'MAXGateway'; paper model: eQ-3 MAX! Cube LAN Gateway";
        assertThat(ModelTokens.of(max)).containsExactly("eq3");
        assertThat(ModelTokens.scorable(max, "OUI: eQ-3 Entwicklung GmbH")).isEmpty();
        assertThat(ModelTokens.score(max, "OUI: eQ-3 Entwicklung GmbH", "MAX! Cube")).isEqualTo(Verdict.NOT_SCORED);
        assertThat(ModelTokens.score("label 'HueSwitch'; paper model: Philips Hue Light Switch PTM 215Z (seen via the Hue bridge)",
                "OUI: Philips Lighting BV", "Hue Bridge")).isEqualTo(Verdict.NOT_SCORED);
        assertThat(ModelTokens.score("label 'D-LinkDoorSensor'; paper model: D-Link door/window sensor (via DCH-G020 hub)",
                "OUI: D-Link International", "DCH-G020")).isEqualTo(Verdict.NOT_SCORED);
    }

    @Test
    void aShortLetterSuffixIsARegionOrRevisionButNotAnotherModel() {
        assertThat(ModelTokens.same("hs100", "hs100eu")).isTrue();
        assertThat(ModelTokens.same("hs100", "hs110")).isFalse();
        assertThat(ModelTokens.same("dcs930", "dcs930lbx")).isFalse();
        assertThat(ModelTokens.same("s7300", "s73001")).isFalse();
    }

    @Test
    void packetsCarryTheModelWhenTheEvidenceQuotesItOrNamesAModelSource() {
        assertThat(ModelTokens.carriedByPackets(row("label 'D-LinkCam'; paper model: D-Link HD IP camera DCS-935L",
                "DHCP hostname: DCS-935L / DHCP vendor class: udhcp 1.22.1"))).isTrue();
        assertThat(ModelTokens.carriedByPackets(row("label 'EdimaxPlug1101W'; paper model: Edimax SP-1101W smart plug",
                "DHCP vendor class: udhcp 0.9.8 / SSDP/HTTP Server: Embedded UPnP/1.0"))).isFalse();
        assertThat(ModelTokens.carriedByPackets(row("Catalyst WS-C3560-24TS 'S1.cisco.com'", "CDP + LLDP"))).isTrue();
        assertThat(ModelTokens.carriedByPackets(row("SIMATIC S7-1200 (per file name)",
                "S7comm-plus on TCP/102 (tshark 4.0 shows only TPKT/COTP)"))).isFalse();
        assertThat(ModelTokens.carriedByPackets(row("Catalyst 3560G (same switch as 3560_CDP)", "STP BPDUs"))).isFalse();
        assertThat(ModelTokens.carriedByPackets(row("Osram Lightify Gateway", "LLDP"))).isFalse();
    }

    static TruthRow row(String model, String evidence) {
        return new TruthRow(2, "x/y.pcap", "00:11:22:33:44:55", "-", List.of("PLC"), "-", model, evidence, "");
    }
}
