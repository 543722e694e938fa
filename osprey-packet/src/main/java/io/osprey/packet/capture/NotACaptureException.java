package io.osprey.packet.capture;

import java.io.IOException;

/** The input is not a pcap, pcapng or gzip-compressed capture at all. The message is one line for the user. */
public final class NotACaptureException extends IOException {
    public NotACaptureException(String message) {
        super(message);
    }
}
