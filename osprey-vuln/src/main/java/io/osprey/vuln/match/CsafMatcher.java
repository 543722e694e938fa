package io.osprey.vuln.match;

import io.osprey.vuln.csaf.CsafProduct;
import io.osprey.vuln.csaf.CsafProductStatus;
import io.osprey.vuln.csaf.CsafRemediation;
import io.osprey.vuln.csaf.VersionRange;
import io.osprey.vuln.cpe.FirmwareVersion;
import io.osprey.vuln.store.CsafProductRecord;
import io.osprey.vuln.store.VulnStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches CSAF product trees (CISA ICS and vendor advisories) to a device by vendor, product and version.
 * Names are compared as word sequences: the product is the device's model, or a family that the model's name
 * starts with ("SIMATIC S7-300 CPU family" for "SIMATIC S7-300 CPU 315-2 PN/DP"), or a name that contains the whole
 * model. Words must match whole, so "DCS-932L" never matches "DCS-930L". Only products the advisory lists as
 * known_affected (or first/last_affected) for a CVE count.
 */
public final class CsafMatcher {
    private static final Set<String> REMARK_WORDS = Set.of("series", "family", "families", "controllers",
            "controller", "devices", "device", "products", "product", "all", "models", "model", "firmware", "and",
            "framework", "software");
    private static final Set<String> AFFECTED = Set.of("known_affected", "first_affected", "last_affected");

    private final VulnStore store;
    private final CpeAliases aliases;

    public CsafMatcher(VulnStore store, CpeAliases aliases) {
        this.store = store;
        this.aliases = aliases;
    }

    public List<CsafMatch> match(DeviceProfile device) {
        if (device.vendor() == null || device.model() == null) {
            return List.of();
        }
        List<String> vendors = new ArrayList<>();
        for (String csafVendor : store.csafVendors()) {
            if (sameVendor(device.vendor(), csafVendor)) {
                vendors.add(csafVendor);
            }
        }
        if (vendors.isEmpty()) {
            return List.of();
        }
        List<String> model = words(CpeGenerator.cleanModel(device.model(), device.vendor()));
        String firmware = CpeGenerator.cleanVersion(device.firmwareVersion());
        Map<String, List<CsafProductRecord>> byAdvisory = new LinkedHashMap<>();
        for (CsafProductRecord r : store.csafProducts(vendors)) {
            byAdvisory.computeIfAbsent(r.advisoryId(), k -> new ArrayList<>()).add(r);
        }
        List<CsafMatch> out = new ArrayList<>();
        for (Map.Entry<String, List<CsafProductRecord>> advisory : byAdvisory.entrySet()) {
            Map<String, Candidate> products = new LinkedHashMap<>();
            for (CsafProductRecord r : advisory.getValue()) {
                Candidate c = candidate(r, model, firmware);
                if (c != null) {
                    products.put(r.product().productId(), c);
                }
            }
            if (products.isEmpty()) {
                continue;
            }
            List<CsafRemediation> remediations = store.csafRemediations(advisory.getKey());
            String url = advisory.getValue().getFirst().advisoryUrl();
            Map<String, CsafMatch> perCve = new LinkedHashMap<>();
            for (CsafProductStatus s : store.csafStatuses(advisory.getKey())) {
                Candidate c = products.get(s.productId());
                if (c == null || s.cveId() == null || !AFFECTED.contains(s.status())) {
                    continue;
                }
                CsafMatch existing = perCve.get(s.cveId());
                if (existing == null || c.confidence().strongerThan(existing.confidence())) {
                    List<String> links = remediations.stream()
                            .filter(r -> s.cveId().equals(r.cveId()) && r.url() != null
                                    && (r.productIds().isEmpty() || r.productIds().contains(s.productId())))
                            .map(CsafRemediation::url).distinct().toList();
                    perCve.put(s.cveId(), new CsafMatch(advisory.getKey(), s.cveId(), c.confidence(),
                            new MatchEvidence(null, "CSAF " + advisory.getKey() + " product " + s.productId() + " '"
                                    + c.label() + "' (" + s.status() + ")", true, c.reason()), links, url));
                }
            }
            out.addAll(perCve.values());
        }
        return out;
    }

    private record Candidate(Confidence confidence, String label, String reason) {
    }

    private Candidate candidate(CsafProductRecord r, List<String> model, String firmware) {
        CsafProduct p = r.product();
        if (p.productName() == null) {
            return null;
        }
        // Parenthesised remarks (order numbers, "incl. SIPLUS variants") and Rockwell hardware series ("Series A
        // and B": revisions of one catalogue number) do not name another product.
        List<String> product = words(p.productName().replaceAll("\\([^)]*\\)", " ")
                .replaceAll("(?i)\\bseries\\s+[a-z](\\s*(,|/|&|and)\\s*[a-z])*\\b", " "));
        NameRelation name = nameRelation(product, model);
        if (name == null) {
            return null;
        }
        String relation = name.description();
        if (name.versionHint() != null && firmware != null
                && !startsWith(FirmwareVersion.parse(firmware), name.versionHint())) {
            return null;
        }
        String label = p.productName() + (p.versionRange() != null ? " " + p.versionRange()
                : p.productVersion() != null ? " " + p.productVersion() : "");
        Candidate c = byVersion(p, firmware, relation, label);
        if (c != null && name.moreSpecific() && c.confidence() != Confidence.POSSIBLE) {
            // The advisory names a variant of what the device is known to be: maybe this variant, maybe not.
            return new Candidate(Confidence.POSSIBLE, label, c.reason());
        }
        return c;
    }

