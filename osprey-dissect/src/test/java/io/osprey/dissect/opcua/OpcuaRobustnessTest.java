package io.osprey.dissect.opcua;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static io.osprey.dissect.opcua.OpcuaWire.POLICY_NONE;
import static io.osprey.dissect.opcua.OpcuaWire.fromClient;
import static io.osprey.dissect.opcua.OpcuaWire.fromServer;
import static io.osprey.dissect.opcua.OpcuaWire.msg;
import static io.osprey.dissect.opcua.OpcuaWire.responseHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Truncated, altered and random input through the OPC UA dissector, called directly so nothing thrown is hidden. The
 * real packets are the nDPI capture's when it is present (it may not be copied), and hand-built messages always.
 */
class OpcuaRobustnessTest {
    static final List<byte[]> FRAMES = new ArrayList<>();

    static {
        if (Files.isRegularFile(OpcuaCaptureTest.CAPTURE)) FRAMES.addAll(loopbackAsEthernet());
        FRAMES.add(fromClient(OpcuaWire.hello("opc.tcp://plc:4840")));
        FRAMES.add(fromServer(OpcuaWire.acknowledge()));
        FRAMES.add(fromClient(OpcuaWire.open(POLICY_NONE, 446, new byte[20])));
        FRAMES.add(fromServer(msg(431, responseHeader().u32(1)
                .endpoint("opc.tcp://plc:4840", "urn:plc", "urn:vendor", "PLC", 1, POLICY_NONE).build())));
        FRAMES.add(fromClient(msg(461, OpcuaWire.requestHeader().application("urn:c", "urn:p", "C", 1)
                .string(null).string("opc.tcp://plc:4840").build())));
    }

    /** The capture's link type is null (loopback): its TCP payloads are re-wrapped in Ethernet frames. */
    static List<byte[]> loopbackAsEthernet() {
        List<byte[]> frames = new ArrayList<>();
        for (byte[] f : DirectRun.frames(OpcuaCaptureTest.CAPTURE)) {
            // null header (4) + IPv4 (20) + TCP (data offset)
            if (f.length < 4 + 20 + 20) continue;
            int tcp = 4 + 20;
            int payload = tcp + ((f[tcp + 12] & 0xF0) >>> 2);
            if (payload >= f.length) continue;
            int srcPort = (f[tcp] & 0xFF) << 8 | f[tcp + 1] & 0xFF;
            byte[] data = java.util.Arrays.copyOfRange(f, payload, f.length);
            frames.add(srcPort == OpcuaDissector.PORT ? fromServer(data) : fromClient(data));
        }
        return frames;
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = OpcuaWire.direct();
        int cuts = 0;
        for (byte[] frame : FRAMES) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(1000);
        assertThat(run.observations).isPositive();
    }

    @Test
    void theCapturesPayloadsGiveObservationsWhenCalledDirectly() {
        DirectRun run = OpcuaWire.direct();
        FRAMES.forEach(run::dissect);
        assertThat(run.observations).isGreaterThan(15);
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromServer) {
        OpcuaWire.direct().dissect(fromServer ? fromServer(payload) : fromClient(payload));
    }

    @Property(tries = 3000)
    void randomBodiesBehindAValidHeaderNeverThrow(@ForAll @Size(max = 300) byte[] body,
                                                  @ForAll @IntRange(max = 6) int type, @ForAll boolean fromServer) {
        String[] types = {"HEL", "ACK", "ERR", "RHE", "OPN", "MSG", "CLO"};
        byte[] m = OpcuaWire.message(types[type], 'F', body);
        OpcuaWire.direct().dissect(fromServer ? fromServer(m) : fromClient(m));
    }

    @Property(tries = 2000)
    void servicesWithRandomBodiesNeverThrow(@ForAll @Size(max = 300) byte[] body,
                                            @ForAll("services") int typeId) {
        OpcuaWire.direct().dissect(fromServer(msg(typeId, body)));
    }

    /** The services whose bodies the dissector parses, and two it only names. */
    @Provide
    Arbitrary<Integer> services() {
        return Arbitraries.of(428, 431, 461, 464, 446, 449, 631, 397);
    }

    @Property(tries = 2000)
    void packetsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                           @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                           @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = FRAMES.get(which % FRAMES.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 54 + positions.get(i) % Math.max(1, frame.length - 54))] = values[i];
        }
        OpcuaWire.direct().dissect(frame);
    }
}
