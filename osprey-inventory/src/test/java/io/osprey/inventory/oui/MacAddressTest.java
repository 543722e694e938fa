package io.osprey.inventory.oui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"f4:bd:9e:12:34:56", "F4-BD-9E-12-34-56", "f4bd.9e12.3456", "F4BD9E123456"})
    void parsesTheUsualNotations(String text) {
        assertThat(MacAddress.parse(text)).isEqualTo(0xF4BD9E123456L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "f4:bd:9e:12:34", "f4:bd:9e:12:34:56:78", "g4:bd:9e:12:34:56", "f4 bd 9e 12 34 56"})
    void rejectsWhatIsNotTwelveHexDigits(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsLowerCaseWithColons() {
        assertThat(MacAddress.format(0x0050C27D5123L)).isEqualTo("00:50:c2:7d:51:23");
        assertThat(MacAddress.format(0)).isEqualTo("00:00:00:00:00:00");
    }

    @Test
    void flagBitsAreTheTwoLowBitsOfTheFirstOctet() {
        assertThat(MacAddress.isGroup(0x01005E0000FBL)).isTrue();           // IPv4 multicast (RFC 1112 §6.4)
        assertThat(MacAddress.isGroup(0xFFFFFFFFFFFFL)).isTrue();           // broadcast
        assertThat(MacAddress.isGroup(0xF4BD9E123456L)).isFalse();
        assertThat(MacAddress.isLocallyAdministered(0xDA_A1_19_00_00_01L)).isTrue(); // randomized Wi-Fi address
        assertThat(MacAddress.isLocallyAdministered(0x525400123456L)).isTrue();      // QEMU/KVM default prefix
        assertThat(MacAddress.isLocallyAdministered(0xF4BD9E123456L)).isFalse();
        assertThat(MacAddress.isLocallyAdministered(0x01005E0000FBL)).isFalse();
    }
}
