package io.osprey.alert;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertCatalogueTest {
    private final AlertCatalogue catalogue = AlertCatalogue.bundled();

    @Test
    void everyAlertTheIssueListsIsCatalogued() {
        assertThat(catalogue.definitions()).extracting(AlertDefinition::title).contains("New Asset Detected",
                "Unauthorized PLC Programming", "Unauthorized PLC Program Upload", "Unauthorized PLC Program Download",
                "PLC Stop Command", "PLC Start Command", "PLC Operating Mode Changed", "Firmware Change Detected",
                "Unpermitted Usage of Modbus Function Code", "Unpermitted Usage of DNP3 Function Code",
                "Illegal Modbus Operation (Function Code Zero)", "Modbus Exception", "Modbus Address Range Violation",
                "New Activity Detected", "Profinet Device Factory Reset", "Outstation Restarts Frequently",
                "PLC Scan Detected", "Unauthorized Internet Connectivity", "Excessive Malformed Packets In a Single Session");
    }

    @Test
    void everyDefinitionIsComplete() {
        for (AlertDefinition d : catalogue.definitions()) {
            assertThat(d.remediation()).as(d.id()).hasSizeGreaterThan(40);
            assertThat(AlertDefinition.ENGINES).as(d.id()).contains(d.engine());
            assertThat(d.techniques()).as(d.id()).allMatch(t -> t.matches("T\\d{4}(\\.\\d{3})?"));
        }
        assertThat(catalogue.definition("plc-scan").threshold()).isEqualTo(10);
        assertThat(catalogue.definition("plc-scan").window().toSeconds()).isEqualTo(120);
    }

    @Test
    void triggersNameCataloguedAlertsAndPortsAndLevelsLoad() {
        assertThat(catalogue.triggers()).isNotEmpty().allSatisfy(t -> catalogue.definition(t.alertId()));
        assertThat(catalogue.industrialPort(502)).isTrue();
        assertThat(catalogue.industrialPort(80)).isFalse();
        assertThat(catalogue.purdueLevel("PLC").level()).isEqualTo(1);
        assertThat(catalogue.purdueLevel("HMI").level()).isEqualTo(2);
        assertThat(catalogue.purdueLevel(null)).isNull();
    }

    @Test
    void aWindowCountsOccurrencesCloseTogether() {
        AlertDefinition restarts = catalogue.definition("outstation-restarts");
        long h = 3600L * 1_000_000_000L;
        assertThat(restarts.reached(new long[]{0, h / 2, h}, 3)).isTrue();
        assertThat(restarts.reached(new long[]{0, h, 2 * h + 1}, 3)).isFalse();
        assertThat(restarts.reached(new long[]{2 * h, 0, h / 3}, 3)).isFalse();
        assertThat(restarts.reached(new long[]{5, 1, 3}, 3)).isTrue();
    }
}
