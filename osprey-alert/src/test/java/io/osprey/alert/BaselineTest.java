package io.osprey.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {

    private static Baseline sample() {
        Baseline b = new Baseline();
        b.add(Baseline.deviceKey("mac-001122334455"));
        b.add(Baseline.operationKey("mac-a", "mac-b", "modbus", "fc-3"));
        b.addRange(Baseline.rangeKey("mac-a", "mac-b", "fc-3", "unit=1"), 0, 10);
        b.mode("mac-b", "run");
        b.firmware("mac-b", "V4.1");
        b.mute("OA-0123456789ab");
        b.capture("week1.pcap");
        b.learnedOver(1_000_000_000L, 2_000_000_000L);
        return b;
    }

    @Test
    void aBaselineSurvivesItsJsonRoundTrip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plant.json");
        sample().write(file);
        Baseline read = Baseline.read(file);
        assertThat(read.toJson()).isEqualTo(sample().toJson());
        assertThat(read.has(Baseline.operationKey("mac-a", "mac-b", "modbus", "fc-3"))).isTrue();
        assertThat(read.range(Baseline.rangeKey("mac-a", "mac-b", "fc-3", "unit=1"))).containsExactly(0, 10);
        assertThat(read.muted("OA-0123456789ab")).isTrue();
        assertThat(read.mode("mac-b")).isEqualTo("run");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void learningWidensRangesAndSetsModesAndFirmware() {
        Baseline b = sample();
        b.learn("range|mac-a|mac-b|fc-3|unit=1|5|40");
        b.learn("mode|mac-b|stop");
        b.learn("firmware|mac-b|V4.2");
        b.learn("device|mac-new");
        assertThat(b.range(Baseline.rangeKey("mac-a", "mac-b", "fc-3", "unit=1"))).containsExactly(0, 40);
        assertThat(b.mode("mac-b")).isEqualTo("stop");
        assertThat(b.firmware("mac-b")).isEqualTo("V4.2");
        assertThat(b.has("device|mac-new")).isTrue();
    }

    @Test
    void importMergesWithoutLosingEither() {
        Baseline a = new Baseline();
        a.add("device|x");
        a.addRange("k", 10, 20);
        Baseline b = sample();
        b.addRange("k", 0, 15);
        a.merge(b);
        assertThat(a.has("device|x")).isTrue();
        assertThat(a.has(Baseline.deviceKey("mac-001122334455"))).isTrue();
        assertThat(a.range("k")).containsExactly(0, 20);
        assertThat(a.muted("OA-0123456789ab")).isTrue();
    }

    @Test
    void aFileThatIsNoBaselineSaysWhy() {
        assertThatThrownBy(() -> Baseline.fromJson("{oops")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> Baseline.fromJson("{\"devices\": []}")).hasMessageContaining("not an Osprey baseline");
        assertThatThrownBy(() -> Baseline.fromJson("{\"format\": 99}")).hasMessageContaining("newer than this Osprey");
        assertThatThrownBy(() -> Baseline.fromJson("{\"format\": 1, \"ranges\": {\"k\": [1]}}")).hasMessageContaining("not [start, end]");
    }
}
