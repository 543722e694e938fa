package io.osprey.dissect.snmp;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Real captures (fixtures/snmp/SOURCES.md); expected values as tshark 4.0 decodes them ({@code -e snmp.value.octets}). */
class SnmpCaptureTest {
    static Path fixture(String name) {
        try {
            return Path.of(SnmpCaptureTest.class.getResource("/fixtures/snmp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Observed run(String name) {
        Observed o = new Observed(new SnmpDissector()).capture(fixture(name));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void snmpv1GetsOfAFujiXeroxPrinter() {
        Observed o = run("fujixerox-b6300-snmpv1-get.pcap");
        String agent = "08:00:37:15:e6:bc/172.31.19.73 ", manager = "00:12:3f:4a:33:d2/172.31.19.54 ";
        assertThat(o.facts()).containsExactlyInAnyOrder(
                agent + "snmp.version=1", agent + "snmp.communityInUse=default-public",
                manager + "snmp.version=1", manager + "snmp.communityInUse=default-public",
                agent + "snmp.sysObjectID=1.3.6.1.4.1.2001.1.1.1.297.93.1.27.2.2.1",
                agent + "snmp.sysName=B6300", agent + "snmp.sysLocation=Chandra's cube");
        assertThat(o.services()).containsExactly("172.31.19.73 161/udp snmp");
        assertThat(o.all).noneMatch(x -> x.toString().contains("=public"));
    }

    @Test
    void snmpv2cWalkOfANetSnmpAgent() {
        Observed o = run("net-snmp-v2c-walk.pcap");
        String agent = "04:01:3a:ef:d2:01/138.68.10.203 ";
        assertThat(o.facts()).contains(agent + "snmp.version=2c", agent + "snmp.communityInUse=default-public",
                "04:01:3a:f1:f8:01/138.68.14.240 snmp.communityInUse=default-public",
                agent + "snmp.sysDescr=Linux ubuntu-512mb-sfo2-01 4.4.0-31-generic #50~14.04.1-Ubuntu SMP Wed Jul 13"
                        + " 01:07:32 UTC 2016 x86_64",
                agent + "snmp.sysObjectID=1.3.6.1.4.1.8072.3.2.10", agent + "snmp.sysName=ubuntu-512mb-sfo2-01",
                agent + "snmp.sysLocation=Sitting on the Dock of the Bay");
        assertThat(o.attributes()).hasSize(8);
    }
}
