package io.osprey.inventory;

import io.osprey.dissect.Attributes;
import io.osprey.dissect.Host;
import io.osprey.dissect.Observation;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.IpAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceInventoryTest {
    static final long T0 = 1_700_000_000_000_000_000L;
    static final String HUE = "00:17:88:24:76:ff", ROUTER = "00:b5:6d:06:08:ba", RANDOM = "da:a1:19:00:00:01";

    final DeviceInventory inventory = new DeviceInventory(mac -> (mac >>> 24) == 0x001788 ? "Signify (Philips)" : null);

    static long mac(String m) { return Addresses.parseMac(m); }

    static IpAddress ip(String s) { return Addresses.parseIp(s); }

    void activity(String m, long first, long last, long packets) {
        inventory.accept(new Observation.Activity(Host.ofMac(mac(m)), first, last, packets, packets * 100, "ethernet"));
    }

    void ipActivity(String address) {
        IpAddress a = ip(address);
        inventory.accept(new Observation.Activity(Host.ofIp(a.hi(), a.lo()), T0, T0 + 1, 3, 300, "ip"));
    }

    void bind(String m, String address, String source) {
        IpAddress a = ip(address);
        inventory.accept(new Observation.Binding(mac(m), a.hi(), a.lo(), source, T0));
    }

    Device only(List<Device> devices, String id) {
        return devices.stream().filter(d -> d.deviceId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aLocalDeviceIsKeyedByItsMacAndOwnsItsBoundAddresses() {
        activity(HUE, T0, T0 + 5_000_000_000L, 10);
        activity(HUE, T0 + 7_000_000_000L, T0 + 9_000_000_000L, 5);
        bind(HUE, "fe80::217:88ff:fe24:76ff", "ip");
        bind(HUE, "10.10.10.6", "arp");
        List<Device> devices = inventory.snapshot();
        Device d = only(devices, "mac-0017882476ff");
        assertThat(d.macAddress()).isEqualTo(HUE);
        assertThat(d.ipAddresses()).containsExactly("10.10.10.6", "fe80::217:88ff:fe24:76ff");
        assertThat(d.vendor()).isEqualTo("Signify (Philips)");
        assertThat(d.networkLocation()).isEqualTo(NetworkLocation.LOCAL);
        assertThat(d.randomizedMac()).isFalse();
        assertThat(d.packets()).isEqualTo(15);
        assertThat(d.firstSeenNanos()).isEqualTo(T0);
        assertThat(d.lastSeenNanos()).isEqualTo(T0 + 9_000_000_000L);
        assertThat(d.deviceCategory()).isEqualTo("Unknown");
        assertThat(d.deviceType()).isNull();
        assertThat(d.evidence()).extracting(Evidence::attribute, Evidence::source)
                .contains(org.assertj.core.groups.Tuple.tuple("oui.vendor", "oui"),
                        org.assertj.core.groups.Tuple.tuple("ipAddress", "arp"));
        assertThat(d.evidence()).filteredOn(e -> e.attribute().equals("vendor")).singleElement()
                .satisfies(e -> assertThat(e.source()).startsWith("rule oui-vendor (network.rules:").endsWith("on oui.vendor=Signify (Philips) [oui]"));
    }

    private void fact(String mac, String ip, String attribute, String value, String source) {
        IpAddress a = ip == null ? new IpAddress(0, 0) : ip(ip);
        inventory.accept(new Observation.Attribute(new Host(mac(mac), a.hi(), a.lo()),
                attribute, value, source, 0.9, T0));
    }

    @Test
    void reportedAttributesAreClassifiedWithTheirEvidence() {
        String cam = "b0:c5:54:25:5b:0e";
        activity(cam, T0, T0, 1);
        bind(cam, "10.10.10.37", "arp");
        fact(cam, "10.10.10.37", "dhcp.hostname", "DCS-935L", "dhcp");
        fact(cam, "10.10.10.37", "mdns.txt.model_number", "DCS-935L", "mdns");
        Device d = only(inventory.snapshot(), "mac-b0c554255b0e");
        assertThat(d.deviceType()).isEqualTo("IP Camera");
        assertThat(d.deviceCategory()).isEqualTo("IoT");
        assertThat(d.model()).isEqualTo("DCS-935L");
        assertThat(d.deviceName()).isEqualTo("DCS-935L");
        assertThat(d.evidence()).filteredOn(e -> e.attribute().equals("deviceType")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.source()).startsWith("rule dlink-camera"));
    }

    @Test
    void aRoutersFramesGiveTheirFactsToTheHostsBehindIt() {
        String router = "00:b5:6d:06:08:ba";
        inventory.accept(new Observation.Attribute(Host.ofMac(mac(router)), io.osprey.dissect.Attributes.ROLE,
                io.osprey.dissect.Attributes.ROLE_GATEWAY, "ip", 1.0, T0));
        bind(router, "10.10.10.1", "arp");
        bind(router, "192.168.7.20", "ip");
        ipActivity("192.168.7.20");
        fact(router, "192.168.7.20", "dhcp.hostname", "HS110(EU)", "dhcp");
        fact(router, "8.8.8.8", "http.server", "gws", "http");
        fact(router, "10.10.10.1", "http.server", "lighttpd", "http");
        List<Device> devices = inventory.snapshot();
        Device r = only(devices, "mac-00b56d0608ba");
        assertThat(r.deviceType()).isEqualTo("Router");
        assertThat(r.evidence()).extracting(Evidence::value).contains("lighttpd").doesNotContain("HS110(EU)", "gws");
        Device behind = only(devices, "ip-192.168.7.20");
        assertThat(behind.model()).isEqualTo("HS110");
        assertThat(behind.deviceType()).isEqualTo("Smart Plug");
        assertThat(behind.vendor()).isEqualTo("TP-Link");
    }

    @Test
    void factsAboutAPublicAddressBehindAMacThatDoesNotOwnItAreNotTheDevices() {
        // a router seen forwarding for one host only is not recognised as a router: its frames still carry
        // the remote web server's banner, which must not describe it
        bind(ROUTER, "10.10.10.1", "arp");
        fact(ROUTER, "93.184.216.34", "http.server", "ECS (dcb/7F84)", "http");
        fact(ROUTER, "10.10.10.1", "http.server", "lighttpd/1.4.34", "http");
        Device r = only(inventory.snapshot(), "mac-00b56d0608ba");
        assertThat(r.evidence()).extracting(Evidence::value).contains("lighttpd/1.4.34").doesNotContain("ECS (dcb/7F84)");
    }

    @Test
    void attributesStayWithTheDeviceWhenItsAddressMovesToAnother() {
        String plug = "50:c7:bf:00:fc:a3", laptop = "90:b1:1c:99:49:29";
        bind(plug, "10.0.0.5", "arp");
        fact(plug, "10.0.0.5", "dhcp.hostname", "HS100(EU)", "dhcp");
        bind(laptop, "10.0.0.5", "arp");
        fact(laptop, "10.0.0.5", "dhcp.hostname", "pop-os", "dhcp");
        List<Device> devices = inventory.snapshot();
        assertThat(only(devices, "mac-50c7bf00fca3").deviceName()).isEqualTo("HS100(EU)");
        assertThat(only(devices, "mac-50c7bf00fca3").model()).isEqualTo("HS100");
        assertThat(only(devices, "mac-90b11c994929").deviceName()).isEqualTo("pop-os");
        assertThat(only(devices, "mac-90b11c994929").model()).isNull();
    }

    @Test
    void aRandomizedMacIsFlaggedAndGetsNoVendor() {
        DeviceInventory anyVendor = new DeviceInventory(mac -> "Somebody");
        anyVendor.accept(new Observation.Activity(Host.ofMac(mac(RANDOM)), T0, T0, 1, 60, "ethernet"));
        Device d = anyVendor.snapshot().getFirst();
        assertThat(d.randomizedMac()).isTrue();
        assertThat(d.vendor()).isNull();
    }

    @Test
    void aGatewayIsARouterOwningOnlyItsArpAddressAndRoutedHostsNeverTakeItsMac() {
        activity(ROUTER, T0, T0 + 1, 100);
        bind(ROUTER, "10.10.10.1", "arp");
        bind(ROUTER, "192.168.7.20", "ip");   // forwarded before the MAC was known to be a gateway
        bind(ROUTER, "93.184.216.34", "ip");
        inventory.accept(new Observation.Attribute(Host.ofMac(mac(ROUTER)), Attributes.ROLE, Attributes.ROLE_GATEWAY,
                "ip (sends packets from 3 IPv4 sources)", 0.9, T0));
        ipActivity("192.168.7.20");
        ipActivity("93.184.216.34");
        List<Device> devices = inventory.snapshot();

        Device router = only(devices, "mac-00b56d0608ba");
        assertThat(router.ipAddresses()).containsExactly("10.10.10.1");
        assertThat(router.deviceCategory()).isEqualTo("Network device");
        assertThat(router.deviceType()).isEqualTo("Router");
        assertThat(router.evidence()).anySatisfy(e -> assertThat(e.source()).contains("3 IPv4 sources"));

        Device routed = only(devices, "ip-192.168.7.20");
        assertThat(routed.networkLocation()).isEqualTo(NetworkLocation.ROUTED);
        assertThat(routed.macAddress()).isNull();
        assertThat(routed.vendor()).isNull();
        assertThat(routed.randomizedMac()).isNull();

        // a public address is a remote end, not a device of the inventory
        assertThat(devices).extracting(Device::deviceId).doesNotContain("ip-93.184.216.34");
        assertThat(devices).hasSize(2);
    }

    @Test
    void publicSourcesBehindAMacWithAPrivateAddressAreForwardedTrafficNotItsOwn() {
        activity(HUE, T0, T0, 5);
        bind(HUE, "10.10.10.6", "ip");
        bind(HUE, "52.1.2.3", "ip");
        assertThat(inventory.snapshot().getFirst().ipAddresses()).containsExactly("10.10.10.6");
    }

    @Test
    void servicesAttachToTheDeviceOwningTheAddress() {
        activity(HUE, T0, T0, 5);
        bind(HUE, "10.10.10.6", "arp");
        IpAddress a = ip("10.10.10.6");
        for (int i = 0; i < 2; i++) {
            inventory.accept(new Observation.Service(new Host(mac(HUE), a.hi(), a.lo()), 80, Observation.Transport.TCP,
                    null, "tcp", T0));
        }
        Device d = inventory.snapshot().getFirst();
        assertThat(d.services()).containsExactly(new ServiceEntry(80, "tcp", null));
        assertThat(d.protocols()).contains("tcp");
    }

    @Test
    void whenDhcpGivesAnAddressToAnotherDeviceTheOldDevicesAttributesStayWithTheOldDevice() {
        activity(HUE, T0, T0, 5);
        bind(HUE, "10.10.10.6", "arp");
        activity(RANDOM, T0 + 100, T0 + 100, 5);
        bind(RANDOM, "10.10.10.6", "arp");
        List<Device> devices = inventory.snapshot();
        assertThat(only(devices, "mac-0017882476ff").vendor()).isEqualTo("Signify (Philips)");
        assertThat(only(devices, "mac-daa119000001").vendor()).isNull();
    }

    @Test
    void devicesMatchByMacIpOrIdInAnyCase() {
        activity(HUE, T0, T0, 5);
        bind(HUE, "10.10.10.6", "arp");
        Device d = inventory.snapshot().getFirst();
        assertThat(d.matches("00:17:88:24:76:FF")).isTrue();
        assertThat(d.matches("00-17-88-24-76-ff")).isTrue();
        assertThat(d.matches("10.10.10.6")).isTrue();
        assertThat(d.matches("mac-0017882476ff")).isTrue();
        assertThat(d.matches("10.10.10.7")).isFalse();
    }

    @Test
    void randomizedMacsOfOneHostAreLinkedByItsDuidAndTheFirstKeepsTheId() {
        String first = "da:a1:19:00:00:01", second = "3a:11:22:33:44:55", other = "6e:00:00:00:00:09";
        activity(first, T0, T0 + 10, 4);
        activity(second, T0 + 100, T0 + 200, 6);
        activity(other, T0 + 50, T0 + 60, 1);
        fact(first, null, "dhcpv6.duid", "000100012c5a33f4dead00beef01", "dhcpv6");
        fact(second, null, "dhcpv6.duid", "000100012c5a33f4dead00beef01", "dhcpv6");
        fact(second, null, "dhcp.hostname", "Johns-iPhone", "dhcp");
        fact(other, null, "dhcpv6.duid", "0001000100000000" + "6e0000000009", "dhcpv6");
        List<Device> devices = inventory.snapshot();
        assertThat(devices).extracting(Device::deviceId).containsExactlyInAnyOrder("mac-daa119000001", "mac-6e0000000009");
        Device phone = only(devices, "mac-daa119000001");
        assertThat(phone.macAddress()).isEqualTo(first);
        assertThat(phone.packets()).isEqualTo(10);
        assertThat(phone.lastSeenNanos()).isEqualTo(T0 + 200);
        assertThat(phone.deviceName()).isEqualTo("Johns-iPhone");
        assertThat(phone.deviceType()).isEqualTo("Smartphone");
        assertThat(phone.evidence()).filteredOn(e -> e.attribute().equals("linkedMac")).singleElement()
                .satisfies(e -> {
                    assertThat(e.value()).isEqualTo(second);
                    assertThat(e.source()).isEqualTo("identity: both MACs share dhcpv6.duid=000100012c5a33f4dead00beef01");
                });
    }

    @Test
    void aSharedDefaultHostnameAloneDoesNotLinkButWithTheSameDhcpFingerprintItDoes() {
        String a = "da:a1:19:00:00:01", b = "3a:11:22:33:44:55", c = "7e:00:00:00:00:07";
        for (String m : List.of(a, b, c)) {
            activity(m, T0, T0, 1);
            fact(m, null, "dhcp.hostname", "android-dhcp", "dhcp");
        }
        fact(a, null, "dhcp.parameterRequestList", "1,3,6,15,26,28,51,58,59,43", "dhcp");
        fact(b, null, "dhcp.parameterRequestList", "1,3,6,15,26,28,51,58,59,43", "dhcp");
        fact(c, null, "dhcp.parameterRequestList", "1,121,3,6,15,119,252", "dhcp");
        // seen at the same moment: the lower id is kept
        assertThat(inventory.snapshot()).extracting(Device::deviceId)
                .containsExactlyInAnyOrder("mac-3a1122334455", "mac-7e0000000007");
    }

    @Test
    void globallyUniqueMacsAreNeverLinkedEvenWithTheSameClientId() {
        activity(HUE, T0, T0, 1);
        activity(ROUTER, T0, T0, 1);
        fact(HUE, null, "dhcp.clientId", "ff00112233", "dhcp");
        fact(ROUTER, null, "dhcp.clientId", "ff00112233", "dhcp");
        assertThat(inventory.snapshot()).hasSize(2);
    }

    @Test
    void hostsBehindTheAllZeroMacOfAnAnonymisedCaptureAreKeyedByIp() {
        bind("00:00:00:00:00:00", "118.189.96.132", "ip");
        ipActivity("118.189.96.132");
        bind("00:00:00:00:00:00", "8.8.8.8", "ip");
        List<Device> devices = inventory.snapshot();
        Device d = only(devices, "ip-118.189.96.132");
        assertThat(d.macAddress()).isNull();
        assertThat(d.networkLocation()).isNull();
        assertThat(devices).extracting(Device::deviceId).doesNotContain("mac-000000000000", "ip-8.8.8.8");
    }
}
