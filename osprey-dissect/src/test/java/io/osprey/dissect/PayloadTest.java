package io.osprey.dissect;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadTest {
    @Test
    void readsBigAndLittleEndianInsideTheWindowOnly() {
        byte[] data = {9, 9, 0x12, 0x34, 0x56, 0x78, 9};
        Payload p = new Payload().wrap(data, 2, 4);
        assertThat(p.u8(0)).isEqualTo(0x12);
        assertThat(p.u16(0)).isEqualTo(0x1234);
        assertThat(p.u16le(0)).isEqualTo(0x3412);
        assertThat(p.u32(0)).isEqualTo(0x12345678L);
        assertThat(p.u8(4)).isEqualTo(-1);
        assertThat(p.u16(3)).isEqualTo(-1);
        assertThat(p.u32(1)).isEqualTo(-1);
        assertThat(p.startsWith(0, "\u0012\u0034")).isTrue();
        assertThat(p.indexOf(0x78, 0)).isEqualTo(3);
        assertThat(p.indexOf(9, 0)).isEqualTo(-1);
    }

    @Property
    void neverReadsOutsideTheWindow(@ForAll byte[] data, @ForAll int offset, @ForAll int length, @ForAll int at) {
        if (data.length == 0) return;
        int off = Math.floorMod(offset, data.length);
        Payload p = new Payload().wrap(data, off, length);
        assertThat(p.length()).isBetween(0, data.length - off);
        p.u8(at);
        p.u16(at);
        p.u32(at);
        p.latin1(at, 5);
        p.startsWith(at, "ab");
        p.copy(at, new byte[4], 0, 4);
    }
}
