package io.osprey.dissect.sip;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.ntp.NtpDissector;
import io.osprey.dissect.rtsp.RtspDissector;
import io.osprey.dissect.sccp.SccpDissector;
import io.osprey.packet.testing.SyntheticFrame;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the SIP, RTSP, SCCP and NTP dissectors, called directly. */
class VoipRobustnessTest {
    static final int[][] PORTS = {{5060, 1}, {5060, 0}, {554, 0}, {8554, 0}, {2000, 0}, {123, 1}};
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(Voip.fixture("ntp/hue-bridge-ntp.pcap")));
        SyntheticFrame p = Voip.PHONE, s = Voip.SERVER;
        REAL.add(p.udp(5060, 5060, Voip.ascii(SipDissectorTest.REGISTER)));
        REAL.add(p.udp(5060, 5060, Voip.ascii("INVITE sip:a@b SIP/2.0\r\n" + SipDissectorTest.VIA
                + "m: \"x\\\"y\" <sips:u:p@[::1]:5061>;+sip.instance=\"<urn:x>\";+f=\"a\\\"b\", <sip:c@d>\r\n"
                + "Authorization: Digest x\r\n\r\n")));
        REAL.add(s.udp(5060, 5060, Voip.ascii("SIP/2.0 200 OK\r\n" + SipDissectorTest.VIA
                + "CSeq: 1 INVITE\r\nContact: sip:h;+a=b;+c\r\nServer: S\r\n\r\n")));
        REAL.add(p.tcp(40000, 554, ACK, Voip.ascii("PLAY rtsp://c/l RTSP/1.0\r\nUser-Agent: U\r\n\r\n")));
        REAL.add(s.tcp(554, 40000, ACK, Voip.ascii("RTSP/1.0 200 OK\r\nServer: V\r\n\r\n")));
        ByteBuffer register = ByteBuffer.allocate(12 + 56).order(ByteOrder.LITTLE_ENDIAN);
        register.putInt(60).putInt(0).putInt(1).put("SEP001122334455".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        register.position(12 + 28).putInt(7).position(12 + 40).put((byte) 5);
        REAL.add(p.tcp(50000, 2000, ACK, register.array()));
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = Voip.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(5_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 600) byte[] payload, @ForAll @IntRange(max = 5) int port,
                                  @ForAll boolean fromServer) {
        int[] p = PORTS[port];
        SyntheticFrame f = fromServer ? Voip.SERVER : Voip.PHONE;
        DirectRun run = Voip.direct();
        if (p[1] == 1) run.dissect(f.udp(p[0], fromServer ? 40000 : p[0], payload));
        else run.dissect(fromServer ? f.tcp(p[0], 40000, ACK, payload) : f.tcp(40000, p[0], ACK, payload));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 42 + positions.get(i) % Math.max(1, frame.length - 42))] = values[i];
        }
        Voip.direct().dissect(frame);
    }

    @Test
    void dissectorsSkipTransportsTheyDoNotSpeak() {
        DirectRun run = new DirectRun(new NtpDissector(), new RtspDissector(), new SccpDissector());
        run.dissect(Voip.PHONE.tcp(40000, 123, ACK, new byte[48]));
        run.dissect(Voip.PHONE.udp(40000, 554, Voip.ascii("RTSP/1.0 200 OK\r\nServer: V\r\n\r\n")));
        run.dissect(Voip.PHONE.udp(40000, 2000, new byte[64]));
        assertThat(run.observations).isZero();
    }
}
