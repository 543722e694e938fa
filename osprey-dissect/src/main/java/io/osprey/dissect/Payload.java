package io.osprey.dissect;

import java.nio.charset.StandardCharsets;

/**
 * A read-only window over a packet's application bytes. Getters take offsets relative to the start of the
 * payload and never read outside it: out-of-range reads return -1, so dissectors of truncated packets check
 * {@link #has} (or the -1) instead of catching exceptions. Reused for every packet.
 */
public final class Payload {
    private byte[] data = new byte[0];
    private int offset;
    private int length;

    /** Positions the window; used by the pipeline (and by tests). */
    public Payload wrap(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = Math.max(0, Math.min(length, data.length - offset));
        return this;
    }

    public int length() { return length; }

    /** True when {@code n} bytes from {@code at} are inside the payload. */
    public boolean has(int at, int n) { return at >= 0 && n >= 0 && at <= length - n; }

    public int u8(int at) { return has(at, 1) ? data[offset + at] & 0xff : -1; }

    public int u16(int at) { return has(at, 2) ? (data[offset + at] & 0xff) << 8 | data[offset + at + 1] & 0xff : -1; }

    public int u16le(int at) { return has(at, 2) ? (data[offset + at + 1] & 0xff) << 8 | data[offset + at] & 0xff : -1; }

    public long u32(int at) {
        return has(at, 4) ? (long) u16(at) << 16 | u16(at + 2) : -1;
    }

    /** True when the payload holds {@code prefix} (ASCII) at {@code at}. */
    public boolean startsWith(int at, String prefix) {
        if (!has(at, prefix.length())) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (data[offset + at + i] != (byte) prefix.charAt(i)) return false;
        }
        return true;
    }

    /** Index of byte {@code b} at or after {@code from}, or -1. */
    public int indexOf(int b, int from) {
        for (int i = Math.max(0, from); i < length; i++) {
            if ((data[offset + i] & 0xff) == b) return i;
        }
        return -1;
    }

    /** Copies {@code n} bytes from {@code at} into {@code dst}; returns the number copied. */
    public int copy(int at, byte[] dst, int dstOffset, int n) {
        if (at < 0 || at >= length) return 0;
        int m = Math.min(Math.min(n, length - at), dst.length - dstOffset);
        System.arraycopy(data, offset + at, dst, dstOffset, m);
        return m;
    }

    /** Text of {@code n} bytes from {@code at}, decoded as ISO-8859-1 so any byte maps to one char; allocates. */
    public String latin1(int at, int n) {
        if (at < 0 || at >= length) return "";
        return new String(data, offset + at, Math.min(n, length - at), StandardCharsets.ISO_8859_1);
    }

    /** Text of {@code n} bytes from {@code at} as UTF-8 (malformed sequences become U+FFFD); allocates. */
    public String utf8(int at, int n) {
        if (at < 0 || at >= length) return "";
        return new String(data, offset + at, Math.min(n, length - at), StandardCharsets.UTF_8);
    }
}
