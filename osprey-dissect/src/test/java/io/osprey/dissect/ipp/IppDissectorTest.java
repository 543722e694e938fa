package io.osprey.dissect.ipp;

import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.osprey.dissect.ipp.IppWire.CLIENT;
import static io.osprey.dissect.ipp.IppWire.PRINTER;
import static io.osprey.dissect.ipp.IppWire.ascii;
import static io.osprey.dissect.ipp.IppWire.concat;
import static io.osprey.dissect.ipp.IppWire.segment;
import static io.osprey.dissect.ipp.IppWire.slice;
import static org.assertj.core.api.Assertions.assertThat;

/** IPP over HTTP (RFC 8010 §3-4, RFC 8011 attributes), hand-built and from a real HP printer and CUPS client. */
class IppDissectorTest {
    static final String C = "00:1b:63:98:bf:36/10.10.10.49 ";
    static final String P = "00:12:79:80:69:60/10.10.10.251 ";

    static byte[] request(int operation) {
        return IppWire.message(operation)
                .attribute(0x45, "printer-uri", "ipp://10.10.10.251:631/ipp/")
                .attribute(0x42, "requesting-user-name", "alice")
                .attribute(0x44, "requested-attributes", "all").end();
    }

    static byte[] printerAttributes() {
        return IppWire.message(0x0000).group(0x04)
                .attribute(0x45, "printer-uri-supported", "ipp://10.10.10.251:631/ipp/")
                .attribute(0x45, "", "ipps://10.10.10.251:443/ipp/")
                .attribute(0x42, "printer-name", "HP_LaserJet_4250")
                .withLanguage(0x35, "printer-info", "en", "HP LaserJet 4250 - 2nd floor")
                // a collection whose member is named like a printer attribute (§3.1.6): not the printer's
                .attribute(0x34, "media-col-default", new byte[0])
                .attribute(0x4a, "", "printer-make-and-model").attribute(0x41, "", "Not A Printer")
                .attribute(0x37, "", new byte[0])
                .attribute(0x41, "printer-make-and-model", "  HP LaserJet 4250 ")
                .attribute(0x41, "printer-device-id",
                        "MFG:Hewlett-Packard;CMD:PJL,MLC,PCL,PCLXL,POSTSCRIPT;MDL:HP LaserJet 4250;CLS:PRINTER;")
                .attribute(0x42, "printer-firmware-name", "BOOTROM")
                .attribute(0x41, "printer-firmware-string-version", "20190809")
                .attribute(0x30, "printer-firmware-version", new byte[] {2, 0, 19, 8})
                .attribute(0x45, "printer-uuid", "urn:uuid:16a65700-007c-1000-bb49-001279806960")
                .attribute(0x49, "document-format-supported", "application/vnd.hp-PCL")
                .attribute(0x49, "", "application/postscript")
                .attribute(0x21, "printer-state", new byte[] {0, 0, 0, 3}).end();
    }

    static byte[] post(byte[] body) {
        return concat(ascii("POST /ipp/ HTTP/1.1\r\nContent-Length: " + body.length
                + "\r\nContent-Type: application/ipp\r\nHost: 10.10.10.251\r\nUser-Agent: CUPS/2.4.2 (Linux 6.1; x86_64) IPP/2.0\r\n\r\n"), body);
    }

    static byte[] ok(byte[] body) {
        return concat(ascii("HTTP/1.1 200 OK\r\nServer: CUPS/2.4 IPP/2.1\r\nContent-Type: application/ipp\r\nContent-Length: "
                + body.length + "\r\n\r\n"), body);
    }

    static Observed handshake() {
        Observed o = new Observed(new IppDissector());
        o.feed(CLIENT, CLIENT.tcp(50000, 631, SyntheticFrame.SYN));
        o.feed(PRINTER, PRINTER.tcp(631, 50000, SyntheticFrame.SYN | SyntheticFrame.ACK));
        return o;
    }

