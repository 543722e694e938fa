package io.osprey.dissect.ndp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.osprey.dissect.ndp.NdpFrames.HOST_MAC;
import static io.osprey.dissect.ndp.NdpFrames.ROUTER_MAC;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated and random neighbor discovery messages through the dissector, called directly. */
class NdpRobustnessTest {
    static final List<byte[]> FRAMES = List.of(
            NdpFrames.routerAdvertisement(64, 0xc8, 1800).from(ROUTER_MAC, "fe80::1").linkLayerAddress(1, ROUTER_MAC)
                    .prefix("2001:db8:1::", 64).mtu(1500).frame(),
            NdpFrames.neighborAdvertisement(0xe0, "2001:db8::5").from(HOST_MAC, "2001:db8::5").linkLayerAddress(2, HOST_MAC)
                    .frame(),
            NdpFrames.neighborSolicitation("fe80::1").from(HOST_MAC, "fe80::5").linkLayerAddress(1, HOST_MAC).frame(),
            NdpFrames.routerSolicitation().from(HOST_MAC, "fe80::5").linkLayerAddress(1, HOST_MAC).frame());

    @Test
    void everyTruncationIsHandledWithoutThrowing() {
        NdpDissector d = new NdpDissector();
        int cuts = 0;
        for (byte[] f : FRAMES) {
            for (int n = 0; n <= f.length; n++, cuts++) NdpFrames.dissect(f, n, d);
        }
        assertThat(cuts).isGreaterThan(300);
    }

    @Property(tries = 3000)
    void randomBodiesNeverThrow(@ForAll @IntRange(min = 133, max = 137) int type, @ForAll @Size(max = 200) byte[] body) {
        NdpFrames f = NdpFrames.routerSolicitation().from(HOST_MAC, "fe80::5");
        byte[] frame = f.frame();
        byte[] mutated = new byte[frame.length - 8 + body.length + 4];
        System.arraycopy(frame, 0, mutated, 0, 54);
        mutated[18] = (byte) ((body.length + 4) >>> 8);
        mutated[19] = (byte) (body.length + 4);
        mutated[54] = (byte) type;
        System.arraycopy(body, 0, mutated, 58, body.length);
        NdpFrames.dissect(mutated, mutated.length, new NdpDissector());
    }
}
