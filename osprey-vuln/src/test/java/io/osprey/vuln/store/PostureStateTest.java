package io.osprey.vuln.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The analysts' decisions and the lifecycles the store keeps between runs. */
class PostureStateTest {
    private static final long DAY = 86_400L * 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * 1_000_000_000L;

    private static PostureState.RaisedAlert alert(String id, long at) {
        return new PostureState.RaisedAlert(id, "plc-stop", "PLC Stop Command", "Major", "mac-a", "mac-b", at, at, 1);
    }

    @Test
    void alertsAreNewThenActiveAndCloseAfterNinetyQuietDays() throws IOException {
        try (VulnStore store = VulnStore.openInMemory()) {
            PostureState state = new PostureState(store);
            assertThat(state.recordAlerts(List.of(alert("OA-1", T0)), T0)).containsEntry("OA-1", "New");
            assertThat(state.recordAlerts(List.of(alert("OA-1", T0 + DAY)), T0 + DAY)).containsEntry("OA-1", "Active");
            state.recordAlerts(List.of(alert("OA-2", T0 + 90 * DAY)), T0 + 90 * DAY);
            assertThat(state.alertStatuses()).containsEntry("OA-1", "Active"); // 89 quiet days
            state.recordAlerts(List.of(alert("OA-2", T0 + 92 * DAY)), T0 + 92 * DAY);
            assertThat(state.alertStatuses()).containsEntry("OA-1", "Closed").containsEntry("OA-2", "Active");
        }
    }

    @Test
    void recommendationsWhoseEvidenceStopsAreResolved() throws IOException {
        try (VulnStore store = VulnStore.openInMemory()) {
            PostureState state = new PostureState(store);
            assertThat(state.recordRecommendations(Map.of("mac-a|disable-telnet", "active", "mac-a|upnp-exposed", "active"), T0)).isEmpty();
            assertThat(state.recordRecommendations(Map.of("mac-a|upnp-exposed", "active"), T0 + DAY))
                    .containsExactly("mac-a|disable-telnet");
            assertThat(state.recordRecommendations(Map.of("mac-a|upnp-exposed", "active"), T0 + 2 * DAY)).isEmpty();
        }
    }

    @Test
    void exceptionsExpireAndAssetValuesAreChecked() throws IOException {
        try (VulnStore store = VulnStore.openInMemory()) {
            PostureState state = new PostureState(store);
            state.addException("mac-a", "upnp-exposed", "needed by the lighting app", LocalDate.of(2027, 6, 30));
            assertThat(state.exceptions(LocalDate.of(2027, 6, 30))).containsKey("mac-a|upnp-exposed");
            assertThat(state.exceptions(LocalDate.of(2027, 7, 1))).isEmpty();
            assertThatThrownBy(() -> state.addException("mac-a", "x", " ", LocalDate.of(2027, 1, 1)))
                    .hasMessageContaining("justification");
            state.setAssetValue("mac-a", "High");
            state.setAssetValue("mac-a", "Low");
            assertThat(state.assetValues()).containsExactly(Map.entry("mac-a", "Low"));
            assertThatThrownBy(() -> state.setAssetValue("mac-a", "Huge")).hasMessageContaining("Low, Normal or High");
        }
    }
}
