package io.osprey.cli;

import io.osprey.inventory.Device;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching TRUTH.tsv rows to scanned devices, with ip columns as they are written there. */
class RowMatchTest {

    @Test
    void ipColumnForms() {
        assertThat(matches("172.27.248.109 / .79", "172.27.248.79")).isTrue();
        assertThat(matches("172.27.248.109 / .79", "172.27.248.109")).isTrue();
        assertThat(matches("172.27.248.109 / .79", "172.27.248.80")).isFalse();
        assertThat(matches("10.0.4.x/10.0.5.x", "10.0.5.200")).isTrue();
        assertThat(matches("10.0.4.x/10.0.5.x", "10.0.6.1")).isFalse();
        assertThat(matches("118.189.96.x", "118.189.96.7")).isTrue();
        assertThat(matches("10.10.10.123, 0.0.0.0", "10.10.10.123")).isTrue();
        assertThat(matches("10.10.10.123, 0.0.0.0", "0.0.0.0")).isFalse();
        assertThat(matches("10.1.3.4 / (routed)", "10.1.3.4")).isTrue();
        assertThat(matches("10.10.10.6, fe80::217:88ff:fe24:76ff", "fe80:0:0:0:217:88ff:fe24:76ff")).isTrue();
        assertThat(matches("bbbb::3", "bbbb:0::3")).isTrue();
        assertThat(matches("192.168.0.100 / .101", "192.168.0.101")).isTrue();
        assertThat(AddressPattern.parseColumn("-")).isEmpty();
        assertThat(AddressPattern.parseColumn("0.0.0.0")).isEmpty();
        assertThat(matches("10.0.0.8", "not-an-address")).isFalse();
    }

    @Test
    void aRealMacMatchesByMacInAnyCase() {
        Device plc = device("00:1B:1B:23:EB:3B", "192.168.1.40");
        TruthRow row = row("00:1b:1b:23:eb:3b", "192.168.1.40");
        RowMatch m = RowMatch.find(row, List.of(device("90:e6:ba:84:5e:41", "192.168.1.10"), plc));
        assertThat(m.device()).isSameAs(plc);
        assertThat(m.by()).isEqualTo("mac");
    }

    @Test
    void aRealMacIsNeverMatchedByIp() {
        // modbus_test_data_part1: one row per device, all sharing the ip column of the master and its slaves
        TruthRow row = row("00:20:78:00:62:0d", "10.0.0.57 / 10.0.0.8 / 10.0.0.3");
        assertThat(RowMatch.find(row, List.of(device("00:50:04:93:70:67", "10.0.0.8"))).found()).isFalse();
    }

    @Test
    void aZeroedOrMissingMacMatchesByIp() {
        Device routed = device(null, "118.189.96.132");
        RowMatch m = RowMatch.find(row("00:00:00:00:00:00", "118.189.96.x"), List.of(device("00:11:22:33:44:55", "10.0.0.1"), routed));
        assertThat(m.device()).isSameAs(routed);
        assertThat(m.by()).isEqualTo("ip");
        assertThat(RowMatch.find(row("", "118.189.96.132"), List.of(routed)).found()).isTrue();
        assertThat(RowMatch.find(row("00:00:00:00:00:00", "-"), List.of(routed)).found()).isFalse();
    }

    private static boolean matches(String column, String address) {
        return AddressPattern.parseColumn(column).stream().anyMatch(p -> p.matches(address));
    }

    private static TruthRow row(String mac, String ips) {
        return new TruthRow(2, "x/y.pcap", mac, ips, List.of("PLC"), "-", "-", "", "");
    }

    static Device device(String mac, String... ips) {
        return new Device(mac == null ? "ip-" + ips[0] : "mac-" + mac.replace(":", ""), mac, List.of(ips), null,
                null, null, null, null, null, null, null, null, null, new TreeSet<>(), new TreeSet<>(), 0, 0, null,
                null, 0, 0, List.of());
    }
}
