package io.osprey.dissect.http;

import io.osprey.dissect.banner.FtpDissector;
import io.osprey.dissect.banner.SshDissector;
import io.osprey.dissect.banner.TelnetDissector;
import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.ssdp.SsdpDissector;
import io.osprey.packet.testing.SyntheticFrame;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Shared test fixtures of the SSDP, HTTP and banner dissector tests. */
public final class Web {
    public static final SyntheticFrame CLIENT =
            SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("02:00:00:00:00:02", "10.0.0.2");
    public static final SyntheticFrame SERVER = CLIENT.reply();

    private Web() {}

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static Path fixture(String name) {
        try {
            return Path.of(Web.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every dissector of this work, called directly so that anything thrown reaches the test. */
    public static DirectRun direct() {
        return new DirectRun(new SsdpDissector(), new HttpDissector(), new SshDissector(), new FtpDissector(),
                new TelnetDissector());
    }
}
