package io.osprey.vuln.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirmwareVersionTest {

    /** a | b | sign of compare(a, b). */
    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', value = {
        "V2.6.3       | 2.6.3        | 0",
        "v2.6.3       | V2.6.4       | -1",
        "4.1.0.20     | 4.1.0.3      | 1",
        "01.00        | 1.10         | -1",
        "01.00        | 1.0          | 0",
        "2.12         | 2.12.0       | 0",
        "2.9          | 2.12         | -1",
        "1.0.0_b12    | 1.0.0        | 1",
        "1.0.0_b12    | 1.0.0_b9     | 1",
        "r1234        | r1300        | -1",
        "12.2(15)zj3  | 12.2(15)zj4  | -1",
        "12.2s        | 15.1(3)svs   | -1",
        "15.0(2)se    | 12.2s        | 1",
        "4.10u10      | 4.10u9       | 1",
        "4.10u10      | 4.10         | 1",
        "3.8.41       | 3.8          | 1",
        "20           | 1100         | -1",
    })
    void orders(String a, String b, int sign) {
        assertThat(Integer.signum(FirmwareVersion.compare(a.strip(), b.strip()))).isEqualTo(sign);
        assertThat(Integer.signum(FirmwareVersion.compare(b.strip(), a.strip()))).isEqualTo(-sign);
    }
}
