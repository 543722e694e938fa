package io.osprey.dissect.dns;

import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MdnsDissectorTest {
    static final String HUE = "00:17:88:24:76:ff", MDNS_MAC = "01:00:5e:00:00:fb";
    static final String INSTANCE = "Philips hue - 2476FF._hap._tcp.local";
    final SyntheticFrame v4 = SyntheticFrame.from(HUE, "10.10.10.6").to(MDNS_MAC, "224.0.0.251");
    final SyntheticFrame v6 = SyntheticFrame.from(HUE, "fe80::217:88ff:fe24:76ff").to("33:33:00:00:00:fb", "ff02::fb");
    final Observed observed = new Observed(new MdnsDissector());

    /** The announcement of a HomeKit bridge (RFC 6762 §8.3), like the Hue bridge's. */
    static byte[] announcement() {
        return DnsWire.message(0, DnsWire.QR | DnsWire.AA, 0, 6, 0, 0)
                .record("_services._dns-sd._udp.local", DnsMessage.TYPE_PTR, DnsWire.nameRdata("_hap._tcp.local"))
                .record("_hap._tcp.local", DnsMessage.TYPE_PTR, DnsWire.nameRdata(INSTANCE))
                .record(INSTANCE, DnsMessage.TYPE_SRV, 1 | DnsWire.CACHE_FLUSH, DnsWire.srv(8080, "Philips-hue.local"))
                .record(INSTANCE, DnsMessage.TYPE_TXT, 1 | DnsWire.CACHE_FLUSH,
                        DnsWire.txt("c#=1", "ff=1", "id=00:17:88:24:76:FF", "md=BSB002", "pv=1.0", "sf=1"))
                .record("Philips-hue.local", DnsMessage.TYPE_A, 1 | DnsWire.CACHE_FLUSH, DnsWire.a("10.10.10.6"))
                .record("Philips-hue.local", DnsMessage.TYPE_AAAA, 1 | DnsWire.CACHE_FLUSH, DnsWire.aaaa("fdd9:fbb:a067::1"))
                .bytes();
    }

    @Nested
    class Announcements {
        @Test
        void reportServiceTypeInstanceHostnameAndListedTxtKeysOfTheSender() {
            observed.feed(v4, v4.udp(5353, 5353, announcement()));
            assertThat(observed.facts()).containsExactly(
                    "00:17:88:24:76:ff/10.10.10.6 mdns.hostname=Philips-hue.local",
                    "00:17:88:24:76:ff/10.10.10.6 mdns.instance=" + INSTANCE,
                    "00:17:88:24:76:ff/10.10.10.6 mdns.service=_hap._tcp",
                    "00:17:88:24:76:ff/10.10.10.6 mdns.txt.md=BSB002");
            assertThat(observed.attributes()).allSatisfy(a -> assertThat(a.source()).isEqualTo("mdns"));
        }

        @Test
        void bindTheSendersMacToEveryAddressOfANameThatResolvesToItsSourceAddress() {
            observed.feed(v4, v4.udp(5353, 5353, announcement()));
            assertThat(observed.bindings()).containsExactly(HUE + " 10.10.10.6", HUE + " fdd9:fbb:a067::1");
        }

        @Test
        void proveTheSrvServiceWhenItsTargetResolvesToTheSourceAddress() {
            observed.feed(v4, v4.udp(5353, 5353, announcement()));
            assertThat(observed.services()).containsExactly("10.10.10.6 5353/udp mdns", "10.10.10.6 8080/tcp hap");
        }

        @Test
        void fromAnAddressTheNameDoesNotResolveToBindNothingAndProveNoSrvService() {
            // the same records sent from the link-local IPv6 address: the name resolves to other addresses
            observed.feed(v6, v6.udp(5353, 5353, announcement()));
            assertThat(observed.bindings()).isEmpty();
            assertThat(observed.services()).containsExactly("fe80::217:88ff:fe24:76ff 5353/udp mdns");
            assertThat(observed.values(DnsAttributes.MDNS_HOSTNAME)).as("not proven its own").isEmpty();
            assertThat(observed.values(DnsAttributes.MDNS_INSTANCE)).containsExactly(INSTANCE);
        }

        @Test
        void aSleepProxyAnsweringForASleepingHostIsNotGivenItsNames() {
            // a Bonjour Sleep Proxy publishes another host's records from its own address
            SyntheticFrame proxy = SyntheticFrame.from("02:00:00:00:00:09", "10.10.10.9").to(MDNS_MAC, "224.0.0.251");
            byte[] m = DnsWire.message(0, DnsWire.QR, 0, 2, 0, 0)
                    .record("iMac._smb._tcp.local", DnsMessage.TYPE_SRV, DnsWire.srv(445, "imac.local"))
                    .record("imac.local", DnsMessage.TYPE_A, DnsWire.a("10.10.10.50")).bytes();
            observed.feed(proxy, proxy.udp(5353, 5353, m));
            assertThat(observed.values(DnsAttributes.MDNS_HOSTNAME)).isEmpty();
            assertThat(observed.bindings()).isEmpty();
            assertThat(observed.services()).containsExactly("10.10.10.9 5353/udp mdns");
        }

        @Test
        void aNameProvenForAnAddressStaysProvenForLaterMessagesFromIt() {
            byte[] proof = DnsWire.message(0, DnsWire.QR, 0, 1, 0, 0)
                    .record("Philips-hue.local", DnsMessage.TYPE_A, DnsWire.a("10.10.10.6")).bytes();
            byte[] aaaaOnly = DnsWire.message(0, DnsWire.QR, 0, 1, 0, 0)
                    .record("Philips-hue.local", DnsMessage.TYPE_AAAA, DnsWire.aaaa("fdd9:fbb:a067::1")).bytes();
            observed.feed(v4, v4.udp(5353, 5353, proof));
            observed.feed(v4, v4.udp(5353, 5353, aaaaOnly));
            assertThat(observed.values(DnsAttributes.MDNS_HOSTNAME)).containsExactly("Philips-hue.local");
            assertThat(observed.bindings()).as("a binding needs the proof in the same message")
                    .containsExactly(HUE + " 10.10.10.6");
        }

        @Test
        void anSrvOfALaterMessageIsCreditedWhenItsTargetWasProvenForTheSameAddress() {
            byte[] proof = DnsWire.message(0, DnsWire.QR, 0, 1, 0, 0)
                    .record("Philips-hue.local", DnsMessage.TYPE_A, DnsWire.a("10.10.10.6")).bytes();
            byte[] srvOnly = DnsWire.message(0, DnsWire.QR, 0, 1, 0, 0)
                    .record(INSTANCE, DnsMessage.TYPE_SRV, DnsWire.srv(8080, "Philips-hue.local")).bytes();
            SyntheticFrame stranger = SyntheticFrame.from("02:00:00:00:00:07", "10.10.10.7").to(MDNS_MAC, "224.0.0.251");
            observed.feed(stranger, stranger.udp(5353, 5353, srvOnly));
            observed.feed(v4, v4.udp(5353, 5353, proof));
            observed.feed(v4, v4.udp(5353, 5353, srvOnly));
            assertThat(observed.services()).containsExactly("10.10.10.6 5353/udp mdns", "10.10.10.6 8080/tcp hap",
                    "10.10.10.7 5353/udp mdns");
        }

        @Test
        void areReportedOnceHoweverOftenRepeatedAndFromWhicheverAddress() {
            for (int i = 0; i < 3; i++) {
                observed.feed(v4, v4.udp(5353, 5353, announcement()));
                observed.feed(v6, v6.udp(5353, 5353, announcement()));
            }
            assertThat(observed.attributes()).hasSize(4);
        }

        @Test
        void subtypeAndServiceTypeEnumerationPointersNameServiceTypes() {
            // RFC 6763 §7.1 subtypes, §9 service type enumeration
            byte[] m = DnsWire.message(0, DnsWire.QR, 0, 2, 0, 0)
                    .record("_printer._sub._http._tcp.local", DnsMessage.TYPE_PTR, DnsWire.nameRdata("Office._http._tcp.local"))
                    .record("_services._dns-sd._udp.local", DnsMessage.TYPE_PTR, DnsWire.nameRdata("_googlecast._tcp.local"))
                    .bytes();
            observed.feed(v4, v4.udp(5353, 5353, m));
            assertThat(observed.values(DnsAttributes.MDNS_SERVICE)).containsExactly("_googlecast._tcp", "_http._tcp");
            assertThat(observed.values(DnsAttributes.MDNS_INSTANCE)).containsExactly("Office._http._tcp.local");
        }

        @Test
        void aReverseMappingPointerNamesTheSendersHost() {
            // RFC 6762 §4: reverse address mapping in .local
            byte[] m = DnsWire.message(0, DnsWire.QR, 0, 1, 0, 0)
                    .record("6.10.10.10.in-addr.arpa", DnsMessage.TYPE_PTR, DnsWire.nameRdata("Philips-hue.local")).bytes();
            observed.feed(v4, v4.udp(5353, 5353, m));
            assertThat(observed.values(DnsAttributes.MDNS_HOSTNAME)).containsExactly("Philips-hue.local");
        }

        @Test
        void aReverseMappingPointerOfAnotherAddressNamesNobody() {
            byte[] m = DnsWire.message(0, DnsWire.QR, 0, 2, 0, 0)
                    .record("7.10.10.10.in-addr.arpa", DnsMessage.TYPE_PTR, DnsWire.nameRdata("other.local"))
                    .record("f.f.6.7.4.2.e.f.f.f.8.8.7.1.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.e.f.ip6.arpa", DnsMessage.TYPE_PTR,
                            DnsWire.nameRdata("Philips-hue.local")).bytes();
            observed.feed(v4, v4.udp(5353, 5353, m));
            assertThat(observed.values(DnsAttributes.MDNS_HOSTNAME)).isEmpty();
            observed.feed(v6, v6.udp(5353, 5353, m));
            assertThat(observed.values(DnsAttributes.MDNS_HOSTNAME)).as("the ip6.arpa name of fe80::217:88ff:fe24:76ff")
                    .containsExactly("Philips-hue.local");
        }

        @Test
        void compressedNamesInRdataAreFollowed() {
            // RFC 6762 §18.14: names in PTR and SRV RDATA may be compressed
            DnsWire w = DnsWire.message(0, DnsWire.QR, 0, 3, 0, 0);
            int type = w.position();
            w.record("_ipp._tcp.local", DnsMessage.TYPE_PTR, DnsWire.nameBytes("Laser", type));
            int instance = w.position() - 2 - 6; // the PTR RDATA: "Laser" label then pointer, 8 octets
            w.name("", instance).fixed(DnsMessage.TYPE_SRV, 1, concatSrv(631, DnsWire.nameBytes("laser", type + 10)));
            w.record("laser.local", DnsMessage.TYPE_A, DnsWire.a("10.10.10.6"));
            observed.feed(v4, v4.udp(5353, 5353, w.bytes()));
            assertThat(observed.values(DnsAttributes.MDNS_INSTANCE)).containsExactly("Laser._ipp._tcp.local");
            assertThat(observed.values(DnsAttributes.MDNS_HOSTNAME)).containsExactly("laser.local");
        }

        private static byte[] concatSrv(int port, byte[] target) {
            byte[] r = new byte[6 + target.length];
            r[4] = (byte) (port >>> 8);
            r[5] = (byte) port;
            System.arraycopy(target, 0, r, 6, target.length);
            return r;
        }
    }

    @Nested
    class TxtRecords {
        byte[] txt(String... entries) {
            return DnsWire.message(0, DnsWire.QR, 0, 1, 0, 0)
                    .record("Office Printer._ipp._tcp.local", DnsMessage.TYPE_TXT, DnsWire.txt(entries)).bytes();
        }

        @Test
        void keysAreMatchedCaseInsensitivelyAndReportedUnderTheListedSpelling() {
            // RFC 6763 §6.4: keys are case-insensitive; Bonjour Printing §9: usb_MFG, usb_MDL, ty, product
            observed.feed(v4, v4.udp(5353, 5353, txt("txtvers=1", "USB_MFG=HP", "usb_mdl=OfficeJet Pro 8600",
                    "ty=HP Officejet Pro 8600", "product=(HP Officejet Pro 8600)", "note=Room 1", "pw=x")));
            assertThat(observed.facts()).filteredOn(f -> f.contains("mdns.txt.")).containsExactly(
                    "00:17:88:24:76:ff/10.10.10.6 mdns.txt.product=(HP Officejet Pro 8600)",
                    "00:17:88:24:76:ff/10.10.10.6 mdns.txt.ty=HP Officejet Pro 8600",
                    "00:17:88:24:76:ff/10.10.10.6 mdns.txt.usb_MDL=OfficeJet Pro 8600",
                    "00:17:88:24:76:ff/10.10.10.6 mdns.txt.usb_MFG=HP");
        }

        @Test
        void booleanAndEmptyEntriesAndKeysThatOnlyStartLikeAListedKeyAreSkipped() {
            // RFC 6763 §6.4: "md" alone is a boolean attribute, "md=" an empty value
            observed.feed(v4, v4.udp(5353, 5353, txt("md", "md=", "mdx=1", "", "model=MacBookPro14,1")));
            assertThat(observed.facts()).filteredOn(f -> f.contains("mdns.txt."))
                    .containsExactly("00:17:88:24:76:ff/10.10.10.6 mdns.txt.model=MacBookPro14,1");
        }

        @Test
        void aStringRunningPastTheRecordEndsTheRecord() {
            byte[] m = txt("md=Chromecast", "fv=1.2");
            m[m.length - 7] = 50; // the length of "fv=1.2" now overruns the RDATA
            observed.feed(v4, v4.udp(5353, 5353, m));
            assertThat(observed.values("mdns.txt.md")).containsExactly("Chromecast");
            assertThat(observed.values("mdns.txt.fv")).isEmpty();
        }

        @Test
        void controlCharactersInValuesAreEscaped() {
            observed.feed(v4, v4.udp(5353, 5353, txt("ty=Printer\nX")));
            assertThat(observed.values("mdns.txt.ty")).containsExactly("Printer\\010X");
        }
    }

    @Nested
    class Queries {
        @Test
        void aQueryReportsTheNamesLookedUpButNotItsKnownAnswers() {
            // RFC 6762 §7.1: the answer section of a query holds the querier's known answers, other hosts' records
            byte[] m = DnsWire.message(0, 0, 1, 1, 0, 0)
                    .question("_googlecast._tcp.local", DnsMessage.TYPE_PTR)
                    .record("_googlecast._tcp.local", DnsMessage.TYPE_PTR, DnsWire.nameRdata("TV._googlecast._tcp.local"))
                    .bytes();
            observed.feed(v4, v4.udp(5353, 5353, m));
            assertThat(observed.facts()).containsExactly("00:17:88:24:76:ff/10.10.10.6 mdns.query=_googlecast._tcp.local");
            assertThat(observed.services()).isEmpty();
        }

        @Test
        void aProbeClaimsItsAuthorityRecordsAndAsksNothing() {
            // RFC 6762 §8.1, §8.2: a probe asks for its own name with the proposed records in the authority section
            byte[] m = DnsWire.message(0, 0, 1, 0, 1, 0)
                    .question("Philips-hue.local", 255)
                    .record("Philips-hue.local", DnsMessage.TYPE_A, DnsWire.a("10.10.10.6"))
                    .bytes();
            observed.feed(v4, v4.udp(5353, 5353, m));
            assertThat(observed.facts()).containsExactly("00:17:88:24:76:ff/10.10.10.6 mdns.hostname=Philips-hue.local");
            assertThat(observed.bindings()).containsExactly(HUE + " 10.10.10.6");
        }

        @Test
        void namesLookedUpArePerHostCapped() {
            for (int i = 0; i < MdnsDissector.MAX_QUERY_NAMES_PER_HOST + 5; i++) {
                byte[] m = DnsWire.message(0, 0, 1, 0, 0, 0).question("host" + i + ".local", 1).bytes();
                observed.feed(v4, v4.udp(5353, 5353, m));
            }
            assertThat(observed.values(DnsAttributes.MDNS_QUERY)).hasSize(MdnsDissector.MAX_QUERY_NAMES_PER_HOST);
        }
    }

    @Test
    void everyPacketOfAHostsLongLivedFlowIsExamined() {
        // a host's announcements all travel in one flow (5353 -> 224.0.0.251:5353) and change over time
        for (int i = 0; i < 30; i++) {
            byte[] m = DnsWire.message(0, 0, 1, 0, 0, 0).question("name" + i + ".local", 1).bytes();
            observed.feed(v4, v4.udp(5353, 5353, m));
        }
        assertThat(observed.values(DnsAttributes.MDNS_QUERY)).hasSize(30).contains("name29.local");
    }

    @Test
    void messagesWithANonZeroOpcodeOrResponseCodeAreIgnored() {
        // RFC 6762 §18.3, §18.11
        byte[] a = announcement();
        a[3] |= 3;
        observed.feed(v4, v4.udp(5353, 5353, a));
        byte[] b = announcement();
        b[2] |= 2 << 3;
        observed.feed(v4, v4.udp(5353, 5353, b));
        assertThat(observed.all).isEmpty();
    }
}
