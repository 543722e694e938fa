package io.osprey.vuln.match;

import io.osprey.vuln.cpe.Cpe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Generates the CPE names a device probably has, from its vendor, model, firmware and OS, following NVD's naming
 * habits for embedded devices: {@code h:<vendor>:<model>:-} for the hardware, {@code o:<vendor>:<model>_firmware}
 * for its firmware (the version, when known, on this one), the OS as {@code o:}, and rarely {@code a:} for
 * devices NVD treats as software. Vendor and model names go through {@link CpeAliases}; nothing else is guessed:
 * a model that no documented rule normalises is used as it is, so a sibling model can never stand in.
 */
public final class CpeGenerator {
    static final double HARDWARE = 0.7;
    static final double FIRMWARE = 0.7;
    static final double APPLICATION = 0.2;
    static final double OPERATING_SYSTEM = 0.6;
    static final double SECOND_SPELLING = 0.8;
    static final double UNKNOWN_VENDOR = 0.5;

    private final CpeAliases aliases;

    public CpeGenerator(CpeAliases aliases) {
        this.aliases = aliases;
    }

    public static CpeGenerator bundled() {
        return new CpeGenerator(CpeAliases.bundled());
    }

    public CpeAliases aliases() {
        return aliases;
    }

    /** Candidates, most likely first. */
    public List<CpeCandidate> generate(DeviceProfile device) {
        Map<Cpe, CpeCandidate> out = new LinkedHashMap<>();
        String firmware = cleanVersion(device.firmwareVersion());
        List<String> vendors = aliases.cpeVendors(device.vendor());
        double vendorFactor = 1.0;
        String vendorBasis = "vendor alias";
        if (vendors.isEmpty() && device.vendor() != null && !device.vendor().isBlank()) {
            vendors = List.of(derivedVendor(device.vendor()));
            vendorFactor = UNKNOWN_VENDOR;
            vendorBasis = "vendor name as observed";
        }
        String model = cleanModel(device.model(), device.vendor());
        for (int i = 0; i < vendors.size() && model != null; i++) {
            String vendor = vendors.get(i);
            double vf = vendorFactor * (i == 0 ? 1.0 : SECOND_SPELLING);
            String normalised = model;
            String basis = vendorBasis + " " + vendor + "; model '" + model + "'";
            for (CpeAliases.ModelRule rule : aliases.modelRules(vendor)) {
                Matcher m = rule.pattern().matcher(model);
                if (m.matches()) {
                    normalised = m.replaceFirst(rule.replacement());
                    basis += " normalised to '" + normalised + "' (" + rule.why() + ")";
                    break;
                }
            }
            String product = normalised.replace(' ', '_');
            add(out, Cpe.of('h', vendor, product, null).withVersion(Cpe.NA), HARDWARE * vf, basis + ", hardware");
            add(out, Cpe.of('o', vendor, product + "_firmware", firmware), FIRMWARE * vf, basis + ", firmware");
            add(out, Cpe.of('a', vendor, product, firmware), APPLICATION * vf, basis + ", as software");
            List<CpeAliases.ProductName> extras = new ArrayList<>(aliases.products(vendor, model));
            if (!normalised.equals(model)) {
                extras.addAll(aliases.products(vendor, normalised));
            }
            for (CpeAliases.ProductName extra : extras) {
                Cpe cpe = extra.part() == 'h' ? Cpe.of('h', vendor, extra.product(), null).withVersion(Cpe.NA)
                        : Cpe.of(extra.part(), vendor, extra.product(), firmware);
                add(out, cpe, extra.likelihood() * vf, "product alias: " + extra.why());
            }
        }
        String os = aliases.operatingSystem(device.osPlatform());
        if (os != null) {
            String[] p = os.split(":");
            add(out, Cpe.of(p[0].charAt(0), p[1], p[2], cleanVersion(device.osVersion())), OPERATING_SYSTEM,
                    "operating system '" + device.osPlatform() + "'");
        }
        List<CpeCandidate> sorted = new ArrayList<>(out.values());
        sorted.sort(Comparator.comparingDouble(CpeCandidate::likelihood).reversed());
        return sorted;
    }

    private static void add(Map<Cpe, CpeCandidate> out, Cpe cpe, double likelihood, String basis) {
        CpeCandidate existing = out.get(cpe);
        if (existing == null || existing.likelihood() < likelihood) {
            out.put(cpe, new CpeCandidate(cpe, Math.round(likelihood * 100) / 100.0, basis));
        }
    }

    /** Lower case, single spaces, no vendor name in front, no parenthesised remark at the end. */
    static String cleanModel(String model, String vendor) {
        if (model == null || model.isBlank()) {
            return null;
        }
        String m = CpeAliases.key(model);
        if (vendor != null) {
            String v = CpeAliases.key(vendor);
            if (m.startsWith(v + " ")) {
                m = m.substring(v.length() + 1);
            }
        }
        // "(station 'x')" remarks go, "hs100(eu)" variants stay: only a remark after a space is dropped.
        m = m.replaceAll("\\s+\\([^)]*\\)$", "").strip();
        return m.isEmpty() ? null : m;
    }

    /** "fw 01.00", "Firmware V2.6.3", "version 4.3" → the version itself; null when absent. */
    static String cleanVersion(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        String v = version.strip().replaceFirst("(?i)^(fw|firmware|version|ver\\.?|rev\\.?|revision)\\s*:?\\s*", "");
        return v.isBlank() ? null : v;
    }

    /** A vendor the alias list does not know: its first word, lower-cased, corporate suffixes dropped. */
    static String derivedVendor(String vendor) {
        String v = CpeAliases.key(vendor).replaceAll("[,.]", " ")
                .replaceAll("\\b(inc|ltd|co|corp|corporation|gmbh|ag|llc|technologies|technology|international)\\b", "")
                .strip();
        String first = v.split("\\s+")[0];
        return first.isEmpty() ? CpeAliases.key(vendor).toLowerCase(Locale.ROOT) : first;
    }
}
