package io.osprey.dissect.ipp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing of the IPP dissector with Jazzer, called directly: after a Get-Printer-Attributes request,
 * the input is split into up to three in-order segments of the printer's answer (the first starts with an HTTP head
 * when the input asks for one). A normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for
 * {@code maxDuration}.
 */
class IppFuzzTest {
    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryResponses(FuzzedDataProvider input) {
        DirectRun run = new DirectRun(new IppDissector());
        run.dissect(IppWire.segment(IppWire.CLIENT, 50000, 631, 1, IppDissectorTest.post(IppDissectorTest.request(0x000b))));
        boolean chunked = input.consumeBoolean();
        int cut1 = input.consumeInt(0, 2000);
        int cut2 = input.consumeInt(0, 2000);
        byte[] body = input.consumeRemainingAsBytes();
        byte[] all = IppWire.concat(IppWire.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/ipp\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "") + "\r\n"), body);
        int a = Math.min(cut1, all.length), b = Math.min(Math.max(a, cut2), all.length);
        run.dissect(IppWire.segment(IppWire.PRINTER, 631, 50000, 1, IppWire.slice(all, 0, a)));
        run.dissect(IppWire.segment(IppWire.PRINTER, 631, 50000, 1 + a, IppWire.slice(all, a, b)));
        run.dissect(IppWire.segment(IppWire.PRINTER, 631, 50000, 1 + b, IppWire.slice(all, b, all.length)));
    }
}
