package io.osprey.dissect.banner;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.http.Web.ascii;
import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;
import static io.osprey.packet.testing.SyntheticFrame.SYN;
import static org.assertj.core.api.Assertions.assertThat;

/** Login evidence of FTP, Telnet and SSH: "login-failed", "cleartext-credentials" and "session" operations. */
class LoginOperationsTest {
    static final String C = "02:00:00:00:00:01/10.0.0.1", S = "02:00:00:00:00:02/10.0.0.2";
    static final SyntheticFrame CLIENT =
            SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("02:00:00:00:00:02", "10.0.0.2");
    static final SyntheticFrame SERVER = CLIENT.reply();

    /** One connection: lines starting "S:" come from the server, "C:" from the client, "C*" is raw client bytes. */
    static void connection(Observed o, int clientPort, int port, Object... steps) {
        o.feed(CLIENT, CLIENT.tcp(clientPort, port, SYN));
        o.feed(SERVER, SERVER.tcp(port, clientPort, SYN | ACK));
        o.feed(CLIENT, CLIENT.tcp(clientPort, port, ACK));
        for (Object step : steps) {
            if (step instanceof byte[] raw) {
                o.feed(CLIENT, CLIENT.tcp(clientPort, port, PSH | ACK, raw));
            } else if (((String) step).startsWith("S:")) {
                o.feed(SERVER, SERVER.tcp(port, clientPort, PSH | ACK, ascii(((String) step).substring(2))));
            } else {
                o.feed(CLIENT, CLIENT.tcp(clientPort, port, PSH | ACK, ascii(((String) step).substring(2))));
            }
        }
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }

    static Observed observe(Dissector d) {
        return new Observed(d);
    }

    @Nested
    class Ftp {
        final Observed o = observe(new FtpDissector());

        @Test
        void aPasswordIsReportedOncePerConnectionAndEveryRefusalCounts() {
            // RFC 959 §5.4: USER → 331, PASS → 230 or 530
            connection(o, 40000, 21, "S:220 (vsFTPd 3.0.3)\r\n", "C:USER bob\r\n", "S:331 Please specify the password.\r\n",
                    "C:PASS hunter2\r\n", "S:530 Login incorrect.\r\n", "C:user bob\r\n", "S:331 Password.\r\n",
                    "C:pass hunter3\r\n", "S:530 Login incorrect.\r\n", "C:USER bob\r\n", "C:PASS Secret9\r\n",
                    "S:230 Login successful.\r\n");
            assertThat(o.operations()).containsExactly(
                    C + " > " + S + " ftp:cleartext-credentials protocol=ftp user-seen=true",
                    C + " > " + S + " ftp:login-failed protocol=ftp",
                    C + " > " + S + " ftp:login-failed protocol=ftp");
            assertThat(o.all.toString()).doesNotContain("bob").doesNotContain("hunter").doesNotContain("Secret9");
            connection(o, 40001, 21, "S:220 ready\r\n", "C:USER bob\r\n", "C:PASS hunter4\r\n");
            assertThat(o.operations()).hasSize(4).last()
                    .isEqualTo(C + " > " + S + " ftp:cleartext-credentials protocol=ftp user-seen=true");
        }

        @Test
        void aPasswordWithoutUserAndAnonymousLogins() {
            connection(o, 40000, 21, "C:PASS hunter2\r\n");
            // RFC 1635: anonymous FTP's password is an e-mail address, no secret
            connection(o, 40001, 21, "C:USER anonymous\r\n", "C:PASS guest@example.com\r\n");
            connection(o, 40002, 21, "C:USER FTP\r\n", "C:PASS guest@example.com\r\n");
            assertThat(o.operations()).containsExactly(
                    C + " > " + S + " ftp:cleartext-credentials protocol=ftp user-seen=false");
        }

        @Test
        void otherRepliesAndCommandsAreNoLoginEvidence() {
            connection(o, 40000, 21, "S:220 ready\r\n", "C:PASV\r\n", "C:PASSWORD x\r\n", "S:500 Unknown command.\r\n",
                    "S:5301 odd\r\n", "C:USERNAME x\r\n");
            assertThat(o.operations()).isEmpty();
            assertThat(o.facts()).containsExactly(S + " ftp.banner=ready");
        }
    }

    @Nested
    class Telnet {
        final Observed o = observe(new TelnetDissector());
        final byte[] negotiation = {(byte) 255, (byte) 253, 1, (byte) 255, (byte) 251, 3};

