package io.osprey.inventory.oui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** A damaged resource fails with an IOException: never another exception, never a huge allocation. */
class OuiResourceFormatProperties {
    private static final byte[] SAMPLE = sampleBytes();

    @Property
    void corruptedBytesFailCleanlyOrReadBack(@ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1 << 20) Integer> positions,
                                             @ForAll @Size(min = 8, max = 8) List<Byte> values) throws IOException {
        byte[] damaged = SAMPLE.clone();
        for (int i = 0; i < positions.size(); i++) damaged[positions.get(i) % damaged.length] = values.get(i);
        assertReadsOrThrowsIOException(damaged);
    }

    @Property
    void truncatedDataFails(@ForAll @IntRange(min = 0, max = 1 << 20) int cut) throws IOException {
        byte[] truncated = Arrays.copyOf(SAMPLE, cut % SAMPLE.length);
        Throwable thrown = catchThrowable(() -> OuiRegistry.read(new ByteArrayInputStream(gzip(truncated))));
        assertThat(thrown).isInstanceOf(IOException.class);
    }

    private static void assertReadsOrThrowsIOException(byte[] raw) throws IOException {
        Throwable thrown = catchThrowable(() -> OuiRegistry.read(new ByteArrayInputStream(gzip(raw))));
        if (thrown != null) assertThat(thrown).isInstanceOf(IOException.class);
    }

    private static byte[] sampleBytes() {
        var registry = new OuiRegistry("sample", new String[] {"Alpha", "Beta", "Gamma"}, new PrefixTable[] {
                new PrefixTable(Registry.MA_L, new long[] {0x000000L, 0x001122L, 0xFCFFFFL}, new int[] {2, 0, 1}),
                new PrefixTable(Registry.MA_M, new long[] {0x2085930L, 0x208593BL}, new int[] {0, 1}),
                new PrefixTable(Registry.MA_S, new long[] {0x70B3D5F2FL}, new int[] {1})});
        try {
            var bytes = new ByteArrayOutputStream();
            OuiResourceFormat.write(registry, bytes);
            try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }
}
