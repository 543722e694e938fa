package io.osprey.packet.capture;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A copy of a delivered {@link Frame}, comparable by value, for assertions. */
record CapturedFrame(long timestampNanos, int linkType, int interfaceId, String hex, int wireLength) {

    static CapturedFrame of(Frame frame) {
        return new CapturedFrame(frame.timestampNanos(), frame.linkType(), frame.interfaceId(),
                HexFormat.of().formatHex(frame.data(), 0, frame.length()), frame.wireLength());
    }

    static CapturedFrame of(long timestampNanos, int linkType, int interfaceId, byte[] data, int wireLength) {
        return new CapturedFrame(timestampNanos, linkType, interfaceId, HexFormat.of().formatHex(data), wireLength);
    }

    int length() {
        return hex.length() / 2;
    }

    /** Reads the source to its end in batches of {@code batch} frames. */
    static List<CapturedFrame> readAll(CaptureSource source, int batch) throws IOException {
        List<CapturedFrame> frames = new ArrayList<>();
        while (source.read(frame -> frames.add(of(frame)), batch) != -1) {
            // until exhausted
        }
        return frames;
    }

    static List<CapturedFrame> readAll(CaptureSource source) throws IOException {
        return readAll(source, 1000);
    }

    /** "1427823695.039540000" (tshark's frame.time_epoch) as nanoseconds since the epoch. */
    static long epochNanos(String epoch) {
        return new BigDecimal(epoch).movePointRight(9).longValueExact();
    }
}
