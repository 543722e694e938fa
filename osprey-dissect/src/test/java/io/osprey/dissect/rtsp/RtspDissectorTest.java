package io.osprey.dissect.rtsp;

import io.osprey.dissect.FlowView;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.HttpDissector;
import io.osprey.dissect.sip.Voip;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.sip.Voip.P;
import static io.osprey.dissect.sip.Voip.PHONE;
import static io.osprey.dissect.sip.Voip.S;
import static io.osprey.dissect.sip.Voip.SERVER;
import static io.osprey.dissect.sip.Voip.ascii;
import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;
import static io.osprey.packet.testing.SyntheticFrame.SYN;
import static org.assertj.core.api.Assertions.assertThat;

/** RTSP heads, by the rows of RFC 2326 / RFC 7826 they exercise. */
class RtspDissectorTest {

    static Observed exchange(int port, String request, String response, io.osprey.dissect.Dissector... more) {
        io.osprey.dissect.Dissector[] all = new io.osprey.dissect.Dissector[more.length + 1];
        all[0] = new RtspDissector();
        System.arraycopy(more, 0, all, 1, more.length);
        Observed o = new Observed(all);
        o.feed(PHONE, PHONE.tcp(40000, port, SYN));
        o.feed(SERVER, SERVER.tcp(port, 40000, SYN | ACK));
        if (request != null) o.feed(PHONE, PHONE.tcp(40000, port, PSH | ACK, ascii(request)));
        if (response != null) o.feed(SERVER, SERVER.tcp(port, 40000, PSH | ACK, ascii(response)));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void userAgentIsTheClientsAndServerTheServers() {
        // RFC 2326 §10.1 OPTIONS, §12.41 User-Agent, §12.36 Server
        Observed o = exchange(554, "OPTIONS rtsp://10.0.0.2:554/stream1 RTSP/1.0\r\nCSeq: 1\r\n"
                        + "User-Agent: LibVLC/3.0.16 (LIVE555 Streaming Media v2016.11.28)\r\n\r\n",
                "RTSP/1.0 200 OK\r\nCSeq: 1\r\nServer: Hipcam RealServer/V1.0\r\n"
                        + "Public: OPTIONS, DESCRIBE, SETUP, TEARDOWN, PLAY\r\n\r\n");
        assertThat(o.facts()).containsExactly(
                P + "rtsp.userAgent=LibVLC/3.0.16 (LIVE555 Streaming Media v2016.11.28)",
                S + "rtsp.server=Hipcam RealServer/V1.0");
        assertThat(o.services()).containsExactly("10.0.0.2 554/tcp rtsp");
    }

    @Test
    void rtsp2AndServerHeaderInARequestIsIgnored() {
        // RFC 7826 §18.48: Server appears in responses; a request's Server says nothing of its sender's role
        Observed o = exchange(8554, "DESCRIBE rtsp://cam/live RTSP/2.0\nCSeq: 2\nServer: bogus\nuser-agent: GStreamer/1.22\n\n",
                "RTSP/2.0 401 Unauthorized\nCSeq: 2\nUser-Agent: bogus\nSERVER: GStreamer RTSP server\n\n");
        assertThat(o.facts()).containsExactly(P + "rtsp.userAgent=GStreamer/1.22", S + "rtsp.server=GStreamer RTSP server");
        assertThat(o.services()).containsExactly("10.0.0.2 8554/tcp rtsp");
    }

    @Test
    void rtspOnAnotherPortIsFoundByItsStartLineAndHttpIsNotRtsp() {
        Observed o = exchange(10554, "SETUP rtsp://cam/live/trackID=1 RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: ffmpeg\r\n\r\n",
                "RTSP/1.0 200 OK\r\nCSeq: 3\r\nServer: Dahua Rtsp Server/3.0\r\n\r\n", new HttpDissector());
        assertThat(o.values(RtspAttributes.SERVER)).containsExactly("Dahua Rtsp Server/3.0");
        RtspDissector d = new RtspDissector();
        Payload p = new Payload();
        assertThat(d.detect(p.wrap(ascii("GET / HTTP/1.1\r\n"), 0, 16), new FlowView())).isFalse();
        assertThat(d.detect(p.wrap(ascii("OPTIONS * RTSP/1.0\r\n"), 0, 20), new FlowView())).isTrue();
        assertThat(d.detect(p.wrap(ascii("OPTIONS * HTTP/1.1\r\n"), 0, 20), new FlowView())).isFalse();
        Observed http = exchange(554, "GET / HTTP/1.1\r\nUser-Agent: curl\r\n\r\n", "HTTP/1.1 200 OK\r\nServer: x\r\n\r\n");
        assertThat(http.all).isEmpty();
    }

    @Test
    void interleavedMediaIsSkipped() {
        // RFC 2326 §10.12: "$", channel, 2-octet length, then an RTP packet
        RtspDissector d = new RtspDissector();
        Observed o = new Observed(d);
        o.feed(SERVER, SERVER.tcp(554, 40000, ACK, new byte[] {'$', 0, 0, 4, (byte) 0x80, 0, 0, 1}));
        assertThat(o.all).isEmpty();
        assertThat(d.notRtsp()).isEqualTo(1);
    }

    @Test
    void vlcCapture() {
        // nDPI rtsp.pcap (LGPL-3.0, read in place): tshark -Y rtsp -O rtsp | grep -E 'Server|User-Agent'
        Observed o = new Observed(new RtspDissector()).capture(Voip.shared("ndpi/rtsp.pcap"));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        // tshark -Y rtsp -T fields -e sll.src.eth -e ip.src: every packet was captured on both sides of a router, so
        // each address comes with two source MACs (tshark shows the second copies of the server's as retransmissions:
        // -Y 'ip.src==10.2.2.2 && tcp.len>0' lists them from 00:0c:29:38:bd:5a)
        String agent = " rtsp.userAgent=LibVLC/3.0.16 (LIVE555 Streaming Media v2016.11.28)";
        assertThat(o.facts()).containsExactly(
                "00:0c:29:38:bd:5a/10.2.2.2 rtsp.server=VLC/3.0.12",
                "00:0c:29:38:bd:64/10.1.1.10" + agent,
                "00:0c:29:3b:2f:b0/10.2.2.2 rtsp.server=VLC/3.0.12",
                "00:0c:29:f3:1e:72/10.1.1.10" + agent);
        assertThat(o.services()).containsExactly("10.2.2.2 8554/tcp rtsp");
    }

    @Test
    void everyTruncationOfTheVlcCaptureIsHandled() {
        DirectRun run = Voip.direct();
        for (byte[] frame : DirectRun.frames(Voip.shared("ndpi/rtsp.pcap"))) {
            for (int n = 0; n <= frame.length; n += 7) run.dissect(frame, n);
        }
    }
}