    @Test
    void getPrinterAttributesResponseDescribesThePrinter() {
        // RFC 8011 §4.2.5 Get-Printer-Attributes; the response split over three segments after its HTTP head
        Observed o = handshake();
        o.feed(CLIENT, segment(CLIENT, 50000, 631, 1, post(request(0x000b))));
        byte[] response = ok(printerAttributes());
        int a = 120, b = 300;
        o.feed(PRINTER, segment(PRINTER, 631, 50000, 1, slice(response, 0, a)));
        o.feed(PRINTER, segment(PRINTER, 631, 50000, 1 + a, slice(response, a, b)));
        o.feed(PRINTER, segment(PRINTER, 631, 50000, 1 + a, slice(response, a, b))); // a retransmission
        o.feed(PRINTER, segment(PRINTER, 631, 50000, 1 + b, slice(response, b, response.length)));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(o.facts()).containsExactlyInAnyOrder(
                C + "http.userAgent=CUPS/2.4.2 (Linux 6.1; x86_64) IPP/2.0",
                C + "ipp.operation=Get-Printer-Attributes",
                P + "http.server=CUPS/2.4 IPP/2.1",
                P + "ipp.deviceId.cmd=PJL,MLC,PCL,PCLXL,POSTSCRIPT",
                P + "ipp.deviceId.mdl=HP LaserJet 4250",
                P + "ipp.deviceId.mfg=Hewlett-Packard",
                P + "ipp.deviceId=MFG:Hewlett-Packard;CMD:PJL,MLC,PCL,PCLXL,POSTSCRIPT;MDL:HP LaserJet 4250;CLS:PRINTER;",
                P + "ipp.documentFormat=application/postscript",
                P + "ipp.documentFormat=application/vnd.hp-PCL",
                P + "ipp.firmwareName=BOOTROM",
                P + "ipp.firmwareStringVersion=20190809",
                P + "ipp.firmwareVersion=02001308",
                P + "ipp.info=HP LaserJet 4250 - 2nd floor",
                P + "ipp.makeAndModel=HP LaserJet 4250",
                P + "ipp.name=HP_LaserJet_4250",
                P + "ipp.uriSupported=ipp://10.10.10.251:631/ipp/",
                P + "ipp.uriSupported=ipps://10.10.10.251:443/ipp/",
                P + "ipp.uuid=urn:uuid:16a65700-007c-1000-bb49-001279806960");
        assertThat(o.services()).containsExactly("10.10.10.251 631/tcp ipp");
        assertThat(o.attributes()).as("user names are never reported").noneMatch(x -> x.value().contains("alice"));
    }

