package io.osprey.dissect.fox;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Builds Niagara Fox messages between a Workbench and a station. */
final class FoxWire {
    static final SyntheticFrame WORKBENCH =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("00:00:bc:00:00:0b", "10.0.0.11");
    static final SyntheticFrame STATION = WORKBENCH.reply();
    static final String W = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String S = "00:00:bc:00:00:0b/10.0.0.11 ";
    static final int CLIENT_PORT = 42167;

    private FoxWire() {}

    /** A message: header line "fox a {@code id} -1 {@code command}", the body lines in braces, then "};;". */
    static byte[] message(int id, String command, String... lines) {
        StringBuilder b = new StringBuilder("fox a ").append(id).append(" -1 ").append(command).append("\n{\n");
        for (String l : lines) b.append(l).append('\n');
        return b.append("};;\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] fromWorkbench(byte[] fox) {
        return WORKBENCH.tcp(CLIENT_PORT, FoxDissector.PORT, PSH | ACK, fox);
    }

    static byte[] fromStation(byte[] fox) {
        return STATION.tcp(FoxDissector.PORT, CLIENT_PORT, PSH | ACK, fox);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new FoxDissector());
        for (byte[] f : frames) o.feed(WORKBENCH, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new FoxDissector());
    }

    static Path fixture(String name) {
        return Web.fixture("fox/" + name);
    }
}
