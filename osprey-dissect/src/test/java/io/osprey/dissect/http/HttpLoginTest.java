package io.osprey.dissect.http;

import io.osprey.dissect.dhcp.AllocationMeter;
import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.osprey.dissect.http.Web.CLIENT;
import static io.osprey.dissect.http.Web.SERVER;
import static io.osprey.dissect.http.Web.ascii;
import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;
import static io.osprey.packet.testing.SyntheticFrame.SYN;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP login evidence: "cleartext-credentials" for Basic (RFC 7617) and "login-failed" for refused credentials. */
class HttpLoginTest {
    static final String C = "02:00:00:00:00:01/10.0.0.1", S = "02:00:00:00:00:02/10.0.0.2";
    /** "admin:hunter2" in base64 (RFC 7617 §2). */
    static final String BASIC = "Authorization: Basic YWRtaW46aHVudGVyMg==\r\n";
    static final String DIGEST = "Authorization: Digest username=\"admin\", realm=\"cam\", nonce=\"abc\", uri=\"/\","
            + " response=\"6629fae49393a05397450978507c4ef1\"\r\n";
    static final String UNAUTHORIZED = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"cam\"\r\n\r\n";
    static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";

    final Observed o = new Observed(new HttpDissector());

    /** One connection from 10.0.0.1:clientPort to 10.0.0.2:80 carrying request and response heads in turn. */
    void connection(int clientPort, String... requestsAndResponses) {
        o.feed(CLIENT, CLIENT.tcp(clientPort, 80, SYN));
        o.feed(SERVER, SERVER.tcp(80, clientPort, SYN | ACK));
        for (int i = 0; i < requestsAndResponses.length; i++) {
            byte[] head = ascii(requestsAndResponses[i]);
            if (i % 2 == 0) o.feed(CLIENT, CLIENT.tcp(clientPort, 80, PSH | ACK, head));
            else o.feed(SERVER, SERVER.tcp(80, clientPort, PSH | ACK, head));
        }
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }

    static String get(String credentials) {
        return "GET /cgi-bin/status HTTP/1.1\r\nHost: cam\r\n" + credentials + "\r\n";
    }

    @Test
    void basicCredentialsAreReportedOncePerClientAndServerAndEachRefusalCounts() {
        connection(40000, get(""), UNAUTHORIZED, get(BASIC), UNAUTHORIZED, get(BASIC), UNAUTHORIZED);
        connection(40001, get(BASIC), UNAUTHORIZED);
        connection(40002, get(BASIC), OK);
        assertThat(o.operations()).containsExactly(
                C + " > " + S + " http:cleartext-credentials protocol=http scheme=basic",
                C + " > " + S + " http:login-failed protocol=http",
                C + " > " + S + " http:login-failed protocol=http",
                C + " > " + S + " http:login-failed protocol=http");
        assertThat(o.all.toString()).doesNotContain("YWRtaW46aHVudGVyMg").doesNotContain("hunter2");
    }

    @Test
    void aChallengeToARequestWithoutCredentialsIsNoFailedLogin() {
        // RFC 9110 §11.6.1: the first request to a protected resource draws a 401 with the challenge
        connection(40000, get(""), UNAUTHORIZED, get(""), UNAUTHORIZED);
        assertThat(o.operations()).isEmpty();
    }

    @Test
    void refusedDigestCredentialsAreAFailedLoginButNoCleartextCredentials() {
        // RFC 7616: Digest sends a hash of the password, not the password
        connection(40000, get(DIGEST), UNAUTHORIZED);
        assertThat(o.operations()).containsExactly(C + " > " + S + " http:login-failed protocol=http");
        assertThat(o.all.toString()).doesNotContain("6629fae4");
    }

    @Test
    void otherSchemesAreNeitherCleartextNorCounted() {
        // NTLM and Negotiate answer their first message with a 401 by design (RFC 4559 §5)
        connection(40000, get("Authorization: NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw==\r\n"),
                UNAUTHORIZED, get("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc\r\n"), "HTTP/1.1 403 Forbidden\r\n\r\n");
        assertThat(o.operations()).isEmpty();
    }

    @Test
    void repeatedBasicRequestsAllocateNothing() {
        List<byte[]> frames = List.of(CLIENT.tcp(40000, 80, PSH | ACK, ascii(get(BASIC))));
        assertThat(AllocationMeter.allocatedWhileRepeating(new HttpDissector(), frames, 5_000)).isLessThan(1_000);
    }
}
