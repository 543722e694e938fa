package io.osprey.dissect.snmp;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Truncated and random input through the SNMP dissector, called directly. */
class SnmpRobustnessTest {
    @Test
    void everyTruncationOfRealMessagesIsHandled() {
        for (String name : new String[] {"fujixerox-b6300-snmpv1-get.pcap", "net-snmp-v2c-walk.pcap"}) {
            List<byte[]> frames = DirectRun.frames(SnmpCaptureTest.fixture(name));
            DirectRun run = new DirectRun(new SnmpDissector());
            for (byte[] f : frames.subList(0, Math.min(60, frames.size()))) {
                for (int n = 0; n <= f.length; n++) run.dissect(f, n);
            }
            assertThat(run.observations).isPositive();
        }
    }

    private final SyntheticFrame frame = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1")
            .to("02:00:00:00:00:02", "10.0.0.2");

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 300) byte[] payload) {
        DirectRun run = new DirectRun(new SnmpDissector());
        run.dissect(frame.reply().udp(161, 40000, payload));
        byte[] framed = new byte[payload.length + 2];
        framed[0] = 0x30;
        framed[1] = (byte) Math.min(127, payload.length);
        System.arraycopy(payload, 0, framed, 2, payload.length);
        run.dissect(frame.udp(40000, 161, framed));
    }
}
