package io.osprey.dissect.sip;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.ntp.NtpDissector;
import io.osprey.dissect.rtsp.RtspDissector;
import io.osprey.dissect.sccp.SccpDissector;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Assumptions;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared fixtures of the SIP, RTSP, SCCP and NTP dissector tests. */
public final class Voip {
    public static final SyntheticFrame PHONE =
            SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("02:00:00:00:00:02", "10.0.0.2");
    public static final SyntheticFrame SERVER = PHONE.reply();
    public static final String P = "02:00:00:00:00:01/10.0.0.1 ";
    public static final String S = "02:00:00:00:00:02/10.0.0.2 ";

    private Voip() {}

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static Path fixture(String name) {
        try {
            return Path.of(Voip.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A capture in ../shared/data/pcaps (LGPL ones are read in place, never copied); skips the test when absent. */
    public static Path shared(String name) {
        Path pcaps = Path.of("..", "..", "shared", "data", "pcaps");
        Assumptions.assumeTrue(Files.isDirectory(pcaps), "../shared/data/pcaps absent: skipped");
        Path file = pcaps.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " absent: skipped");
        return file;
    }

    /** Every dissector of this work, called directly so that anything thrown reaches the test. */
    public static DirectRun direct() {
        return new DirectRun(new SipDissector(), new RtspDissector(), new NtpDissector(), new SccpDissector());
    }
}
