package io.osprey.dissect.tcpfp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the TCP fingerprint dissector with Jazzer. A normal {@code test} run replays the seeds
 * in src/test/resources/io/osprey/dissect/tcpfp/TcpFingerprintFuzzTestInputs/ (if any) and a default input;
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}. The input drives the IP and TCP header fields and is the
 * raw TCP options area.
 */
class TcpFingerprintFuzzTest {

    @FuzzTest(maxDuration = "12s")
    void dissectArbitrarySyns(FuzzedDataProvider data) {
        SynFrame f = data.consumeBoolean() ? SynFrame.synAck() : SynFrame.syn();
        f.version = data.consumeBoolean() ? 4 : 6;
        f.ttl = data.consumeInt(0, 255);
        f.df = data.consumeBoolean();
        f.reservedFlag = data.consumeBoolean();
        f.id = data.consumeInt(0, 0xffff);
        f.tos = data.consumeInt(0, 255);
        f.flowLabel = data.consumeInt(0, 0xfffff);
        f.flags = data.consumeInt(0, 255) | 0x02;
        f.seq = data.consumeLong() & 0xffffffffL;
        f.ack = data.consumeLong() & 0xffffffffL;
        f.window = data.consumeInt(0, 0xffff);
        f.urgentPointer = data.consumeInt(0, 0xffff);
        f.ipOptions = data.consumeBytes(40);
        f.payload = data.consumeBytes(16);
        f.tcpOptions = data.consumeRemainingAsBytes();
        if (f.tcpOptions.length > 40) f.tcpOptions = java.util.Arrays.copyOf(f.tcpOptions, 40);
        TcpFingerprintProperties.wellFormed(
                TcpFingerprintDissectorTest.feed(new TcpFingerprintDissector(), f.build()));
    }
}
