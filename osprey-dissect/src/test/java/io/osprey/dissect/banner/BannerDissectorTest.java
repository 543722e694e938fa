package io.osprey.dissect.banner;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.http.Web.CLIENT;
import static io.osprey.dissect.http.Web.SERVER;
import static io.osprey.dissect.http.Web.ascii;
import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;
import static io.osprey.packet.testing.SyntheticFrame.SYN;
import static org.assertj.core.api.Assertions.assertThat;

/** SSH, FTP and Telnet banners, hand-built (no capture under shared/data holds these protocols). */
class BannerDissectorTest {
    static final String C = "02:00:00:00:00:01/10.0.0.1 ";
    static final String S = "02:00:00:00:00:02/10.0.0.2 ";

    static Observed session(io.osprey.dissect.Dissector d, int port, byte[]... serverThenClient) {
        Observed o = new Observed(d);
        o.feed(CLIENT, CLIENT.tcp(40000, port, SYN));
        o.feed(SERVER, SERVER.tcp(port, 40000, SYN | ACK));
        for (int i = 0; i < serverThenClient.length; i++) {
            if (i % 2 == 0) o.feed(SERVER, SERVER.tcp(port, 40000, PSH | ACK, serverThenClient[i]));
            else o.feed(CLIENT, CLIENT.tcp(40000, port, PSH | ACK, serverThenClient[i]));
        }
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void sshIdentificationStringsOfBothSides() {
        // RFC 4253 §4.2: the server may send other lines first; CR LF ends the identification
        Observed o = session(new SshDissector(), 22, ascii("Welcome\r\nSSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6\r\n"),
                ascii("SSH-2.0-libssh_0.9.6\r\n"));
        assertThat(o.facts()).containsExactly(C + "ssh.client=SSH-2.0-libssh_0.9.6",
                S + "ssh.server=SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6");
        assertThat(o.services()).containsExactly("10.0.0.2 22/tcp ssh");
    }

    @Test
    void sshIdentificationNotEndedOrTooLongIsIgnored() {
        assertThat(session(new SshDissector(), 22, ascii("SSH-2.0-Open")).all).isEmpty();
        assertThat(session(new SshDissector(), 22, ascii("SSH-2.0-" + "x".repeat(300) + "\r\n")).all).isEmpty();
        assertThat(session(new SshDissector(), 22, new byte[] {0, 0, 1, 0x14, 'S', 'S', 'H', '-', '\n'}).all).isEmpty();
    }

    @Test
    void ftpGreetingOnOneLineAndOnSeveral() {
        // RFC 959 §4.2: "220-" starts a multi-line reply that ends with a line starting "220 "
        Observed one = session(new FtpDissector(), 21, ascii("220 (vsFTPd 3.0.3)\r\n"));
        assertThat(one.facts()).containsExactly(S + "ftp.banner=(vsFTPd 3.0.3)");
        assertThat(one.services()).containsExactly("10.0.0.2 21/tcp ftp");
        Observed multi = session(new FtpDissector(), 21, ascii("220-ProFTPD 1.3.5 Server\r\n Welcome\r\n220 ready\r\n"));
        assertThat(multi.values(BannerAttributes.FTP_BANNER)).containsExactly("ProFTPD 1.3.5 Server Welcome ready");
        Observed other = session(new FtpDissector(), 21, ascii("421 Too many\r\n"));
        assertThat(other.all).isEmpty();
    }

    @Test
    void telnetBannerIsTheFirstTextAfterNegotiation() {
        // RFC 854: IAC DO ECHO, IAC WILL SGA, IAC SB TTYPE SEND IAC SE carry no text; ESC [2J clears the screen
        byte[] negotiation = {(byte) 255, (byte) 253, 1, (byte) 255, (byte) 251, 3, (byte) 255, (byte) 250, 24, 1,
            (byte) 255, (byte) 240};
        byte[] banner = ascii("\u001b[2J\r\nBusyBox v1.22.1 (2019-01-01) built-in shell\r\n\r\nIPCam login: ");
        Observed o = session(new TelnetDissector(), 23, negotiation, ascii("secret-user\r\n"), banner,
                ascii("password\r\n"), ascii("Password: "));
        assertThat(o.facts()).containsExactly(S + "telnet.banner=BusyBox v1.22.1 (2019-01-01) built-in shell IPCam login:");
        assertThat(o.services()).containsExactly("10.0.0.2 23/tcp telnet");
        assertThat(o.all.toString()).doesNotContain("secret-user").doesNotContain("password");
    }

    @Test
    void telnetTextIsBounded() {
        Observed o = session(new TelnetDissector(), 23, ascii("x".repeat(2000)));
        assertThat(o.values(BannerAttributes.TELNET_BANNER)).singleElement()
                .satisfies(v -> assertThat(v).hasSize(BannerAttributes.MAX_BANNER_LENGTH));
    }
}
