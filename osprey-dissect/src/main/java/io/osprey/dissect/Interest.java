package io.osprey.dissect;

import java.util.Arrays;

/**
 * What a dissector wants to see; the pipeline dispatches on it so a dissector never looks at the rest.
 *
 * @param everyPacket every decoded packet (link- and IP-layer observers)
 * @param etherTypes frames whose EtherType (after VLAN tags and LLC/SNAP) is one of these
 * @param tcpPorts TCP payload to or from one of these ports
 * @param udpPorts UDP payload to or from one of these ports
 * @param heuristic TCP/UDP payload of flows no port matched: the dissector's {@link Dissector#detect} decides
 *     from the first payload bytes, and a flow it accepts stays with it
 * @param payloadPackets how many packets of a flow carry payload worth examining; later ones are skipped,
 *     as bulk transfers hold nothing for discovery
 */
public record Interest(boolean everyPacket, int[] etherTypes, int[] tcpPorts, int[] udpPorts, boolean heuristic,
                       int payloadPackets) {
    /** Discovery protocols say what they have in the first few packets of a flow. */
    public static final int DEFAULT_PAYLOAD_PACKETS = 10;

    public Interest {
        etherTypes = etherTypes.clone();
        tcpPorts = tcpPorts.clone();
        udpPorts = udpPorts.clone();
        for (int p : tcpPorts) checkPort(p);
        for (int p : udpPorts) checkPort(p);
        for (int e : etherTypes) if (e < 0 || e > 0xffff) throw new IllegalArgumentException("bad EtherType " + e);
        if (payloadPackets < 1) throw new IllegalArgumentException("payloadPackets must be positive");
    }

    private static void checkPort(int p) {
        if (p < 0 || p > 0xffff) throw new IllegalArgumentException("bad port " + p);
    }

    public static Interest forAllPackets() {
        return new Interest(true, new int[0], new int[0], new int[0], false, DEFAULT_PAYLOAD_PACKETS);
    }

    public static Interest forEtherTypes(int... etherTypes) {
        return new Interest(false, etherTypes, new int[0], new int[0], false, DEFAULT_PAYLOAD_PACKETS);
    }

    public static Interest forTcpPorts(int... ports) {
        return new Interest(false, new int[0], ports, new int[0], false, DEFAULT_PAYLOAD_PACKETS);
    }

    public static Interest forUdpPorts(int... ports) {
        return new Interest(false, new int[0], new int[0], ports, false, DEFAULT_PAYLOAD_PACKETS);
    }

    /** Only flows the dissector's {@link Dissector#detect} recognises, whatever their ports. */
    public static Interest forHeuristic() {
        return new Interest(false, new int[0], new int[0], new int[0], true, DEFAULT_PAYLOAD_PACKETS);
    }

    public Interest andTcpPorts(int... ports) {
        return new Interest(everyPacket, etherTypes, concat(tcpPorts, ports), udpPorts, heuristic, payloadPackets);
    }

    public Interest andUdpPorts(int... ports) {
        return new Interest(everyPacket, etherTypes, tcpPorts, concat(udpPorts, ports), heuristic, payloadPackets);
    }

    public Interest andHeuristic() {
        return new Interest(everyPacket, etherTypes, tcpPorts, udpPorts, true, payloadPackets);
    }

    public Interest withPayloadPackets(int n) {
        return new Interest(everyPacket, etherTypes, tcpPorts, udpPorts, heuristic, n);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interest i && everyPacket == i.everyPacket && heuristic == i.heuristic
                && payloadPackets == i.payloadPackets && Arrays.equals(etherTypes, i.etherTypes)
                && Arrays.equals(tcpPorts, i.tcpPorts) && Arrays.equals(udpPorts, i.udpPorts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tcpPorts) * 31 + Arrays.hashCode(udpPorts) * 17 + Arrays.hashCode(etherTypes);
    }

    @Override
    public String toString() {
        return "Interest[everyPacket=" + everyPacket + ", etherTypes=" + Arrays.toString(etherTypes)
                + ", tcp=" + Arrays.toString(tcpPorts) + ", udp=" + Arrays.toString(udpPorts)
                + ", heuristic=" + heuristic + ", payloadPackets=" + payloadPackets + "]";
    }
}
