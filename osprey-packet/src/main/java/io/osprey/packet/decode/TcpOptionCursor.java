package io.osprey.packet.decode;

import static io.osprey.packet.decode.Bytes.u8;

/**
 * Walks the options of a TCP header in wire order without allocating (p0f-style fingerprints depend on
 * the exact order). Typical use:
 *
 * <pre>{@code
 * TcpOptionCursor c = packet.tcp().options();
 * while (c.next()) { switch (c.kind()) { ... c.valueOffset() ... } }
 * if (c.malformed()) { ... }
 * }</pre>
 *
 * An end-of-list option is reported once and ends the walk; {@link #remainingBytes()} then tells how much
 * padding followed it. An option whose length byte is missing, below 2, or runs past the header ends the
 * walk with {@link #malformed()} set, as RFC 9293 §3.1 leaves no way to skip it.
 */
public final class TcpOptionCursor {
    private byte[] data;
    private int position;
    private int end;
    private int kind;
    private int optionOffset;
    private int optionLength;
    private boolean malformed;

    /** Rewinds the cursor to the first option of {@code tcp}'s header, clipped to the captured bytes. */
    public TcpOptionCursor reset(TcpView tcp) {
        this.data = tcp.data();
        this.position = tcp.optionsOffset();
        this.end = position + tcp.optionsLength();
        this.kind = -1;
        this.optionOffset = -1;
        this.optionLength = 0;
        this.malformed = false;
        return this;
    }

    /** Moves to the next option; false at the end of the options or at a malformed one. */
    public boolean next() {
        if (position >= end) {
            return false;
        }
        int k = u8(data, position);
        int len;
        if (k == TcpView.OPTION_EOL || k == TcpView.OPTION_NOP) {
            len = 1;
        } else {
            if (position + 1 >= end) {
                return fail();
            }
            len = u8(data, position + 1);
            if (len < 2 || position + len > end) {
                return fail();
            }
        }
        kind = k;
        optionOffset = position;
        optionLength = len;
        position = k == TcpView.OPTION_EOL ? end : position + len;
        return true;
    }

    private boolean fail() {
        malformed = true;
        position = end;
        return false;
    }

    public int kind() { return kind; }
    /** Total length of the option, kind and length bytes included (1 for end-of-list and no-op). */
    public int length() { return optionLength; }
    /** Absolute offset of the option's kind byte in the frame. */
    public int offset() { return optionOffset; }
    /** Absolute offset of the option's value (after kind and length). */
    public int valueOffset() { return optionLength == 1 ? optionOffset + 1 : optionOffset + 2; }
    public int valueLength() { return optionLength == 1 ? 0 : optionLength - 2; }
    /** Bytes of the options area after the current option (after end-of-list: its padding). */
    public int remainingBytes() { return end - (optionOffset + optionLength); }
    /** True when the walk stopped at an option it could not delimit. */
    public boolean malformed() { return malformed; }
}
