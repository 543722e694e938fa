package io.osprey.dissect.tcpfp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Pattern fields against signatures, one rule each (SignaturePattern's class comment). */
class SignaturePatternTest {

    static boolean matches(String pattern, SynFrame frame) {
        SynSignature s = new SynSignature();
        assertThat(s.read(frame.decode())).isTrue();
        return SignaturePattern.parse(pattern).matches(s);
    }

    static SynFrame linux(int ttl) {
        SynFrame f = SynFrame.syn().linuxOptions(7);
        f.ttl = ttl;
        return f;
    }

    @Test
    void exactPatternOfItsOwnSignature() {
        assertThat(matches("4:64:0:1460:mss*20,7:mss,sok,ts,nop,ws:df,id+:0", linux(64))).isTrue();
        assertThat(matches("4:64:0:1460:mss*20,7:mss,sok,ts,nop,ws:df,id+:+", linux(64))).isFalse();
        assertThat(matches("6:64:0:1460:mss*20,7:mss,sok,ts,nop,ws:df,id+:0", linux(64))).isFalse();
        assertThat(matches("4:64:4:1460:mss*20,7:mss,sok,ts,nop,ws:df,id+:0", linux(64))).isFalse();
        assertThat(matches("4:64:0:1400:mss*20,7:mss,sok,ts,nop,ws:df,id+:0", linux(64))).isFalse();
        assertThat(matches("4:64:0:1460:mss*20,6:mss,sok,ts,nop,ws:df,id+:0", linux(64))).isFalse();
        assertThat(matches("4:64:0:1460:mss*20,7:mss,sok,ts,ws:df,id+:0", linux(64))).isFalse();
    }

    @ParameterizedTest(name = "ttl {0}: {1}")
    @CsvSource({"64,true", "33,true", "29,false", "30,false", "65,false"})
    void ittlIsExactAfterGuessing(int ttl, boolean expected) {
        assertThat(matches("4:64:0:*:*,*:*:*:*", linux(ttl))).isEqualTo(expected);
    }

    @Test
    void distanceAboveTheBoundDoesNotMatch() {
        // 128 - 35 = 93 is the lowest TTL an ittl-128 row accepts
        assertThat(matches("4:128:0:*:*,*:*:*:*", linux(93))).isTrue();
        assertThat(matches("4:128:0:*:*,*:*:*:*", linux(92))).isFalse();
        assertThat(matches("4:*:0:*:*,*:*:*:*", linux(92))).as("* accepts any TTL").isTrue();
    }

    @Test
    void windowRules() {
        SynFrame f = linux(64); // window 29200, mss 1460
        assertThat(matches("*:64:*:*:29200,*:*:*:*", f)).isTrue();
        assertThat(matches("*:64:*:*:29201,*:*:*:*", f)).isFalse();
        assertThat(matches("*:64:*:*:mss*20,*:*:*:*", f)).isTrue();
        assertThat(matches("*:64:*:*:mss*10,*:*:*:*", f)).isFalse();
        assertThat(matches("*:64:*:*:%1460,*:*:*:*", f)).isTrue();
        assertThat(matches("*:64:*:*:%1000,*:*:*:*", f)).isFalse();
        assertThat(matches("*:64:*:*:mtu*1,*:*:*:*", f)).isFalse();
        f.window = 28960; // 20 x (1460 - 12): counted net of the timestamps option
        assertThat(matches("*:64:*:*:mss*20,*:*:*:*", f)).isTrue();
        f.window = 3000;
        assertThat(matches("*:64:*:*:mtu*2,*:*:*:*", f)).isTrue();
    }

    @Test
    void mssMultipleNeedsAnMss() {
        SynFrame f = SynFrame.syn(); // no options
        f.window = 0;
        assertThat(matches("*:64:*:*:mss*1,*:*:*:*", f)).isFalse();
        assertThat(matches("*:64:*:*:0,*:*:*:*", f)).isTrue();
    }

    @Test
    void optionalQuirks() {
        SynFrame withId = linux(64);
        SynFrame withoutId = linux(64);
        withoutId.id = 0;
        assertThat(matches("*:64:*:*:*,*:*:df,id+?:*", withId)).isTrue();
        assertThat(matches("*:64:*:*:*,*:*:df,id+?:*", withoutId)).isTrue();
        assertThat(matches("*:64:*:*:*,*:*:df,id+:*", withoutId)).isFalse();
        assertThat(matches("*:64:*:*:*,*:*:df:*", withId)).as("a quirk the row does not allow").isFalse();
        assertThat(matches("*:64:*:*:*,*:*::*", withId)).isFalse();
        assertThat(matches("*:64:*:*:*,*:*:*:*", withId)).isTrue();
    }

    @Test
    void absentWindowScaleMatchesZero() {
        SynFrame f = SynFrame.syn().options(2, 4, 0x05, 0xb4);
        assertThat(matches("*:64:*:*:*,0:mss:*:*", f)).isTrue();
        assertThat(matches("*:64:*:*:*,1:mss:*:*", f)).isFalse();
    }
}
