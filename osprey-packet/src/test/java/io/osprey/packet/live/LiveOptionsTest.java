package io.osprey.packet.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LiveOptionsTest {

    @Test
    void defaultsCaptureWholeFramesPromiscuouslyWithAQuarterSecondTimeout() {
        LiveOptions options = LiveOptions.defaults();

        assertThat(options.snaplen()).isEqualTo(262_144);
        assertThat(options.promiscuous()).isTrue();
        assertThat(options.filter()).isNull();
        assertThat(options.bufferSizeBytes()).isEqualTo(32 * 1024 * 1024);
        assertThat(options.readTimeoutMillis()).isEqualTo(250);
        assertThat(options.immediateMode()).isFalse();
    }

    @Test
    void withersChangeOneComponentEach() {
        LiveOptions options = LiveOptions.defaults()
                .withSnaplen(96).withPromiscuous(false).withFilter("tcp").withBufferSizeBytes(1 << 20)
                .withReadTimeoutMillis(10).withImmediateMode(true);

        assertThat(options).isEqualTo(new LiveOptions(96, false, "tcp", 1 << 20, 10, true));
    }

    @Test
    void blankFilterMeansNoFilter() {
        assertThat(LiveOptions.defaults().withFilter("  ").filter()).isNull();
    }

    @Test
    void rejectsValuesLibpcapWouldMisread() {
        LiveOptions options = LiveOptions.defaults();
        assertThatIllegalArgumentException().isThrownBy(() -> options.withSnaplen(0));
        assertThatIllegalArgumentException().isThrownBy(() -> options.withSnaplen(262_145));
        assertThatIllegalArgumentException().isThrownBy(() -> options.withBufferSizeBytes(0));
        // 0 means "block forever" to libpcap: read() could never report a quiet interface.
        assertThatIllegalArgumentException().isThrownBy(() -> options.withReadTimeoutMillis(0));
    }
}
