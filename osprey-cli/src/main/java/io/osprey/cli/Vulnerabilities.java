package io.osprey.cli;

import io.osprey.alert.Weakness;
import io.osprey.inventory.Device;
import io.osprey.vuln.match.DeviceProfile;
import io.osprey.vuln.match.VulnerabilityFinding;
import io.osprey.vuln.match.VulnerabilityMatcher;
import io.osprey.vuln.store.VulnStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches the inventory against the store's vulnerability intelligence. Devices with the same vendor, model,
 * firmware and OS share one match, so a large network of identical devices costs one lookup per kind of device.
 */
final class Vulnerabilities {
    private Vulnerabilities() {}

    /** The findings per device id, for the devices with any. */
    static Map<String, List<VulnerabilityFinding>> match(List<Device> devices, VulnStore store) {
        VulnerabilityMatcher matcher = new VulnerabilityMatcher(store);
        Map<DeviceProfile, List<VulnerabilityFinding>> memo = new HashMap<>();
        Map<String, List<VulnerabilityFinding>> out = new LinkedHashMap<>();
        for (Device d : devices) {
            if (d.vendor() == null && d.model() == null && d.osPlatform() == null) continue;
            DeviceProfile profile = new DeviceProfile(d.vendor(), d.model(), d.firmwareVersion(), d.osPlatform(),
                    d.osVersion(), d.deviceType(), d.deviceCategory());
            List<VulnerabilityFinding> findings = memo.computeIfAbsent(profile, p -> matcher.match(p).findings());
            if (!findings.isEmpty()) out.put(d.deviceId(), findings);
        }
        return out;
    }

    /** The findings as the posture weighs them. */
    static Map<String, List<Weakness>> weaknesses(Map<String, List<VulnerabilityFinding>> findings) {
        Map<String, List<Weakness>> out = new HashMap<>();
        findings.forEach((id, list) -> {
            List<Weakness> w = new ArrayList<>();
            for (VulnerabilityFinding f : list) {
                w.add(new Weakness(f.cveId(), f.confidence().label(), f.cvssScore(), f.epss(), f.kev(), !f.fixLinks().isEmpty()));
            }
            out.put(id, w);
        });
        return out;
    }
}
