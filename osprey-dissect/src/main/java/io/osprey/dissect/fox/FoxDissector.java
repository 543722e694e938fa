package io.osprey.dissect.fox;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;

/**
 * Niagara Fox (Tridium Niagara AX / N4) on TCP 1911: the plain-text hello each side sends when a connection opens.
 * Fox over TLS (4911) is not readable and is not claimed.
 *
 * <p>No public specification exists; the layout below is as seen on the wire (fox_info.pcap) and as the nmap
 * fox-info script writes it. A message is a header line, a brace-delimited body of {@code key=type:value} lines
 * (type {@code s} string, {@code i} integer, {@code b} blob and {@code o} object with a length and brackets), and
 * {@code };;}:
 * <pre>
 * fox a 1 -1 fox hello
 * {
 * fox.version=s:1.0
 * hostName=s:xpvm-0omdc01xmy
 * app.name=s:Workbench
 * app.version=s:3.7.44
 * ...
 * };;
 * </pre>
 * The string values of a hello are reported about the sender (client hello: the Workbench; server hello: the
 * station). A Fox message from the server port proves the {@link Observation.Service}. Other ports are claimed
 * by {@link #detect} when the first payload opens like a Fox message.
 */
public final class FoxDissector implements Dissector {
    public static final String NAME = "fox";
    /** The registered Fox port (IANA "niagara-fox"). */
    public static final int PORT = 1911;
    static final String MESSAGE = "fox a ";
    static final String HELLO = "fox hello";
    /** Octets of the header line searched for "fox hello". */
    public static final int MAX_HEADER_LENGTH = 64;
    /** Body lines read per message: a hello has about 20. */
    public static final int MAX_LINES = 64;
    /** Octets of a value kept. */
    public static final int MAX_VALUE_LENGTH = 128;
    /** Packets of a connection examined: the hellos are the first payload each way. */
    public static final int PAYLOAD_PACKETS = 6;

    /** The hello keys reported, each with the string type tag, and their attributes (same order). */
    private static final String[] KEYS = {"hostName=s:", "hostAddress=s:", "app.name=s:", "app.version=s:",
            "vm.name=s:", "vm.version=s:", "os.name=s:", "os.version=s:", "station.name=s:", "brandId=s:",
            "hostId=s:"};
    private static final String[] ATTRIBUTES = {FoxAttributes.HOST_NAME, FoxAttributes.HOST_ADDRESS,
            FoxAttributes.APP_NAME, FoxAttributes.APP_VERSION, FoxAttributes.VM_NAME, FoxAttributes.VM_VERSION,
            FoxAttributes.OS_NAME, FoxAttributes.OS_VERSION, FoxAttributes.STATION_NAME, FoxAttributes.BRAND_ID,
            FoxAttributes.HOST_ID};

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private long malformed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).andHeuristic().withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public boolean detect(Payload payload, FlowView flow) {
        return payload.startsWith(0, MESSAGE);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp() || !payload.startsWith(0, MESSAGE)) return;
        int src = packet.srcPort(), dst = packet.dstPort();
        boolean fromServer = src == PORT && dst != PORT
                || src != PORT && dst != PORT && flow.exists() && !flow.fromClient();
        boolean fromClient = dst == PORT && src != PORT
                || src != PORT && dst != PORT && flow.exists() && flow.fromClient();
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (fromServer || fromClient) {
            value.clear().append(fromServer ? FoxAttributes.ROLE_SERVER : FoxAttributes.ROLE_CLIENT);
            reported.attribute(sink, mac, hi, lo, FoxAttributes.ROLE, value, FoxAttributes.SEEN, ts);
        }
        if (fromServer) reported.service(sink, mac, hi, lo, src, Observation.Transport.TCP, NAME, ts);
        int eol = payload.indexOf('\n', 0);
        if (eol < 0 || eol > MAX_HEADER_LENGTH) {
            malformed++;
            return;
        }
        if (!isHello(payload, eol)) return;
        int line = eol + 1;
        for (int n = 0; n < MAX_LINES && line < payload.length(); n++) {
            int next = payload.indexOf('\n', line);
            int end = next < 0 ? payload.length() : next;
            if (payload.startsWith(line, "};;")) return;
            for (int k = 0; k < KEYS.length; k++) {
                if (payload.startsWith(line, KEYS[k])) {
                    if (text(payload, line + KEYS[k].length(), end)) {
                        reported.attribute(sink, mac, hi, lo, ATTRIBUTES[k], value, FoxAttributes.STATED, ts);
                    }
                    break;
                }
            }
            if (next < 0) return; // the rest is in a later segment, or cut
            line = next + 1;
        }
    }

    /** The header line ends with the command "fox hello" (a trailing CR tolerated). */
    private static boolean isHello(Payload payload, int eol) {
        int end = payload.u8(eol - 1) == '\r' ? eol - 1 : eol;
        return end - HELLO.length() >= MESSAGE.length() && payload.startsWith(end - HELLO.length(), HELLO);
    }

    /** The value octets [at, end) trimmed, control characters escaped, capped; true when non-empty. */
    private boolean text(Payload payload, int at, int end) {
        value.clear();
        int from = at, to = end;
        while (from < to && payload.u8(from) == ' ') from++;
        while (to > from && (payload.u8(to - 1) == ' ' || payload.u8(to - 1) == '\r')) to--;
        for (int q = from; q < to && value.length() < MAX_VALUE_LENGTH; q++) value.appendText(payload.u8(q));
        return !value.isEmpty();
    }

    /** Fox messages whose header line did not end within {@link #MAX_HEADER_LENGTH} octets. */
    public long malformed() { return malformed; }
}
