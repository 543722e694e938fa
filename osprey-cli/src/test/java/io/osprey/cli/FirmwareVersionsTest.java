package io.osprey.cli;

import org.junit.jupiter.api.Test;

import static io.osprey.cli.ModelTokensTest.row;
import static org.assertj.core.api.Assertions.assertThat;

/** Firmware scoring with the version-bearing rows of TRUTH.tsv. */
class FirmwareVersionsTest {
    private static final TruthRow UBIQUITI = row("UniFi Security Gateway (model code ER-e120), firmware 4.3.33.4936086",
            "Ubiquiti discovery (UDP 10001) payload strings");
    private static final TruthRow ENIP = row("1756-ENBT/A (ControlLogix EtherNet/IP bridge), dev type 12, product code 58, "
            + "revision 1027 (=4.3)", "ENIP ListIdentity reply; NOTE MAC OUI is Cisco");
    private static final TruthRow OMRON = row("SYSMAC CP1L-EL20DR-D, controller version 01.00",
            "FINS 'Controller Data Read' reply (also matches CVE-2022-31204: CP1L firmware < 1.10)");
    private static final TruthRow CISCO = row("WS-CE500-24TT switch, hostname Ns5gt, IOS CE500-LANBASE-M 12.x", "CDP");

    @Test
    void versionsFollowTheirKeyword() {
        assertThat(FirmwareVersions.expected(UBIQUITI)).containsExactly("4.3.33.4936086");
        assertThat(FirmwareVersions.expected(ENIP)).containsExactly("1027", "4.3");
        assertThat(FirmwareVersions.expected(OMRON)).containsExactly("01.00");
        assertThat(FirmwareVersions.expected(CISCO)).containsExactly("12.x");
        assertThat(FirmwareVersions.expected(row("Nero SIPPS IP Phone v2.0.51.16 (softphone)", "SIP User-Agent"))).isEmpty();
    }

    @Test
    void scores() {
        assertThat(FirmwareVersions.score(UBIQUITI, "v4.3.33.4936086")).isEqualTo(Verdict.RIGHT);
        assertThat(FirmwareVersions.score(UBIQUITI, "4.3.33")).isEqualTo(Verdict.RIGHT);
        assertThat(FirmwareVersions.score(UBIQUITI, "4.3")).isEqualTo(Verdict.WRONG);
        assertThat(FirmwareVersions.score(UBIQUITI, "4.4.1.5")).isEqualTo(Verdict.WRONG);
        assertThat(FirmwareVersions.score(UBIQUITI, null)).isEqualTo(Verdict.EMPTY);
        assertThat(FirmwareVersions.score(ENIP, "4.003")).isEqualTo(Verdict.RIGHT);
        assertThat(FirmwareVersions.score(ENIP, "Revision 4.3")).isEqualTo(Verdict.RIGHT);
        assertThat(FirmwareVersions.score(ENIP, "5.1")).isEqualTo(Verdict.WRONG);
        assertThat(FirmwareVersions.score(OMRON, "1.0")).isEqualTo(Verdict.RIGHT);
        assertThat(FirmwareVersions.score(OMRON, "1.10")).isEqualTo(Verdict.WRONG);
        assertThat(FirmwareVersions.score(CISCO, "12.2(25)SEE2")).isEqualTo(Verdict.RIGHT);
        assertThat(FirmwareVersions.score(CISCO, "15.0(2)SE")).isEqualTo(Verdict.WRONG);
        assertThat(FirmwareVersions.score(CISCO, "unknown")).isEqualTo(Verdict.WRONG);
        assertThat(FirmwareVersions.score(row("Osram Lightify Gateway", "DHCP hostname"), "1.2.3")).isEqualTo(Verdict.NOT_SCORED);
    }
}
