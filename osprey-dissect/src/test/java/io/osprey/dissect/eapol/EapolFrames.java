package io.osprey.dissect.eapol;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Observation;
import io.osprey.dissect.Payload;
import io.osprey.packet.capture.LinkType;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.decode.PacketDecoder;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** EAPOL frames (IEEE 802.1X-2010 §11.3) to the PAE group address, and a direct call of the dissector. */
final class EapolFrames {
    static final String SUPPLICANT = "00:04:23:57:a5:7a";
    static final String AUTHENTICATOR = "00:0c:ce:88:31:9a";
    static final String PAE_GROUP = "01:80:c2:00:00:03";

    private EapolFrames() {}

    static byte[] eapol(String src, int version, int type, int... body) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        mac(e, PAE_GROUP); mac(e, src); e.write(0x88); e.write(0x8e);
        e.write(version); e.write(type); e.write(body.length >>> 8); e.write(body.length);
        for (int b : body) e.write(b);
        while (e.size() < 60) e.write(0);
        return e.toByteArray();
    }

    /** An EAP packet (RFC 3748 §4) of {@code code} with {@code typeAndData} after the 4-octet header. */
    static byte[] eap(String src, int code, int... typeAndData) {
        int length = 4 + typeAndData.length;
        int[] body = new int[length];
        body[0] = code; body[1] = 7; body[2] = length >>> 8; body[3] = length & 0xff;
        System.arraycopy(typeAndData, 0, body, 4, typeAndData.length);
        return eapol(src, 2, 0, body);
    }

    static int[] text(int type, String s) {
        int[] r = new int[1 + s.length()];
        r[0] = type;
        for (int i = 0; i < s.length(); i++) r[i + 1] = s.charAt(i);
        return r;
    }

    /** Decodes {@code length} bytes and hands the network-layer payload to the dissector, as the pipeline would. */
    static void dissect(Dissector d, byte[] frame, int length, List<Observation> out) {
        Packet packet = new Packet();
        if (!new PacketDecoder().decode(frame, length, frame.length, 1_700_000_000_000_000_000L, LinkType.ETHERNET, packet)) return;
        if (packet.l3Offset() < 0) return;
        Payload p = new Payload().wrap(packet.data(), packet.l3Offset(), packet.length() - packet.l3Offset());
        d.dissect(packet, p, new FlowView(), out::add);
    }

    private static void mac(ByteArrayOutputStream o, String mac) {
        long m = Addresses.parseMac(mac);
        for (int i = 5; i >= 0; i--) o.write((int) (m >>> (8 * i)));
    }
}
