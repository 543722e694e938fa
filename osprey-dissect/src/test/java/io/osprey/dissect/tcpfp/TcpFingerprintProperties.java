package io.osprey.dissect.tcpfp;

import io.osprey.dissect.Observation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Random headers and options never throw, and whatever is reported is a well-formed signature. */
class TcpFingerprintProperties {

    /** A valid Ethernet/IPv4 SYN header whose TCP options area is random bytes. */
    @Property(tries = 3000)
    void arbitraryOptionsNeverThrow(@ForAll @Size(max = 40) byte[] options, @ForAll boolean synAck,
                                    @ForAll @IntRange(min = 0, max = 255) int ttl, @ForAll @IntRange(max = 65535) int window) {
        SynFrame f = synAck ? SynFrame.synAck() : SynFrame.syn();
        f.tcpOptions = options;
        f.ttl = ttl;
        f.window = window;
        wellFormed(TcpFingerprintDissectorTest.feed(new TcpFingerprintDissector(), f.build()));
    }

    /** Random bytes after the Ethernet header: IPv4 and IPv6 headers of any shape. */
    @Property(tries = 3000)
    void arbitraryIpPacketsNeverThrow(@ForAll @Size(max = 120) byte[] ip, @ForAll boolean v6) {
        byte[] frame = new byte[14 + ip.length];
        frame[12] = (byte) (v6 ? 0x86 : 0x08);
        frame[13] = (byte) (v6 ? 0xdd : 0x00);
        System.arraycopy(ip, 0, frame, 14, ip.length);
        if (ip.length > 0) frame[14] = (byte) (v6 ? 0x60 : 0x45 + (ip[0] & 0x0f) % 11);
        if (!v6 && ip.length > 9) frame[14 + 9] = 6; // TCP
        if (v6 && ip.length > 6) frame[14 + 6] = 6;
        wellFormed(TcpFingerprintDissectorTest.feed(new TcpFingerprintDissector(), frame));
    }

    static void wellFormed(List<Observation> out) {
        for (Observation o : out) {
            Observation.Attribute a = (Observation.Attribute) o;
            if (a.attribute().endsWith("Signature")) {
                assertThat(a.value().split(":", -1)).hasSize(8);
                assertThat(a.value()).matches("[46]:\\d+\\+\\d+:\\d+:(\\d+|\\*):(mss\\*|mtu\\*)?\\d+,\\d+:[a-z0-9,+?]*:[a-z0-9,+-]*:[0+]");
            }
            assertThat(a.confidence()).isBetween(0.0, 1.0);
        }
    }
}
