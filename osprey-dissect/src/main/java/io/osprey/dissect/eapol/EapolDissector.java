package io.osprey.dissect.eapol;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.EtherTypes;
import io.osprey.packet.decode.Packet;

/**
 * Port-based network access control, 802.1X (IEEE 802.1X-2010 §11): EAPOL frames, EtherType 0x888E, and the EAP
 * packets they carry (RFC 3748 §4). The sender of EAPOL-Start or -Logoff, or of an EAP Response, is a supplicant;
 * the sender of an EAP Request, Success or Failure is an authenticator (a switch port or access point); Requests
 * and Responses name the EAP method. EAPOL-Key frames (also the WPA handshake, which needs no 802.1X) and the
 * MKA and announcement frames are not reported.
 *
 * <pre>
 * EAPOL PDU (§11.3): protocol version 1 | packet type 1 | packet body length 2 | body
 * EAP packet (RFC 3748 §4): code 1 | identifier 1 | length 2 | type 1 (Request and Response) | type-data
 * </pre>
 */
public final class EapolDissector implements Dissector {
    public static final String NAME = "eapol";
    /** §11.3.2 packet types. */
    static final int EAP_PACKET = 0, START = 1, LOGOFF = 2;
    /** RFC 3748 §4 codes. */
    static final int REQUEST = 1, RESPONSE = 2, SUCCESS = 3, FAILURE = 4;
    static final int EAPOL_HEADER_LENGTH = 4;
    static final int EAP_HEADER_LENGTH = 4;
    /** EAP methods per host reported: a supplicant tries a few until one is accepted. */
    public static final int MAX_METHODS_PER_HOST = 16;
    /** Versions per host reported (one in practice). */
    public static final int MAX_VERSIONS_PER_HOST = 4;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, true);
    private long malformed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forEtherTypes(EtherTypes.EAPOL);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (packet.etherType() != EtherTypes.EAPOL) return;
        int version = payload.u8(0);
        int type = payload.u8(1);
        int bodyLength = payload.u16(2);
        if (bodyLength < 0 || version < 1) {
            malformed++;
            return;
        }
        long mac = packet.srcMac(), ts = packet.timestampNanos();
        if (type == START || type == LOGOFF) {
            role(EapolAttributes.SUPPLICANT, version, mac, ts, sink);
            return;
        }
        if (type != EAP_PACKET) return;
        int code = payload.u8(EAPOL_HEADER_LENGTH);
        int eapLength = payload.u16(EAPOL_HEADER_LENGTH + 2);
        if (eapLength < EAP_HEADER_LENGTH || eapLength > bodyLength) {
            malformed++;
            return;
        }
        switch (code) {
            case REQUEST, RESPONSE -> {
                role(code == REQUEST ? EapolAttributes.AUTHENTICATOR : EapolAttributes.SUPPLICANT, version, mac, ts,
                        sink);
                int method = eapLength > EAP_HEADER_LENGTH ? payload.u8(EAPOL_HEADER_LENGTH + EAP_HEADER_LENGTH) : -1;
                if (method > 0) {
                    value.clear().append(EapMethods.name(method));
                    reported.attribute(sink, mac, 0, 0, EapolAttributes.EAP_METHOD, value, MAX_METHODS_PER_HOST,
                            EapolAttributes.SEEN, ts);
                }
            }
            case SUCCESS, FAILURE -> role(EapolAttributes.AUTHENTICATOR, version, mac, ts, sink);
            default -> malformed++;
        }
    }

    /** EAPOL frames too short for their header or with an EAP length that does not fit. */
    public long malformed() { return malformed; }

    private void role(String attribute, int version, long mac, long ts, ObservationSink sink) {
        // §11.3.1: version 1 is 802.1X-2001, 2 is 802.1X-2004, 3 is 802.1X-2010
        switch (version) {
            case 1 -> value.clear().append("802.1X-2001");
            case 2 -> value.clear().append("802.1X-2004");
            case 3 -> value.clear().append("802.1X-2010");
            default -> value.clear().append("version-").appendDecimal(version);
        }
        reported.attribute(sink, mac, 0, 0, attribute, value, MAX_VERSIONS_PER_HOST, EapolAttributes.SEEN, ts);
    }
}
