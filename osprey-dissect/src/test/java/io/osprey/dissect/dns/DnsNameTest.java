package io.osprey.dissect.dns;

import io.osprey.dissect.Payload;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class DnsNameTest {
    final DnsMessage message = new DnsMessage();
    final DnsName name = new DnsName();

    /** Wraps a message made of a zeroed header and {@code body}, whose offsets start at 12. */
    DnsMessage over(byte[] body) {
        byte[] m = new byte[DnsMessage.HEADER_LENGTH + body.length];
        System.arraycopy(body, 0, m, DnsMessage.HEADER_LENGTH, body.length);
        message.wrap(new Payload().wrap(m, 0, m.length), 0, m.length);
        return message;
    }

    String text(DnsName n) {
        return new ValueBuffer().appendName(n, false).text();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    @Nested
    class Labels {
        @Test
        void readsLabelsUpToTheRootAndReturnsTheOffsetAfterIt() {
            // RFC 1035 §3.1: length-prefixed labels ended by the zero-length root label
            over(DnsWire.nameRdata("Philips-hue.local"));
            assertThat(name.read(message, 12)).isEqualTo(12 + 19);
            assertThat(name.labelCount()).isEqualTo(2);
            assertThat(text(name)).isEqualTo("Philips-hue.local");
            assertThat(name.wireLength()).isEqualTo(19);
        }

        @Test
        void theRootNameHasNoLabels() {
            over(new byte[] {0});
            assertThat(name.read(message, 12)).isEqualTo(13);
            assertThat(name.isRoot()).isTrue();
        }

        @Test
        void aLabelOf63OctetsIsAcceptedAndTheReservedLabelTypesAreNot() {
            // RFC 1035 §2.3.4: labels of 63 octets or less; 0x40 and 0x80 prefixes are RFC 6891 §5 extended types
            over(DnsWire.nameRdata("a".repeat(63)));
            assertThat(name.read(message, 12)).isPositive();
            over(new byte[] {0x40, 'a', 0});
            assertThat(name.read(message, 12)).isEqualTo(-1);
            over(new byte[] {(byte) 0x80, 'a', 0});
            assertThat(name.read(message, 12)).isEqualTo(-1);
            assertThat(DnsName.skip(message, 12)).isEqualTo(-1);
        }

        @Test
        void aNameOf255OctetsIsAcceptedAndOneLongerIsNot() {
            // RFC 1035 §2.3.4: 255 octets including length octets and the root: 3 x (1+63) + (1+61) + 1 = 255
            String ok = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
            over(DnsWire.nameRdata(ok));
            assertThat(name.read(message, 12)).isPositive();
            assertThat(name.wireLength()).isEqualTo(DnsName.MAX_NAME_LENGTH);
            over(DnsWire.nameRdata(ok + "d"));
            assertThat(name.read(message, 12)).isEqualTo(-1);
            assertThat(name.labelCount()).isZero();
        }

        @Test
        void aLabelRunningPastTheMessageIsMalformed() {
            over(new byte[] {5, 'l', 'o'});
            assertThat(name.read(message, 12)).isEqualTo(-1);
            assertThat(DnsName.skip(message, 12)).isEqualTo(-1);
            over(new byte[] {5, 'l', 'o', 'c', 'a', 'l'});
            assertThat(name.read(message, 12)).as("no root label").isEqualTo(-1);
        }

        @Test
        void comparesLabelsCaseInsensitively() {
            // RFC 4343 §3
            over(DnsWire.nameRdata("_IPP._TCP.Local"));
            name.read(message, 12);
            assertThat(name.labelEquals(1, "_tcp")).isTrue();
            assertThat(name.endsWith("local")).isTrue();
            assertThat(name.endsWith("_tcp.LOCAL")).isTrue();
            assertThat(name.endsWith("ip6.arpa")).isFalse();
            long upper = name.hash();
            over(DnsWire.nameRdata("_ipp._tcp.local"));
            name.read(message, 12);
            assertThat(name.hash()).isEqualTo(upper);
        }
    }

    @Nested
    class Compression {
        @Test
        void followsAPointerToAnEarlierSuffix() {
            // RFC 1035 §4.1.4: "local" at 12, "Philips-hue" + pointer to 12 at 19
            byte[] body = concat(DnsWire.nameRdata("local"), DnsWire.nameBytes("Philips-hue", 12));
            over(body);
            assertThat(name.read(message, 19)).isEqualTo(19 + 12 + 2);
            assertThat(text(name)).isEqualTo("Philips-hue.local");
        }

        @Test
        void followsAChainOfPointers() {
            // "local"@12, "_tcp"+ptr(12)@19, "_hap"+ptr(19)@26, "Philips hue - 2476FF"+ptr(26)@33
            byte[] body = concat(DnsWire.nameRdata("local"), DnsWire.nameBytes("_tcp", 12), DnsWire.nameBytes("_hap", 19),
                    DnsWire.nameBytes("Philips hue - 2476FF", 26));
            over(body);
            assertThat(name.read(message, 33)).isEqualTo(33 + 21 + 2);
            assertThat(text(name)).isEqualTo("Philips hue - 2476FF._hap._tcp.local");
            assertThat(DnsName.skip(message, 33)).isEqualTo(33 + 21 + 2);
        }

        @Test
        void aPointerToItselfIsALoopAndIsRejected() {
            over(new byte[] {(byte) 0xc0, 12});
            assertThat(name.read(message, 12)).isEqualTo(-1);
        }

        @Test
        void twoPointersToEachOtherAreALoopAndAreRejected() {
            // 12: ptr -> 14, 14: ptr -> 12: the first already points forwards
            over(new byte[] {(byte) 0xc0, 14, (byte) 0xc0, 12});
            assertThat(name.read(message, 12)).isEqualTo(-1);
            assertThat(name.read(message, 14)).as("12 lies before 14, but 12 points back to 14").isEqualTo(-1);
        }

        @Test
        void aLoopThroughLabelsIsRejected() {
            // 12: "a" then ptr -> 12: the pointer targets the start of its own run
            over(new byte[] {1, 'a', (byte) 0xc0, 12});
            assertThat(name.read(message, 12)).isEqualTo(-1);
            // reading from 14 (the pointer) jumps to 12, whose pointer then targets 12 again
            assertThat(name.read(message, 14)).isEqualTo(-1);
        }

        @Test
        void aForwardPointerIsRejected() {
            over(concat(new byte[] {(byte) 0xc0, 14}, DnsWire.nameRdata("local")));
            assertThat(name.read(message, 12)).isEqualTo(-1);
        }

        @Test
        void atMostMaxPointerFollowsAreFollowed() {
            // a chain where every pointer targets the previous one: 12: root, 13: ptr->12, 15: ptr->13, ...
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(0);
            int[] at = new int[DnsName.MAX_POINTER_FOLLOWS + 2];
            at[0] = 12;
            for (int i = 1; i < at.length; i++) {
                at[i] = 12 + b.size();
                b.write(0xc0);
                b.write(at[i - 1]);
            }
            over(b.toByteArray());
            assertThat(name.read(message, at[DnsName.MAX_POINTER_FOLLOWS])).as("16 pointers").isPositive();
            assertThat(name.read(message, at[DnsName.MAX_POINTER_FOLLOWS + 1])).as("17 pointers").isEqualTo(-1);
        }

        @Test
        void aPointerCutShortIsMalformed() {
            over(new byte[] {1, 'a', (byte) 0xc0});
            assertThat(name.read(message, 12)).isEqualTo(-1);
            assertThat(DnsName.skip(message, 12)).isEqualTo(-1);
        }
    }

    @Nested
    class PresentationForm {
        @Test
        void escapesDotsBackslashesAndControlCharactersInsideLabels() {
            // RFC 1035 §5.1 and RFC 6763 §4.3: a dot inside an instance label is written "\."
            over(concat(new byte[] {7, 'a', '.', 'b', '\\', 'c', 10, 'd'}, DnsWire.nameRdata("local")));
            name.read(message, 12);
            assertThat(text(name)).isEqualTo("a\\.b\\\\c\\010d.local");
        }

        @Test
        void keepsUtf8AndFoldsAsciiCaseOnRequest() {
            over(DnsWire.nameRdata("Büro-Drucker.Local"));
            name.read(message, 12);
            assertThat(text(name)).isEqualTo("Büro-Drucker.Local");
            assertThat(new ValueBuffer().appendName(name, true).text()).isEqualTo("büro-drucker.local");
        }
    }
}
