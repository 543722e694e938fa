package io.osprey.dissect.ipp;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.http.Web;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random segments through the IPP dissector, called directly. */
class IppRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(Web.fixture("ipp/hp-printer-cups-ipp.pcap")));
        REAL.add(IppWire.segment(IppWire.CLIENT, 50000, 631, 1, IppDissectorTest.post(IppDissectorTest.request(0x000b))));
        REAL.add(IppWire.segment(IppWire.PRINTER, 631, 50000, 1, IppDissectorTest.ok(IppDissectorTest.printerAttributes())));
    }

    @Test
    void everyTruncationOfEverySegmentIsHandledWithoutThrowing() {
        DirectRun run = new DirectRun(new IppDissector());
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(5_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 2000)
    void randomBodiesAfterAnIppHeadNeverThrow(@ForAll @Size(max = 600) byte[] body, @ForAll boolean response,
                                              @ForAll boolean chunked) {
        IppDissector d = new IppDissector();
        DirectRun run = new DirectRun(d);
        String te = chunked ? "Transfer-Encoding: chunked\r\n" : "";
        if (response) {
            // the client's Get-Printer-Attributes first, so that the response is read
            run.dissect(IppWire.segment(IppWire.CLIENT, 50000, 631, 1, IppDissectorTest.post(IppDissectorTest.request(0x000b))));
            run.dissect(IppWire.segment(IppWire.PRINTER, 631, 50000, 1, IppWire.concat(
                    IppWire.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/ipp\r\n" + te + "\r\n"), body)));
        } else {
            run.dissect(IppWire.segment(IppWire.CLIENT, 50000, 631, 1, IppWire.concat(
                    IppWire.ascii("POST / HTTP/1.1\r\nContent-Type: application/ipp\r\n" + te + "\r\n"), body)));
        }
    }

    @Property(tries = 1000)
    void realSegmentsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                                @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                                @ForAll @Size(min = 8, max = 8) byte[] values) {
        DirectRun run = new DirectRun(new IppDissector());
        run.dissect(REAL.get(REAL.size() - 2));
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 54 + positions.get(i) % Math.max(1, frame.length - 54))] = values[i];
        }
        run.dissect(frame);
    }
}
