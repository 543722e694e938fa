package io.osprey.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.osprey.cli.ModelTokensTest.row;
import static org.assertj.core.api.Assertions.assertThat;

/** Which TRUTH.tsv evidence counts as identifying strings (the deviceType target's denominator). */
class IdentityEvidenceTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            DHCP hostname: DCS-935L / DHCP vendor class: udhcp 1.22.1                  | true
            S7comm SZL 0x001C reply: module 'IM151-8 PN/DP CPU'                        | true
            ENIP ListIdentity reply; NOTE MAC OUI is Cisco                             | true
            CDP                                                                        | true
            LLDP sysName/sysDesc + NetBIOS                                             | true
            OUI + SNMP GetResponse values                                              | true
            SIP User-Agent                                                             | true
            TiVoConnect beacon                                                         | true
            DHCP                                                                       | true
            no identity strings in this run                                            | false
            DNS/mDNS queries: api.dch.dlink.com; no identity strings in this run       | false
            client role                                                                | false
            OUI                                                                        | false
            OUI + GOOSE                                                                | false
            sends ListIdentity                                                         | false
            sends Who-Is/ReadProperty                                                  | false
            Modbus function codes                                                      | false
            STP BPDUs                                                                  | false
            filename + S7 client role                                                  | false
            zeek test trace                                                            | false
            DHCP vendor class: udhcp 1.15.2 / DHCP opt55: 1,3,6,12,15,28,42            | false
            DHCP hostname: ESP_07AEFB / DHCP opt55: 1,3,28,6,15,44,46,47,31,33,121,43  | false
            DHCP hostname: HF-LPB100 / DHCP opt55: 1,3,28 / DNS/mDNS queries: icomen.yunext.com; 0.pool.ntp.org | false
            DNS/mDNS queries: api.dch.dlink.com                                        | false
            DHCP vendor class: udhcp 0.9.8 / DNS/mDNS queries: localcam.local; x._http._tcp.local | true
            DHCP vendor class: udhcp 0.9.8 / SSDP/HTTP Server: Embedded UPnP/1.0       | true
            DHCP vendor class: Withings00 / DHCP opt55: 1,3,28,6                       | true
            """)
    void identifiable(String evidence, boolean identifiable) {
        IdentityEvidence.Decision d = IdentityEvidence.of(row("-", evidence));
        assertThat(d.identifiable()).isEqualTo(identifiable);
        assertThat(d.cell()).startsWith(identifiable ? "yes (" : "no");
    }
}