    private static Candidate byVersion(CsafProduct p, String firmware, String relation, String label) {
        if (p.versionRange() != null) {
            VersionRange range = VersionRange.parse(p.versionRange());
            if (range.isAll()) {
                return new Candidate(Confidence.LIKELY, label, relation + "; all versions affected");
            }
            if (firmware == null) {
                return new Candidate(Confidence.POSSIBLE, label, relation + "; device version unknown, affected "
                        + range.describe());
            }
            return switch (range.contains(firmware)) {
                case INSIDE -> new Candidate(Confidence.CONFIRMED, label, relation + "; version " + firmware
                        + " is within " + range.describe());
                case OUTSIDE -> null;
                case UNKNOWN -> new Candidate(Confidence.POSSIBLE, label, relation + "; cannot compare " + firmware
                        + " with " + range.describe());
            };
        }
        if (p.productVersion() != null) {
            if (firmware == null) {
                return new Candidate(Confidence.POSSIBLE, label, relation + "; device version unknown, affected "
                        + p.productVersion());
            }
            for (String v : p.productVersion().split("\\s*[|,]\\s*")) {
                if (FirmwareVersion.parse(v).hasNumber()
                        && FirmwareVersion.parse(v).equals(FirmwareVersion.parse(firmware))) {
                    return new Candidate(Confidence.CONFIRMED, label, relation + "; version " + firmware
                            + " equals the affected " + v);
                }
            }
            return null;
        }
        return new Candidate(Confidence.LIKELY, label, relation + "; no version given");
    }

    /** "3.7.44" starts with the numbers of "3.8u4"? Only the leading numbers of the hint count (3.8). */
    private static boolean startsWith(FirmwareVersion version, String hint) {
        String[] numbers = hint.replaceAll("[^0-9.]+.*$", "").split("\\.");
        String[] have = version.toString().replaceFirst("(?i)^v", "").split("[^0-9]+");
        for (int i = 0; i < numbers.length; i++) {
            if (numbers[i].isEmpty()) {
                continue;
            }
            if (i >= have.length || have[i].isEmpty() || Long.parseLong(trim(have[i])) != Long.parseLong(trim(numbers[i]))) {
                return false;
            }
        }
        return true;
    }

    private static String trim(String digits) {
        return digits.length() > 18 ? digits.substring(digits.length() - 18) : digits;
    }

    /**
     * How a product's words relate to the model's. {@code moreSpecific}: the product adds words after the model
     * (a variant the device may or may not be); {@code versionHint}: the words it adds are a version ("Niagara AX
     * 3.8u4"), which the device's version must then start with.
     */
    record NameRelation(String description, boolean moreSpecific, String versionHint) {
    }

    static NameRelation nameRelation(List<String> product, List<String> model) {
        List<String> p = product.stream().filter(w -> !REMARK_WORDS.contains(w)).toList();
        if (p.isEmpty() || model.isEmpty()) {
            return null;
        }
        if (p.equals(model)) {
            return new NameRelation("same product", false, null);
        }
        if (p.size() >= 2 && p.size() < model.size() && model.subList(0, p.size()).equals(p)) {
            return new NameRelation("model belongs to the product family '" + String.join(" ", p) + "'", false, null);
        }
        if (model.size() >= 2 || model.getFirst().matches(".*\\d.*")) {
            for (int i = 0; i + model.size() <= p.size(); i++) {
                if (p.subList(i, i + model.size()).equals(model)) {
                    List<String> after = p.subList(i + model.size(), p.size());
                    if (after.isEmpty()) {
                        return new NameRelation("product name contains the model", false, null);
                    }
                    if (after.getFirst().matches("\\d.*")) {
                        return new NameRelation("product is the model at version " + String.join(".", after), false,
                                String.join(".", after));
                    }
                    return new NameRelation("product '" + String.join(" ", p) + "' is a variant of the model", true,
                            null);
                }
            }
        }
        return null;
    }

    private boolean sameVendor(String deviceVendor, String csafVendor) {
        Set<String> a = new HashSet<>(aliases.cpeVendors(deviceVendor));
        List<String> b = aliases.cpeVendors(csafVendor);
        if (!a.isEmpty() && !b.isEmpty()) {
            return b.stream().anyMatch(a::contains);
        }
        return CpeGenerator.derivedVendor(deviceVendor).equals(CpeGenerator.derivedVendor(csafVendor));
    }

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
    }
}
