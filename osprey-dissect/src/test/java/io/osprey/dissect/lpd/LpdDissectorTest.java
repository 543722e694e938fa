package io.osprey.dissect.lpd;

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

/** LPD daemon commands of RFC 1179 §5, hand-built (no LPD capture is in the shared data). */
class LpdDissectorTest {
    static final SyntheticFrame CLIENT =
            SyntheticFrame.from("02:00:00:00:00:31", "10.0.0.31").to("00:12:79:80:69:60", "10.0.0.251");
    static final SyntheticFrame SERVER = CLIENT.reply();
    static final String C = "02:00:00:00:00:31/10.0.0.31 ";
    static final String S = "00:12:79:80:69:60/10.0.0.251 ";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A connection from port 721 (§3: source ports 721-731) with the client's first message and the server's answer. */
    static Observed connection(String command, byte... answer) {
        Observed o = new Observed(new LpdDissector());
        o.feed(CLIENT, CLIENT.tcp(721, 515, SYN));
        o.feed(SERVER, SERVER.tcp(515, 721, SYN | ACK));
        o.feed(CLIENT, CLIENT.tcp(721, 515, ACK, bytes(command)));
        if (answer.length > 0) o.feed(SERVER, SERVER.tcp(515, 721, ACK, answer));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void receiveJobNamesTheQueueAndProvesTheServer() {
        // §5.2: 02 Queue LF, acknowledged with a zero octet (§6)
        Observed o = connection("\u0002lp\n", (byte) 0);
        assertThat(o.facts()).containsExactlyInAnyOrder(C + "lpd.command=receive-job", S + "lpd.queue=lp");
        assertThat(o.services()).containsExactly("10.0.0.251 515/tcp lpd");
    }

    @Test
    void queueStateAndRemoveCommandsKeepOnlyTheQueue() {
        // §5.3: 03 Queue SP List LF; §5.5: 05 Queue SP Agent SP List LF (the agent is a user name: never reported)
        assertThat(connection("\u0003PASSTHRU 12 13\n", bytes("no entries\n")).facts())
                .containsExactlyInAnyOrder(C + "lpd.command=queue-state-short", S + "lpd.queue=PASSTHRU");
        Observed remove = connection("\u0005raw alice 17\n");
        assertThat(remove.facts()).containsExactlyInAnyOrder(C + "lpd.command=remove-jobs", S + "lpd.queue=raw");
        assertThat(remove.attributes()).noneMatch(a -> a.value().contains("alice"));
    }

    @Test
    void onlyTheFirstClientMessageIsACommand() {
        // after 02 Queue LF come subcommands (§6.2 "02 Count SP Name LF"): not daemon commands
        Observed o = new Observed(new LpdDissector());
        o.feed(CLIENT, CLIENT.tcp(721, 515, SYN));
        o.feed(SERVER, SERVER.tcp(515, 721, SYN | ACK));
        o.feed(CLIENT, CLIENT.tcp(721, 515, ACK, bytes("\u0002lp\n")));
        o.feed(CLIENT, CLIENT.tcp(721, 515, ACK, bytes("\u000244 cfA123host\n")));
        assertThat(o.values(LpdAttributes.QUEUE)).containsExactly("lp");
    }

    @Test
    void otherBytesAreNoCommand() {
        LpdDissector d = new LpdDissector();
        Observed o = new Observed(d);
        o.feed(CLIENT, CLIENT.tcp(721, 515, ACK, bytes("GET / HTTP/1.1\r\n\r\n")));
        o.feed(CLIENT, CLIENT.tcp(722, 515, ACK, bytes("\u0002l\u0001p\n")));
        o.feed(CLIENT, CLIENT.tcp(723, 515, ACK, bytes("\u0002lp")));
        assertThat(o.attributes()).isEmpty();
        assertThat(d.notLpd()).isEqualTo(3);
    }

    @Test
    void everyTruncationIsHandledWithoutThrowing() {
        byte[][] frames = {CLIENT.tcp(721, 515, ACK, bytes("\u0004lp 1 2 3\n")), SERVER.tcp(515, 721, ACK, (byte) 0)};
        DirectRun run = new DirectRun(new LpdDissector());
        for (byte[] f : frames) for (int n = 0; n <= f.length; n++) run.dissect(f, n);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 2000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 300) byte[] payload, @ForAll boolean fromServer) {
        DirectRun run = new DirectRun(new LpdDissector());
        run.dissect(fromServer ? SERVER.tcp(515, 721, ACK, payload) : CLIENT.tcp(721, 515, ACK, payload));
    }
}
