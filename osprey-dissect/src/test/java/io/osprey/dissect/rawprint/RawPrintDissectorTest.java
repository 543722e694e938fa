package io.osprey.dissect.rawprint;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.SYN;
import static org.assertj.core.api.Assertions.assertThat;

/** Raw printing on 9100 with PJL (HP PJL Technical Reference), hand-built (no such capture is in the shared data). */
class RawPrintDissectorTest {
    static final SyntheticFrame CLIENT =
            SyntheticFrame.from("02:00:00:00:00:31", "10.0.0.31").to("00:12:79:80:69:60", "10.0.0.251");
    static final SyntheticFrame PRINTER = CLIENT.reply();
    static final String P = "00:12:79:80:69:60/10.0.0.251 ";
    static final String UEL = "\u001b%-12345X";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Observed session(String fromClient, String fromPrinter) {
        Observed o = new Observed(new RawPrintDissector());
        o.feed(CLIENT, CLIENT.tcp(50000, 9100, SYN));
        o.feed(PRINTER, PRINTER.tcp(9100, 50000, SYN | ACK));
        o.feed(CLIENT, CLIENT.tcp(50000, 9100, ACK, bytes(fromClient)));
        if (fromPrinter != null) o.feed(PRINTER, PRINTER.tcp(9100, 50000, ACK, bytes(fromPrinter)));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void infoIdAnswerNamesTheModel() {
        // PJL INFO ID: the printer echoes the command, then the quoted model, then a form feed
        Observed o = session(UEL + "@PJL\r\n@PJL INFO ID\r\n" + UEL, "@PJL INFO ID\r\n\"HP LaserJet 4250\"\r\n\f");
        assertThat(o.facts()).containsExactly(P + "rawprint.pjlId=HP LaserJet 4250");
        assertThat(o.services()).containsExactly("10.0.0.251 9100/tcp jetdirect");
        assertThat(o.attributes().getFirst().confidence()).isEqualTo(RawPrintAttributes.STATED);
    }

    @Test
    void unquotedIdAndLfLineEnds() {
        Observed o = session("@PJL INFO ID\n", "@PJL INFO ID\nLEXMARK MS610de\n\f");
        assertThat(o.values(RawPrintAttributes.PJL_ID)).containsExactly("LEXMARK MS610de");
    }

    @Test
    void jobHeaderNamesTheLanguageButNotTheUser() {
        // a job: UEL, @PJL JOB NAME / SET USERNAME (personal, never reported), ENTER LANGUAGE, then PostScript
        Observed o = session(UEL + "@PJL JOB NAME=\"salaries.xlsx\"\r\n@PJL SET USERNAME=\"alice\"\r\n"
                + "@PJL ENTER LANGUAGE = postscript\r\n%!PS-Adobe-3.0\r\n", null);
        assertThat(o.facts()).containsExactly(P + "rawprint.pjlLanguage=POSTSCRIPT");
        assertThat(o.services()).containsExactly("10.0.0.251 9100/tcp jetdirect");
        assertThat(o.attributes()).noneMatch(a -> a.value().contains("alice") || a.value().contains("salaries"));
    }

    @Test
    void plainPostScriptAndPclJobsProveTheService() {
        assertThat(session("%!PS-Adobe-3.0\n", null).services()).containsExactly("10.0.0.251 9100/tcp jetdirect");
        assertThat(session("\u001bE\u001b&l0O", null).services()).containsExactly("10.0.0.251 9100/tcp jetdirect");
    }

    @Test
    void otherTrafficOnThePortProvesNothing() {
        Observed o = session("GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n\r\n");
        assertThat(o.all).isEmpty();
        Observed unanswered = session("@PJL INFO ID\r\n", "@PJL INFO ID\r\n?\r\n\f");
        assertThat(unanswered.values(RawPrintAttributes.PJL_ID)).as("'?' is PJL's unknown answer").isEmpty();
    }

    @Test
    void everyTruncationIsHandledWithoutThrowing() {
        byte[][] frames = {CLIENT.tcp(50000, 9100, ACK, bytes(UEL + "@PJL ENTER LANGUAGE=PCL\r\n")),
            PRINTER.tcp(9100, 50000, ACK, bytes("@PJL INFO ID\r\n\"HP LaserJet 4250\"\r\n\f"))};
        DirectRun run = new DirectRun(new RawPrintDissector());
        for (byte[] f : frames) for (int n = 0; n <= f.length; n++) run.dissect(f, n);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 2000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 300) byte[] payload, @ForAll boolean fromPrinter,
                                  @ForAll boolean withInfoId) {
        byte[] p = withInfoId ? concat(bytes("@PJL INFO ID"), payload) : payload;
        DirectRun run = new DirectRun(new RawPrintDissector());
        run.dissect(fromPrinter ? PRINTER.tcp(9100, 50000, ACK, p) : CLIENT.tcp(50000, 9100, ACK, p));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