    @Test
    void chunkedResponseAfterContinue() {
        // RFC 9110 §10.1.1 Expect: 100-continue; RFC 9112 §7.1 chunked, with a chunk extension and chunks split
        byte[] body = printerAttributes();
        Observed o = handshake();
        byte[] req = request(0x000b);
        byte[] head = ascii("POST /ipp/print HTTP/1.1\r\nContent-Type: application/ipp\r\nExpect: 100-continue\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        o.feed(CLIENT, segment(CLIENT, 50000, 631, 1, head));
        byte[] chunkedRequest = concat(ascii(Integer.toHexString(req.length) + "\r\n"), req, ascii("\r\n0\r\n\r\n"));
        o.feed(PRINTER, segment(PRINTER, 631, 50000, 1, ascii("HTTP/1.1 100 Continue\r\n\r\n")));
        o.feed(CLIENT, segment(CLIENT, 50000, 631, 1 + head.length, chunkedRequest));
        byte[] respHead = ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/ipp\r\n\r\n");
        byte[] chunks = concat(ascii("40;x=y\r\n"), slice(body, 0, 0x40), ascii("\r\n"),
                ascii(Integer.toHexString(body.length - 0x40).toUpperCase() + "\r\n"), slice(body, 0x40, body.length),
                ascii("\r\n0\r\n\r\n"));
        long seq = 1 + 25;
        o.feed(PRINTER, segment(PRINTER, 631, 50000, seq, respHead));
        seq += respHead.length;
        for (int at = 0; at < chunks.length; at += 37) {
            byte[] part = slice(chunks, at, Math.min(chunks.length, at + 37));
            o.feed(PRINTER, segment(PRINTER, 631, 50000, seq, part));
            seq += part.length;
        }
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(o.values(IppAttributes.MAKE_AND_MODEL)).containsExactly("HP LaserJet 4250");
        assertThat(o.values(IppAttributes.DOCUMENT_FORMAT)).containsExactly("application/postscript", "application/vnd.hp-PCL");
        assertThat(o.values(IppAttributes.DEVICE_ID_MDL)).containsExactly("HP LaserJet 4250");
    }

    @Test
    void aGapEndsTheStream() {
        Observed o = handshake();
        o.feed(CLIENT, segment(CLIENT, 50000, 631, 1, post(request(0x000b))));
        byte[] response = ok(printerAttributes());
        o.feed(PRINTER, segment(PRINTER, 631, 50000, 1, slice(response, 0, 260)));
        o.feed(PRINTER, segment(PRINTER, 631, 50000, 1 + 400, slice(response, 400, response.length)));
        assertThat(o.values(IppAttributes.MAKE_AND_MODEL)).isEmpty();
        assertThat(o.values(IppAttributes.URI_SUPPORTED)).as("what arrived in order is read").isNotEmpty();
    }

    @Test
    void onlyGetPrinterAttributesResponsesDescribeThePrinter() {
        // CUPS-Get-Printers (0x4002) lists the queues of a CUPS server, printers elsewhere
        Observed o = handshake();
        o.feed(CLIENT, segment(CLIENT, 50000, 631, 1, post(request(0x4002))));
        o.feed(PRINTER, segment(PRINTER, 631, 50000, 1, ok(printerAttributes())));
        assertThat(o.values(IppAttributes.OPERATION)).containsExactly("CUPS-Get-Printers");
        assertThat(o.values(IppAttributes.MAKE_AND_MODEL)).isEmpty();
        assertThat(o.services()).containsExactly("10.10.10.251 631/tcp ipp");
    }

    @Test
    void aResponseWhoseRequestWasNotSeenIsNotRead() {
        Observed o = handshake();
        o.feed(PRINTER, segment(PRINTER, 631, 50000, 1, ok(printerAttributes())));
        assertThat(o.values(IppAttributes.MAKE_AND_MODEL)).isEmpty();
        assertThat(o.values("http.server")).containsExactly("CUPS/2.4 IPP/2.1");
    }

    @Test
    void unknownOperationsAreReportedInHex() {
        Observed o = handshake();
        o.feed(CLIENT, segment(CLIENT, 50000, 631, 1, post(request(0x7abc))));
        assertThat(o.values(IppAttributes.OPERATION)).containsExactly("0x7abc");
    }

    @Test
    void otherHttpOnThePortIsNotIpp() {
        Observed o = handshake();
        o.feed(CLIENT, segment(CLIENT, 50000, 631, 1, ascii("GET /printers/ HTTP/1.1\r\nHost: x\r\n\r\n")));
        o.feed(PRINTER, segment(PRINTER, 631, 50000, 1, ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>")));
        o.feed(CLIENT, segment(CLIENT, 50000, 631, 40, ascii("POST /ipp/ HTTP/1.1\r\nContent-Type: application/ipp\r\n\r\n")
                .clone()));
        o.feed(CLIENT, segment(CLIENT, 50000, 631, 200, new byte[] {9, 9, 0, 11, 0, 0, 0, 1, 3}));
        assertThat(o.values(IppAttributes.OPERATION)).as("version 9 is no IPP").isEmpty();
        assertThat(o.services()).isEmpty();
    }

    @Test
    void hpPrinterAndCupsClientCaptureMatchesTshark() {
        // tshark -r hp-printer-cups-ipp.pcap -Y ipp -T fields -e ip.src -e ipp.operation_id -e http.server -e http.user_agent;
        // document-format-supported from the Get-Printer-Attributes response (frame 13 of the original capture)
        Observed o = new Observed(new IppDissector()).capture(Web.fixture("ipp/hp-printer-cups-ipp.pcap"));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(o.facts()).containsExactlyInAnyOrder(
                C + "http.userAgent=CUPS/1.3.4",
                C + "ipp.operation=Get-Job-Attributes",
                C + "ipp.operation=Get-Printer-Attributes",
                P + "http.server=Virata-EmWeb/R6_2_1",
                P + "ipp.documentFormat=application/octet-stream",
                P + "ipp.documentFormat=application/postscript",
                P + "ipp.documentFormat=application/vnd.hp-PCL",
                P + "ipp.documentFormat=text/plain",
                P + "ipp.documentFormat=text/plain; charset=US-ASCII");
        assertThat(o.services()).containsExactly("10.10.10.251 631/tcp ipp");
    }

    @Test
    void wholeSharedCaptureAddsThePrintJob() {
        Path pcaps = Path.of("..", "..", "shared", "data", "pcaps");
        Assumptions.assumeTrue(Files.isDirectory(pcaps), "../shared/data/pcaps absent: skipped");
        Observed o = new Observed(new IppDissector()).capture(pcaps.resolve("ndpi/ipp.pcap"));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(o.values(IppAttributes.OPERATION)).containsExactly("Get-Job-Attributes", "Get-Printer-Attributes",
                "Print-Job");
        assertThat(o.values("http.server")).containsExactly("Virata-EmWeb/R6_2_1");
    }
}
