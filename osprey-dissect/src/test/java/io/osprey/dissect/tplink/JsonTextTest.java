package io.osprey.dissect.tplink;

import io.osprey.dissect.dns.ValueBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounded JSON member reader, by the RFC 8259 rows it handles. */
class JsonTextTest {
    private final JsonText json = new JsonText();
    private final ValueBuffer out = new ValueBuffer();

    private JsonText of(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return json.wrap(b, b.length);
    }

    private String value(String text, String key) {
        return of(text).value(key, out.clear(), 64) ? out.text() : null;
    }

    @Test
    void scalarsAtAnyDepth() {
        String doc = "{ \"a\" : {\"b\":[1,{\"c\" : \"deep\"}]}, \"n\": -12.5e3 ,\"t\":true,\"z\":null}";
        assertThat(value(doc, "c")).isEqualTo("deep");
        assertThat(value(doc, "n")).isEqualTo("-12.5e3");
        assertThat(value(doc, "t")).isEqualTo("true");
        assertThat(value(doc, "z")).as("null is absent").isNull();
        assertThat(value(doc, "a")).as("objects are not scalars").isNull();
        assertThat(value(doc, "missing")).isNull();
    }

    @Test
    void stringEscapesOfRfc8259Section7() {
        assertThat(value("{\"k\":\"q\\\"b\\\\s\\/\\u00e9\\u20ac\\n\"}", "k")).isEqualTo("q\"b\\s/é€\\010");
        assertThat(value("{\"k\":\"\\ud83d\"}", "k")).as("lone surrogate").isEqualTo("\ufffd");
        assertThat(value("{\"k\":\"\\u12\"}", "k")).as("short escape").isNull();
    }

    @Test
    void aValuedStringIsNotAMemberName() {
        assertThat(value("{\"x\":\"k\",\"k\":\"v\"}", "k")).isEqualTo("v");
        assertThat(of("{\"x\":\"k\"}").has("k")).isFalse();
    }

    @Test
    void unterminatedValuesAreNotReturned() {
        assertThat(value("{\"k\":\"abc", "k")).isNull();
        assertThat(value("{\"k\":123", "k")).isNull();
    }

    @Test
    void valuesAreCutAtTheLimit() {
        assertThat(of("{\"k\":\"abcdef\"}").value("k", out.clear(), 3)).isTrue();
        assertThat(out.text()).isEqualTo("abc");
    }

    @Test
    void membersComeWithTheirDepth() {
        of("{\"system\":{\"get_sysinfo\":{}},\"emeter\":{\"get_realtime\":null}}");
        StringBuilder seen = new StringBuilder();
        while (json.nextMember()) {
            json.appendKey(out.clear());
            seen.append(json.depth()).append(out.text()).append(' ');
        }
        assertThat(seen.toString()).isEqualTo("1system 2get_sysinfo 1emeter 2get_realtime ");
    }
}
