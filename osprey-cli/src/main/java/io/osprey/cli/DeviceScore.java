package io.osprey.cli;

import io.osprey.inventory.Device;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Osprey did on one labelled device: whether it found it and the verdict on each scored field.
 *
 * @param expectedVendor the vendor label as scored: TRUTH.tsv's expected_vendor, plus the product's brand
 *     when the label is only an OUI inference (see {@link #expectedVendor(TruthRow)})
 * @param modelCarried whether the packets carry the model (the model target applies to these rows)
 */
record DeviceScore(TruthRow row, RowMatch match, IdentityEvidence.Decision identity, String expectedVendor,
                   Verdict type, Verdict vendor, Verdict model, boolean modelCarried, Verdict firmware) {

    /** IoT Sentinel labels: "label 'Aria'; paper model: Fitbit Aria Wi-Fi scale". */
    private static final Pattern PAPER_MODEL_BRAND = Pattern.compile("(?i)paper model:\\s*([^\\s;]+)");

    static DeviceScore of(TruthRow row, RowMatch match, VendorNames vendors) {
        Device d = match.device();
        String expectedVendor = expectedVendor(row);
        return new DeviceScore(row, match, IdentityEvidence.of(row), expectedVendor,
                type(row, d == null ? null : d.deviceType()),
                vendors.score(expectedVendor, d == null ? null : d.vendor()),
                ModelTokens.score(row.expectedModel(), row.expectedVendor(), d == null ? null : d.model()),
                ModelTokens.carriedByPackets(row),
                FirmwareVersions.score(row, d == null ? null : d.firmwareVersion()));
    }

    /**
     * Where expected_vendor is only the OUI's registrant ("OUI: Delta Electronics" for a Fitbit Aria built on
     * a Delta Wi-Fi module) the product's brand, the first word of the IoT Sentinel paper model, is right
     * too: both are true of the device.
     */
    static String expectedVendor(TruthRow row) {
        String v = row.expectedVendor();
        if (!v.toLowerCase(Locale.ROOT).startsWith("oui:")) return v;
        Matcher m = PAPER_MODEL_BRAND.matcher(row.expectedModel());
        return m.find() ? v + " / " + m.group(1) : v;
    }

    /** RIGHT when one of the accepted TAXONOMY.md types (case aside), NOT_SCORED when the row accepts none. */
    static Verdict type(TruthRow row, String got) {
        if (row.acceptedTypes().isEmpty()) return Verdict.NOT_SCORED;
        if (got == null || got.isBlank()) return Verdict.EMPTY;
        return row.acceptedTypes().stream().anyMatch(t -> t.equalsIgnoreCase(got.trim())) ? Verdict.RIGHT : Verdict.WRONG;
    }

    boolean found() {
        return match.found();
    }

    /** The matched device's value of {@code field}; null when the device was not found. */
    String got(Function<Device, String> field) {
        return match.device() == null ? null : field.apply(match.device());
    }
}