        @Test
        void anAnswerToALoginPromptIsReportedOncePerConnectionAndEachFailure() {
            connection(o, 40000, 23, "S:\r\nIPCam login: ", "C:r", "C:oot\r\n", "S:Password: ", "C:wrong\r\n",
                    "S:\r\nLogin incorrect\r\nIPCam login: ", "C:root\r\n", "S:Password: ", "C:admin\r\n",
                    "S:Login incorrect\r\n");
            assertThat(o.operations()).containsExactly(
                    C + " > " + S + " telnet:cleartext-credentials protocol=telnet",
                    C + " > " + S + " telnet:login-failed protocol=telnet",
                    C + " > " + S + " telnet:login-failed protocol=telnet");
            assertThat(o.all.toString()).doesNotContain("root").doesNotContain("wrong").doesNotContain("admin");
        }

        @Test
        void dataBeforeAPromptOrOnlyNegotiationAfterItIsNoAnswer() {
            connection(o, 40000, 23, "C:hello\r\n", "S:Welcome\r\nLast login: Tue Nov 28 10:00:00 from 10.0.0.9\r\n",
                    "C:ls\r\n");
            assertThat(o.operations()).isEmpty();
            connection(o, 40001, 23, "S:Username: ", negotiation);
            assertThat(o.operations()).isEmpty();
            connection(o, 40002, 23, "S:Username: ", negotiation, "C:admin\r\n");
            assertThat(o.operations()).containsExactly(C + " > " + S + " telnet:cleartext-credentials protocol=telnet");
        }

        @Test
        void ciscoStyleFailuresCount() {
            connection(o, 40000, 23, "S:\r\nUser Access Verification\r\n\r\nUsername: ", "C:x\r\n",
                    "S:% Authentication failed\r\n", "S:% Login invalid\r\n");
            assertThat(o.operations()).containsExactly(
                    C + " > " + S + " telnet:cleartext-credentials protocol=telnet",
                    C + " > " + S + " telnet:login-failed protocol=telnet",
                    C + " > " + S + " telnet:login-failed protocol=telnet");
        }

        @Test
        void promptsEndTheServersText() {
            assertThat(TelnetDissector.endsWithPrompt(payload("Password: "))).isTrue();
            // RFC 857: a server turns echo off for the password: IAC WILL ECHO after the prompt
            assertThat(TelnetDissector.endsWithPrompt(payload("Password:\u00ff\u00fb\u0001"))).isTrue();
            assertThat(TelnetDissector.endsWithPrompt(payload("User Name :\r\n"))).isTrue();
            assertThat(TelnetDissector.endsWithPrompt(payload("switch login:"))).isTrue();
            assertThat(TelnetDissector.endsWithPrompt(payload("Last login: Tue Nov 28"))).isFalse();
            assertThat(TelnetDissector.endsWithPrompt(payload("Enter choice:"))).isFalse();
            assertThat(TelnetDissector.endsWithPrompt(payload(":"))).isFalse();
            assertThat(TelnetDissector.endsWithPrompt(payload(""))).isFalse();
        }

        static Payload payload(String s) {
            byte[] b = ascii(s);
            return new Payload().wrap(b, 0, b.length);
        }
    }

    @Nested
    class Ssh {
        final Observed o = observe(new SshDissector());

        @Test
        void eachConnectionWhoseClientSpeaksIsOneSession() {
            // RFC 4253 §4.2: both sides send their identification first
            for (int port = 40000; port < 40003; port++) {
                connection(o, port, 22, "S:SSH-2.0-OpenSSH_8.9p1\r\n", "C:SSH-2.0-libssh_0.9.6\r\n",
                        new byte[] {0, 0, 1, 0x14, 10, 20});
            }
            connection(o, 40003, 22, "S:SSH-2.0-OpenSSH_8.9p1\r\n");
            assertThat(o.operations()).hasSize(3).containsOnly(C + " > " + S + " ssh:session port=22");
        }

        @Test
        void aSessionOnAnotherPortNamesIt() {
            connection(o, 40000, 2222, "C:SSH-2.0-PuTTY_Release_0.78\r\n", "S:SSH-2.0-dropbear_2020.81\r\n");
            assertThat(o.operations()).containsExactly(C + " > " + S + " ssh:session port=2222");
        }
    }
}
