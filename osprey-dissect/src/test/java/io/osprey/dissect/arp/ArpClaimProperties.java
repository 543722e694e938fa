package io.osprey.dissect.arp;

import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Any sequence of ARP packets among a few hosts reports exactly the changes of claimant a simple model sees. */
class ArpClaimProperties {
    static final String[] MACS = {"00:17:88:24:76:ff", "02:de:ad:be:ef:01", "00:b5:6d:06:08:ba"};
    static final String[] IPS = {"10.0.0.5", "10.0.0.6", "10.0.0.7"};

    /** Each step: MAC index × 3 + IP index, and its kind: 0 request, 1 reply, 2 gratuitous. */
    @Property(tries = 300)
    void claimsAreTheChangesOfClaimant(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 26) Integer> steps) {
        Observed observed = new Observed(new ArpDissector());
        Map<String, String> last = new HashMap<>();
        List<String> expected = new ArrayList<>();
        for (int step : steps) {
            String mac = MACS[step / 9], ip = IPS[step / 3 % 3];
            int kind = step % 3;
            SyntheticFrame f = kind == 0 ? SyntheticFrame.from(mac, ip).to("ff:ff:ff:ff:ff:ff", "10.0.0.1")
                    : kind == 1 ? SyntheticFrame.from(mac, ip).to("02:00:00:00:00:01", "10.0.0.1")
                    : SyntheticFrame.from(mac, ip).to("ff:ff:ff:ff:ff:ff", ip);
            observed.feed(f, f.arp(kind == 1 ? 2 : 1));
            if (kind == 0) continue;
            String previous = last.put(ip, mac);
            if (previous != null && !previous.equals(mac)) {
                expected.add(mac + "/" + ip + " > " + mac + "/" + ip + " arp:claim ip=" + ip + " mac=" + mac
                        + " previous=" + previous);
            }
        }
        assertThat(observed.operations().stream().filter(o -> o.contains(" arp:claim ")).toList())
                .isEqualTo(expected);
    }
}
