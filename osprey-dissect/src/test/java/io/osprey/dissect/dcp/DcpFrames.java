package io.osprey.dissect.dcp;

import java.io.ByteArrayOutputStream;

/** Builds raw Ethernet frames carrying one PROFINET DCP PDU (IEC 61158-6-10), blocks padded to even lengths. */
final class DcpFrames {
    static final String DEVICE = "00:1b:1b:02:9a:c3", TOOL = "08:00:06:aa:bb:cc";
    static final String MULTICAST = "01:0e:cf:00:00:00";

    private final String dst, src;
    private final int frameId, service, type;
    private final ByteArrayOutputStream blocks = new ByteArrayOutputStream();

    private DcpFrames(String dst, String src, int frameId, int service, int type) {
        this.dst = dst;
        this.src = src;
        this.frameId = frameId;
        this.service = service;
        this.type = type;
    }

    static DcpFrames identifyResponse() {
        return new DcpFrames(TOOL, DEVICE, 0xfeff, 5, 1);
    }

    static DcpFrames identifyRequest() {
        return new DcpFrames(MULTICAST, TOOL, 0xfefe, 5, 0);
    }

    static DcpFrames hello() {
        return new DcpFrames("01:0e:cf:00:00:01", DEVICE, 0xfefc, 6, 0);
    }

    static DcpFrames setRequest() {
        return new DcpFrames(DEVICE, TOOL, 0xfefd, 4, 0);
    }

    static DcpFrames getResponse() {
        return new DcpFrames(TOOL, DEVICE, 0xfefd, 3, 1);
    }

    /** A block as written: option, suboption, length, value, one padding octet when the length is odd. */
    DcpFrames block(int option, int suboption, int... value) {
        blocks.write(option);
        blocks.write(suboption);
        blocks.write(value.length >>> 8);
        blocks.write(value.length);
        for (int v : value) blocks.write(v);
        if ((value.length & 1) != 0) blocks.write(0);
        return this;
    }

    /** A response or Hello block: BlockInfo, then the value. */
    DcpFrames info(int option, int suboption, int blockInfo, int... value) {
        return block(option, suboption, concat(new int[] {blockInfo >>> 8, blockInfo & 0xff}, value));
    }

    DcpFrames text(int option, int suboption, String text) {
        return info(option, suboption, 0, text.chars().toArray());
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mac(out, dst);
        mac(out, src);
        bytes(out, 0x88, 0x92, frameId >>> 8, frameId & 0xff, service, type, 0x03, 0x00, 0xbf, 0x9a, 0, type == 0 && service == 5 ? 1 : 0);
        int n = blocks.size();
        bytes(out, n >>> 8, n & 0xff);
        out.writeBytes(blocks.toByteArray());
        while (out.size() < 60) out.write(0); // Ethernet minimum frame, as on the wire
        return out.toByteArray();
    }

    static int[] concat(int[] a, int[] b) {
        int[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static void mac(ByteArrayOutputStream out, String mac) {
        for (String part : mac.split(":")) out.write(Integer.parseInt(part, 16));
    }

    private static void bytes(ByteArrayOutputStream out, int... b) {
        for (int x : b) out.write(x);
    }
}
