package io.osprey.inventory.classify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleBookTest {
    private static final Taxonomy TAXONOMY = Taxonomy.bundled();

    private static List<Rule> parse(String text) throws IOException {
        return RuleBook.parse("test.rules", new StringReader(text), TAXONOMY);
    }

    @Test
    void bundledRulesLoadAndEveryTypeIsInTheTaxonomy() {
        RuleBook book = RuleBook.bundled();
        assertThat(book.rules()).hasSizeGreaterThan(10);
        for (Rule r : book.rules()) {
            String type = r.assignments().get(DeviceField.DEVICE_TYPE);
            if (type != null) assertThat(TAXONOMY.isType(type)).as(r.origin()).isTrue();
            assertThat(r.conditions()).isNotEmpty();
        }
    }

    @Test
    void taxonomyMatchesTheSharedTaxonomyTable() {
        assertThat(TAXONOMY.categoryByType()).hasSize(49);
        assertThat(TAXONOMY.categoryOf("PLC")).isEqualTo("OT");
        assertThat(TAXONOMY.categoryOf("Smart Plug")).isEqualTo("IoT");
        assertThat(TAXONOMY.categoryOf("Switch")).isEqualTo("Network device");
        assertThat(TAXONOMY.categoryOf(null)).isEqualTo("Unknown");
    }

    @Test
    void parsesConditionsAssignmentsAndConfidence() throws IOException {
        List<Rule> rules = parse("""
                # a comment
                cam\tdhcp.hostname~^(DCS-\\d+L) && oui.vendor=D-Link && http.server!~Apache\tvendor=D-Link; model=$1; deviceType=IP Camera\t0.9
                txt\tmdns.txt.*~(?<m>HS\\d+)\tmodel=${m}\t0.6
                """);
        assertThat(rules).hasSize(2);
        Rule cam = rules.getFirst();
        assertThat(cam.id()).isEqualTo("cam");
        assertThat(cam.origin()).isEqualTo("test.rules:2");
        assertThat(cam.conditions()).hasSize(3);
        assertThat(cam.conditions().get(1).pattern().matcher("d-link").matches()).isTrue();
        assertThat(cam.conditions().get(2).negated()).isTrue();
        assertThat(cam.assignments()).containsEntry(DeviceField.MODEL, "$1").containsEntry(DeviceField.DEVICE_TYPE, "IP Camera");
        assertThat(cam.confidence()).isEqualTo(0.9);
        assertThat(rules.get(1).conditions().getFirst().prefixes()).containsExactly("mdns.txt.");
    }

    @Test
    void groupsNameSetsOfAttributes() throws IOException {
        List<Rule> rules = parse("""
                @group self\tdhcp.hostname, mdns.txt.*
                m\t@self~(DCS-\\d+)\tmodel=$1\t0.8
                """);
        Condition c = rules.getFirst().conditions().getFirst();
        assertThat(c.attributes()).containsExactly("dhcp.hostname");
        assertThat(c.prefixes()).containsExactly("mdns.txt.");
        assertThatThrownBy(() -> parse("m\t@nope~a\tmodel=a\t0.8\n")).hasMessageContaining("unknown group '@nope'");
    }

    @Test
    void rejectsBrokenLinesWithFileAndLine() {
        assertThatThrownBy(() -> parse("x\tdhcp.hostname~a\tdeviceType=Toaster\t0.9\n"))
                .hasMessageContaining("test.rules:1").hasMessageContaining("not a deviceType");
        assertThatThrownBy(() -> parse("\n\nx\tdhcp.hostname~(a\tmodel=$1\t0.9\n"))
                .hasMessageContaining("test.rules:3").hasMessageContaining("bad regex");
        assertThatThrownBy(() -> parse("x\tdhcp.hostname~a\tmodel=$1\t0.9\n")).hasMessageContaining("$1 but the first condition has 0 groups");
        assertThatThrownBy(() -> parse("x\tdhcp.hostname~a\tmodel=${m}\t0.9\n")).hasMessageContaining("names no group");
        assertThatThrownBy(() -> parse("x\tdhcp.hostname~a\tcolour=red\t0.9\n")).hasMessageContaining("unknown field 'colour'");
        assertThatThrownBy(() -> parse("x\tdhcp.hostname~a\tmodel=a\t1.5\n")).hasMessageContaining("confidence");
        assertThatThrownBy(() -> parse("x\tdhcp.hostname!~a\tmodel=a\t0.5\n")).hasMessageContaining("positive");
        assertThatThrownBy(() -> parse("x\tdhcp.hostname~a\tmodel=a\n")).hasMessageContaining("4 tab-separated columns");
        assertThatThrownBy(() -> parse("x\tnonsense\tmodel=a\t0.5\n")).hasMessageContaining("bad condition");
    }
}
