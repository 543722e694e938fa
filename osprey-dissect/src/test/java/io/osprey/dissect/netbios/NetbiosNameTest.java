package io.osprey.dissect.netbios;

import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.DnsWire;
import io.osprey.dissect.dns.ValueBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NetbiosNameTest {
    final byte[] name = new byte[NetbiosName.LENGTH];

    String decodeAndRender(byte[] wire) {
        Payload p = new Payload().wrap(wire, 0, wire.length);
        if (NetbiosName.decode(p, 0, name) < 0) return null;
        return NetbiosName.appendText(name, new ValueBuffer()).text();
    }

    @Test
    void decodesTheFirstLevelEncodingAndWritesTheSuffixInAngleBrackets() {
        // RFC 1001 §14.1: "FRED" <20> is EGFCEFEECACACACACACACACACACACACA before the suffix's "CA"
        assertThat(NetbiosWire.encoded("FRED", 0x20)).isEqualTo("EGFCEFEECACACACACACACACACACACACA");
        assertThat(decodeAndRender(DnsWire.nameRdata(NetbiosWire.encoded("DJP95S0J", 0x00)))).isEqualTo("DJP95S0J<00>");
        assertThat(decodeAndRender(DnsWire.nameRdata(NetbiosWire.encoded("ARBEITSGRUPPE", 0x1e))))
                .isEqualTo("ARBEITSGRUPPE<1e>");
    }

    @Test
    void writesOctetsOutsidePrintableAsciiAsHexLikeWireshark() {
        byte[] browse = {1, 2, '_', '_', 'M', 'S', 'B', 'R', 'O', 'W', 'S', 'E', '_', '_', 2, 1};
        assertThat(decodeAndRender(DnsWire.nameRdata(NetbiosWire.encoded(browse))))
                .isEqualTo("<01><02>__MSBROWSE__<02><01>");
    }

    @Test
    void skipsTheScopeAndReturnsTheOffsetAfterTheName() {
        byte[] wire = DnsWire.nameRdata(NetbiosWire.encoded("GURU", 0) + ".corp.example");
        Payload p = new Payload().wrap(wire, 0, wire.length);
        assertThat(NetbiosName.decode(p, 0, name)).isEqualTo(wire.length);
    }

    @Test
    void rejectsLettersOutsideAToPAndWrongLengths() {
        assertThat(decodeAndRender(DnsWire.nameRdata("EGFCEFEECACACACACACACACACACACACZ"))).isNull();
        assertThat(decodeAndRender(DnsWire.nameRdata("EGFCEFEE"))).isNull();
        byte[] cut = DnsWire.nameRdata(NetbiosWire.encoded("GURU", 0));
        assertThat(decodeAndRender(java.util.Arrays.copyOf(cut, cut.length - 1))).isNull();
    }

    @Test
    void recognisesTheNodeStatusWildcard() {
        byte[] star = new byte[16];
        star[0] = '*';
        assertThat(NetbiosName.isWildcard(star)).isTrue();
        assertThat(NetbiosName.isWildcard(NetbiosWire.raw("GURU", 0))).isFalse();
    }

    @Test
    void namesServerTypeBitsAsMsSrvsDefinesThem() {
        // MS-SRVS §2.2.2.7; 0x00011007 is what Windows 7 announces in the nDPI capture
        assertThat(ServerType.appendNames(0x00011007L, new ValueBuffer()).text())
                .isEqualTo("workstation,server,sql-server,nt-workstation,potential-browser");
        assertThat(ServerType.appendNames(0x80001000L, new ValueBuffer()).text()).isEqualTo("nt-workstation,domain-enum");
        assertThat(ServerType.appendNames(0x08000000L | 0x200 | 0x8, new ValueBuffer()).text())
                .isEqualTo("domain-controller,print-server");
        assertThat(ServerType.name(25)).isEqualTo("terminal-server");
    }
}
