package io.osprey.packet.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What tshark 4.0.17 prints for the fixtures made from enip_test.pcap (see fixtures/SOURCES.md), recorded with
 * {@code tshark -r F -T fields -e frame.time_epoch -e frame.interface_id -e frame.cap_len -e frame.len}.
 */
final class EnipFixture {
    static final String[] EPOCHS = {
        "1427823695.000000000", "1427823695.039540000", "1427823695.040628000", "1427823695.079705000",
        "1427823695.079782000", "1427823695.089710000", "1427823695.129679000", "1427823695.130136000",
        "1427823695.168451000", "1427823695.169344000", "1427823700.543195000",
    };
    /** The same, 123 ns later (editcap -t 0.000000123 -F nsecpcap). */
    static final String[] EPOCHS_PLUS_123NS = {
        "1427823695.000000123", "1427823695.039540123", "1427823695.040628123", "1427823695.079705123",
        "1427823695.079782123", "1427823695.089710123", "1427823695.129679123", "1427823695.130136123",
        "1427823695.168451123", "1427823695.169344123", "1427823700.543195123",
    };
    static final int[] CAPTURED_LENGTHS = {58, 58, 66, 62, 54, 78, 129, 54, 54, 54, 58};
    static final int[] WIRE_LENGTHS = {62, 62, 70, 66, 58, 82, 133, 58, 58, 58, 62};

    /**
     * three-interfaces-ether-nsec-rawip-usec-wpan.pcapng, one row per frame: interface id, frame.time_epoch,
     * cap_len, len. Interface 2 is IEEE 802.15.4 (link type 195), which Osprey skips.
     */
    static final String[] THREE_INTERFACES = {
        "2 1281120790.000056000 50 50", "2 1281120790.000056000 50 50", "2 1281120790.000056000 82 82",
        "2 1281120790.000056000 5 5", "2 1281120790.000056000 12 12",
        "1 1427823695.000000000 44 62", "0 1427823695.000000123 58 62", "1 1427823695.039540000 44 62",
        "0 1427823695.039540123 58 62", "1 1427823695.040628000 52 70", "0 1427823695.040628123 66 70",
        "1 1427823695.079705000 48 66", "0 1427823695.079705123 62 66", "1 1427823695.079782000 40 58",
        "0 1427823695.079782123 54 58", "1 1427823695.089710000 64 82", "0 1427823695.089710123 78 82",
        "1 1427823695.129679000 115 133", "0 1427823695.129679123 129 133", "1 1427823695.130136000 40 58",
        "0 1427823695.130136123 54 58", "1 1427823695.168451000 40 58", "0 1427823695.168451123 54 58",
        "1 1427823695.169344000 40 58", "0 1427823695.169344123 54 58", "1 1427823700.543195000 44 62",
        "0 1427823700.543195123 58 62",
    };

    private EnipFixture() {}

    /** Copies a fixture from the test resources into {@code dir} (the readers take paths) and returns its path. */
    static Path copy(String name, Path dir) {
        Path target = dir.resolve(name);
        try (InputStream in = EnipFixture.class.getResourceAsStream("/fixtures/capture/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
