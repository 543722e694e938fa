package io.osprey.inventory.oui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OuiResourceFormatTest {

    private static OuiRegistry sample() {
        return new OuiRegistry("test listing", new String[] {"Alpha", "Beta", "Gamma"}, new PrefixTable[] {
                new PrefixTable(Registry.MA_L, new long[] {0x000000L, 0x001122L, 0xFCFFFFL}, new int[] {2, 0, 1}),
                new PrefixTable(Registry.MA_S, new long[] {0x70B3D5F2FL}, new int[] {1})});
    }

    @Test
    void roundTripsEveryAssignment() throws IOException {
        OuiRegistry original = sample();
        OuiRegistry read = OuiRegistry.read(new ByteArrayInputStream(write(original)));
        assertThat(read.source()).isEqualTo("test listing");
        assertThat(read.vendorNames()).containsExactly("Alpha", "Beta", "Gamma");
        assertThat(read.assignments()).isEqualTo(original.assignments());
        assertThat(read.size(Registry.MA_L)).isEqualTo(3);
        assertThat(read.size(Registry.MA_M)).isZero();
    }

    @Test
    void bundledResourceRoundTripsToTheSameBytes() throws IOException {
        OuiRegistry bundled = OuiRegistry.bundled();
        byte[] once = write(bundled);
        assertThat(write(OuiRegistry.read(new ByteArrayInputStream(once)))).isEqualTo(once);
    }

    @Test
    void rejectsWrongMagic() {
        assertThatThrownBy(() -> OuiRegistry.read(new ByteArrayInputStream(gzip(new byte[] {'N', 'O', 'P', 'E', 0, 1}))))
                .isInstanceOf(IOException.class).hasMessageContaining("bad magic");
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        byte[] raw = gunzip(write(sample()));
        byte[] truncated = Arrays.copyOf(raw, raw.length - 2);
        assertThatThrownBy(() -> OuiRegistry.read(new ByteArrayInputStream(gzip(truncated))))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }

    @Test
    void rejectsAVendorIndexOutOfRange() throws IOException {
        byte[] raw = gunzip(write(sample()));
        raw[raw.length - 1] = 3; // the last vendor index written; only 0..2 exist
        assertThatThrownBy(() -> OuiRegistry.read(new ByteArrayInputStream(gzip(raw))))
                .isInstanceOf(IOException.class).hasMessageContaining("vendor index");
    }

    @Test
    void rejectsACountLargerThanTheData() throws IOException {
        byte[] raw = gunzip(write(sample()));
        int vendorCount = 4 + 2 + 1 + "test listing".length(); // after magic, version and the source text
        raw[vendorCount] = (byte) 0xFF;
        byte[] huge = new byte[raw.length + 4];
        System.arraycopy(raw, 0, huge, 0, vendorCount + 1);
        huge[vendorCount + 1] = (byte) 0xFF;
        huge[vendorCount + 2] = (byte) 0xFF;
        huge[vendorCount + 3] = 0x7F; // 0x0FFFFFFF vendors announced
        System.arraycopy(raw, vendorCount + 1, huge, vendorCount + 4, raw.length - vendorCount - 1);
        assertThatThrownBy(() -> OuiRegistry.read(new ByteArrayInputStream(gzip(huge))))
                .isInstanceOf(IOException.class).hasMessageContaining("vendor count");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 0x7F, 0x80, 0x3FFF, 0x4000, 0xFFFFFF, 0xFFFFFFFFFL, Long.MAX_VALUE})
    void varintsRoundTrip(long value) throws IOException {
        var bytes = new ByteArrayOutputStream();
        OuiResourceFormat.writeVarint(new DataOutputStream(bytes), value);
        var in = new OuiResourceFormat.Cursor(bytes.toByteArray());
        assertThat(in.varint()).isEqualTo(value);
        assertThat(in.remaining()).isZero();
    }

    private static byte[] write(OuiRegistry registry) throws IOException {
        var bytes = new ByteArrayOutputStream();
        OuiResourceFormat.write(registry, bytes);
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }
}
