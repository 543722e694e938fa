package io.osprey.packet.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

    static IpAddress ip(String text) { return Addresses.parseIp(text); }

    // jqwik discovers properties in top-level classes (not in JUnit @Nested ones).
    @Property
    @Label("MAC text round trip")
    void macRoundTrip(@ForAll @LongRange(min = 0, max = 0xffff_ffff_ffffL) long mac) {
        assertThat(Addresses.parseMac(Addresses.mac(mac))).isEqualTo(mac);
    }

    @Property(tries = 2000)
    @Label("IP text round trip, any 128 bits")
    void ipRoundTrip(@ForAll long hi, @ForAll long lo) {
        IpAddress parsed = ip(Addresses.ip(hi, lo));
        assertThat(parsed.hi()).isEqualTo(hi);
        assertThat(parsed.lo()).isEqualTo(lo);
    }

    @Property(tries = 2000)
    @Label("IP text round trip, sparse addresses (zero runs for RFC 5952 '::')")
    void sparseIpRoundTrip(@ForAll @IntRange(min = 0, max = 255) int zeroMask, @ForAll long hi, @ForAll long lo) {
        for (int g = 0; g < 8; g++) {
            if ((zeroMask >>> g & 1) != 0) {
                if (g < 4) {
                    hi &= ~(0xffffL << (48 - 16 * g));
                } else {
                    lo &= ~(0xffffL << (48 - 16 * (g - 4)));
                }
            }
        }
        String text = Addresses.ip(hi, lo);
        IpAddress parsed = ip(text);
        assertThat(parsed.hi()).as(text).isEqualTo(hi);
        assertThat(parsed.lo()).as(text).isEqualTo(lo);
        if (!Addresses.isIpv4(hi, lo)) {
            assertRfc5952(text);
        }
    }

    /**
     * RFC 5952 §4: lower-case groups without leading zeros (§4.1, §4.3); "::" at most once, never for a
     * single group (§4.2.2), and on the longest run of zero groups, the first one on a tie (§4.2.3).
     */
    static void assertRfc5952(String text) {
        assertThat(text.indexOf("::")).as(text).isEqualTo(text.lastIndexOf("::"));
        String[] halves = text.split("::", -1);
        java.util.List<String> groups = new java.util.ArrayList<>();
        int compressedAt = -1;
        for (int h = 0; h < halves.length; h++) {
            if (h == 1) {
                compressedAt = groups.size();
            }
            if (!halves[h].isEmpty()) {
                groups.addAll(java.util.List.of(halves[h].split(":", -1)));
            }
        }
        for (String g : groups) {
            assertThat(g).as(text).matches("0|[1-9a-f][0-9a-f]{0,3}");
        }
        int compressed = 8 - groups.size();
        assertThat(compressed).as(text).isEqualTo(compressedAt < 0 ? 0 : compressed);
        if (compressedAt >= 0) {
            assertThat(compressed).as("§4.2.2 in %s", text).isGreaterThanOrEqualTo(2);
        }
        for (int i = 0; i < groups.size(); ) {
            int j = i;
            while (j < groups.size() && groups.get(j).equals("0")) {
                j++;
            }
            int run = j - i;
            if (run >= 2) {
                assertThat(compressedAt).as("§4.2.1 a run of %d zero groups left in %s", run, text).isNotNegative();
                boolean before = i < compressedAt;
                assertThat(before ? run < compressed : run <= compressed).as("§4.2.3 longest/first run in %s", text).isTrue();
            }
            i = Math.max(j, i + 1);
        }
    }

    @Nested
    @DisplayName("MAC text (IEEE 802 canonical, lower case)")
    class MacText {
        @Test
        void formatAndParse() {
            assertThat(Addresses.mac(0x3c4937_0317dbL)).isEqualTo("3c:49:37:03:17:db");
            assertThat(Addresses.mac(0)).isEqualTo("00:00:00:00:00:00");
            assertThat(Addresses.mac(Addresses.MAX_MAC)).isEqualTo("ff:ff:ff:ff:ff:ff");
            assertThat(Addresses.parseMac("3C:49:37:03:17:DB")).isEqualTo(0x3c49370317dbL);
            assertThat(Addresses.parseMac("3c-49-37-03-17-db")).isEqualTo(0x3c49370317dbL);
            assertThat(Addresses.parseMac("3c49.3703.17db")).isEqualTo(0x3c49370317dbL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "3c:49:37:03:17", "3c:49:37:03:17:dg", "3c:49-37:03:17:db", "3c4937.0317db", "3c:49:37:03:17:db:00"})
        void rejects(String text) {
            assertThatThrownBy(() -> Addresses.parseMac(text)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsOutOfRange() {
            assertThatThrownBy(() -> Addresses.mac(Packet.NO_MAC)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Addresses.mac(1L << 48)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("IP text: dotted quad for IPv4(-mapped), RFC 5952 §4 for IPv6")
    class IpText {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "2001:db8:0:0:0:0:0:1, 2001:db8::1",
                "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
                "2001:DB8::1, 2001:db8::1",
                "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
                "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
                "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
                "0:0:0:0:0:0:0:0, ::",
                "0:0:0:0:0:0:0:1, ::1",
                "fe80:0:0:0:0:0:0:0, fe80::",
                "1:0:0:0:0:0:0:0, 1::",
                "ff02::fb, ff02::fb",
                "fd52:429e:c03c:8235:883c:d6ff:fee1:4dc4, fd52:429e:c03c:8235:883c:d6ff:fee1:4dc4",
                "::ffff:192.0.2.1, 192.0.2.1",
                "::ffff:c000:201, 192.0.2.1",
                "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
                "192.0.2.1, 192.0.2.1",
                "0.0.0.0, 0.0.0.0",
                "255.255.255.255, 255.255.255.255",
        })
        void canonicalText(String input, String canonical) {
            IpAddress address = ip(input);
            assertThat(Addresses.ip(address.hi(), address.lo())).isEqualTo(canonical);
            assertThat(address).hasToString(canonical);
        }

        @Test
        void ipv4AsInt() {
            assertThat(Addresses.parseIpv4("198.51.100.2")).isEqualTo(0xc6336402);
            assertThat(Addresses.ipv4(0xc6336402)).isEqualTo("198.51.100.2");
            assertThat(Addresses.ipv4(-1)).isEqualTo("255.255.255.255");
            assertThat(IpAddress.ofIpv4(0xc6336402).isIpv4()).isTrue();
            assertThat(IpAddress.ofIpv4(0xc6336402).ipv4()).isEqualTo(0xc6336402);
            assertThat(IpAddress.parse("::1").isIpv4()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "1..2.3", " 1.2.3.4", "1:2:3:4:5:6:7:8:9",
                "1::2::3", "12345::", ":1", "1:", ":::", "1:2:3:4:5:6:7", "g::1", "fe80::1%eth0", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4",
                "::ffff:256.0.0.1"})
        void rejects(String text) {
            assertThatThrownBy(() -> Addresses.parseIp(text)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("Classification (RFC 6890 special-purpose registry)")
    class Classification {
        @ParameterizedTest(name = "{0}")
        @CsvSource({
                // address, ipv4, multicast, broadcast, private, loopback, unspecified, globalUnicast, linkLocal
                "10.1.2.3,          true,  false, false, true,  false, false, false, false",
                "172.16.0.1,        true,  false, false, true,  false, false, false, false",
                "172.31.255.255,    true,  false, false, true,  false, false, false, false",
                "172.32.0.1,        true,  false, false, false, false, false, true,  false",
                "192.168.1.1,       true,  false, false, true,  false, false, false, false",
                "100.64.0.1,        true,  false, false, true,  false, false, false, false",
                "100.127.255.255,   true,  false, false, true,  false, false, false, false",
                "100.128.0.1,       true,  false, false, false, false, false, true,  false",
                "169.254.10.1,      true,  false, false, true,  false, false, false, true",
                "127.0.0.1,         true,  false, false, false, true,  false, false, false",
                "0.0.0.0,           true,  false, false, false, false, true,  false, false",
                "255.255.255.255,   true,  false, true,  false, false, false, false, false",
                "224.0.0.251,       true,  true,  false, false, false, false, false, false",
                "239.255.255.250,   true,  true,  false, false, false, false, false, false",
                "240.0.0.1,         true,  false, false, false, false, false, false, false",
                "192.0.2.1,         true,  false, false, false, false, false, false, false",
                "198.18.0.1,        true,  false, false, false, false, false, false, false",
                "198.20.0.1,        true,  false, false, false, false, false, true,  false",
                "203.0.113.9,       true,  false, false, false, false, false, false, false",
                "8.8.8.8,           true,  false, false, false, false, false, true,  false",
                "118.189.96.132,    true,  false, false, false, false, false, true,  false",
                "::,                false, false, false, false, false, true,  false, false",
                "::1,               false, false, false, false, true,  false, false, false",
                "ff02::fb,          false, true,  false, false, false, false, false, false",
                "fe80::1,           false, false, false, true,  false, false, false, true",
                "febf::1,           false, false, false, true,  false, false, false, true",
                "fec0::1,           false, false, false, false, false, false, false, false",
                "fd52:429e::1,      false, false, false, true,  false, false, false, false",
                "fc00::1,           false, false, false, true,  false, false, false, false",
                "2001:db8::1,       false, false, false, false, false, false, false, false",
                "2a00:1450::200e,   false, false, false, false, false, false, true,  false",
                "3fff::1,           false, false, false, false, false, false, true,  false",
                "4000::1,           false, false, false, false, false, false, false, false",
        })
        void predicates(String text, boolean ipv4, boolean multicast, boolean broadcast, boolean isPrivate, boolean loopback,
                        boolean unspecified, boolean globalUnicast, boolean linkLocal) {
            IpAddress a = ip(text);
            long hi = a.hi();
            long lo = a.lo();
            assertThat(Addresses.isIpv4(hi, lo)).as("ipv4").isEqualTo(ipv4);
            assertThat(Addresses.isMulticast(hi, lo)).as("multicast").isEqualTo(multicast);
            assertThat(Addresses.isBroadcast(hi, lo)).as("broadcast").isEqualTo(broadcast);
            assertThat(Addresses.isPrivate(hi, lo)).as("private").isEqualTo(isPrivate);
            assertThat(Addresses.isLoopback(hi, lo)).as("loopback").isEqualTo(loopback);
            assertThat(Addresses.isUnspecified(hi, lo)).as("unspecified").isEqualTo(unspecified);
            assertThat(Addresses.isGlobalUnicast(hi, lo)).as("global unicast").isEqualTo(globalUnicast);
            assertThat(Addresses.isLinkLocal(hi, lo)).as("link-local").isEqualTo(linkLocal);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                // mac, multicast (I/G), locally administered (U/L), broadcast
                "00:19:2f:a7:b2:8d, false, false, false",
                "01:00:5e:00:00:fb, true,  false, false",
                "33:33:00:00:00:16, true,  true,  false",
                "8a:3c:d6:e1:4d:c4, false, true,  false",
                "ff:ff:ff:ff:ff:ff, true,  true,  true",
        })
        void macPredicates(String text, boolean multicast, boolean local, boolean broadcast) {
            long mac = Addresses.parseMac(text);
            assertThat(Addresses.isMulticastMac(mac)).isEqualTo(multicast);
            assertThat(Addresses.isLocallyAdministered(mac)).isEqualTo(local);
            assertThat(Addresses.isBroadcastMac(mac)).isEqualTo(broadcast);
        }

        @Test
        void noMacIsNothing() {
            assertThat(Addresses.isMulticastMac(Packet.NO_MAC)).isFalse();
            assertThat(Addresses.isLocallyAdministered(Packet.NO_MAC)).isFalse();
            assertThat(Addresses.isBroadcastMac(Packet.NO_MAC)).isFalse();
        }

        @Test
        @DisplayName("The predicates allocate nothing (ThreadMXBean allocated bytes)")
        void predicatesDoNotAllocate() {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long[] his = {0, 0, 0x2001_0db8_0000_0000L, 0xfe80_0000_0000_0000L, 0xff02_0000_0000_0000L};
            long[] los = {0x0000_ffff_0a00_0001L, 0x0000_ffff_ffff_ffffL, 1, 1, 0xfb};
            long[] macs = {0x0100_5e00_00fbL, Packet.NO_MAC, Addresses.MAX_MAC};
            int sink = classifyAll(his, los, macs, 20_000);
            long before = threads.getCurrentThreadAllocatedBytes();
            sink += classifyAll(his, los, macs, 200_000);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(sink).isPositive();
            assertThat(allocated).as("bytes allocated by 1,000,000 classifications").isLessThan(10_000);
        }

        private static int classifyAll(long[] his, long[] los, long[] macs, int rounds) {
            int count = 0;
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < his.length; i++) {
                    long hi = his[i];
                    long lo = los[i];
                    count += (Addresses.isIpv4(hi, lo) ? 1 : 0) + (Addresses.isMulticast(hi, lo) ? 1 : 0)
                            + (Addresses.isBroadcast(hi, lo) ? 1 : 0) + (Addresses.isPrivate(hi, lo) ? 1 : 0)
                            + (Addresses.isLoopback(hi, lo) ? 1 : 0) + (Addresses.isUnspecified(hi, lo) ? 1 : 0)
                            + (Addresses.isGlobalUnicast(hi, lo) ? 1 : 0) + (Addresses.isLinkLocal(hi, lo) ? 1 : 0);
                }
                for (long mac : macs) {
                    count += (Addresses.isMulticastMac(mac) ? 1 : 0) + (Addresses.isLocallyAdministered(mac) ? 1 : 0)
                            + (Addresses.isBroadcastMac(mac) ? 1 : 0);
                }
            }
            return count;
        }
    }
}
