package io.osprey.inventory.classify;

import io.osprey.inventory.Fact;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTest {
    private static Classifier classifier(String rules) throws IOException {
        Taxonomy t = Taxonomy.bundled();
        return new Classifier(new RuleBook(RuleBook.parse("t.rules", new StringReader(rules), t), t));
    }

    private static Fact fact(String attribute, String value) {
        return new Fact(attribute, value, attribute.substring(0, attribute.indexOf('.')), 1.0, 0);
    }

    @Test
    void fillsFieldsFromCapturedGroupsAndKeepsTheEvidence() throws IOException {
        Classifier c = classifier("cam\tdhcp.hostname~^(?<model>DCS-\\d+L)B?$\tvendor=D-Link; model=${model}; deviceType=IP Camera\t0.9\n");
        Classification r = c.classify(List.of(fact("dhcp.hostname", "DCS-930LB")));
        assertThat(r.value(DeviceField.MODEL)).isEqualTo("DCS-930L");
        assertThat(r.value(DeviceField.DEVICE_TYPE)).isEqualTo("IP Camera");
        Classification.Hit hit = r.verdicts().get(DeviceField.MODEL).hits().getFirst();
        assertThat(hit.describe()).isEqualTo("rule cam (t.rules:1) on dhcp.hostname=DCS-930LB [dhcp]");
    }

    @Test
    void independentRulesAgreeingCombineAndTheStrongerValueWinsWithTheConflictKept() throws IOException {
        Classifier c = classifier("""
                a\tdhcp.vendorClass~udhcp\tdeviceType=Embedded Device\t0.4
                b\toui.vendor~Espressif\tdeviceType=Embedded Device\t0.4
                c\tdhcp.hostname~^HS1\\d0\tdeviceType=Smart Plug\t0.6
                """);
        Classification r = c.classify(List.of(fact("dhcp.vendorClass", "udhcp 1.2"), fact("oui.vendor", "Espressif"),
                fact("dhcp.hostname", "HS110(EU)")));
        assertThat(r.verdicts().get(DeviceField.DEVICE_TYPE).value()).isEqualTo("Embedded Device");
        assertThat(r.verdicts().get(DeviceField.DEVICE_TYPE).confidence()).isEqualTo(0.64);
        assertThat(r.overruled().get(DeviceField.DEVICE_TYPE)).extracting(Classification.Verdict::value).containsExactly("Smart Plug");
    }

    @Test
    void belowTheThresholdAFieldStaysEmpty() throws IOException {
        Classifier c = classifier("weak\toui.vendor~Espressif\tdeviceType=Embedded Device\t0.3\n");
        Classification r = c.classify(List.of(fact("oui.vendor", "Espressif Inc.")));
        assertThat(r.value(DeviceField.DEVICE_TYPE)).isNull();
        assertThat(r.overruled().get(DeviceField.DEVICE_TYPE)).hasSize(1);
    }

    @Test
    void oneRuleFiringTwiceForTheSameValueCountsOnce() throws IOException {
        Classifier c = classifier("h\tmdns.hostname~^iotcam\tdeviceType=IP Camera\t0.45\n");
        Classification r = c.classify(List.of(fact("mdns.hostname", "iotcam.local"), fact("mdns.hostname", "iotcam5b0e.local")));
        assertThat(r.value(DeviceField.DEVICE_TYPE)).isNull();
    }

    @Test
    void everyConditionMustHoldAndANegatedOneMustNot() throws IOException {
        Classifier c = classifier("""
                both\tssdp.server~Linux && oui.vendor~Belkin && http.userAgent!~Android\tvendor=Belkin\t0.8
                """);
        assertThat(c.classify(List.of(fact("ssdp.server", "Linux/2.6"))).value(DeviceField.VENDOR)).isNull();
        assertThat(c.classify(List.of(fact("ssdp.server", "Linux/2.6"), fact("oui.vendor", "Belkin"))).value(DeviceField.VENDOR))
                .isEqualTo("Belkin");
        assertThat(c.classify(List.of(fact("ssdp.server", "Linux/2.6"), fact("oui.vendor", "Belkin"),
                fact("http.userAgent", "Dalvik (Linux; U; Android 9)"))).value(DeviceField.VENDOR)).isNull();
    }

    @Test
    void prefixAttributesMatchEveryAttributeUnderThem() throws IOException {
        Classifier c = classifier("txt\tmdns.txt.*~^(HS\\d{3})\tmodel=$1\t0.8\n");
        assertThat(c.classify(List.of(fact("mdns.txt.md", "HS110 plug"))).value(DeviceField.MODEL)).isEqualTo("HS110");
        assertThat(c.classify(List.of(fact("mdns.hostname", "HS110"))).value(DeviceField.MODEL)).isNull();
    }
}
