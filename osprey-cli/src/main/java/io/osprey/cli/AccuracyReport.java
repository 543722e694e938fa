package io.osprey.cli;

import io.osprey.vuln.match.MatcherEvaluation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.osprey.inventory.Device;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The result of `osprey eval`: targets, summary, per-source and per-device tables, as Markdown
 * (docs/ACCURACY.md) or JSON. Nothing in it depends on the date or the run time, so reruns diff cleanly.
 */
final class AccuracyReport {
    static final double FOUND_GOAL = 1.0, TYPE_RIGHT_GOAL = 0.90, TYPE_WRONG_CEILING = 0.03, VENDOR_GOAL = 0.95,
            MODEL_GOAL = 1.0;

    /** The scoring rules, as printed in the report (the classes named hold the details). */
    static final String RULES = """
            - **Matching** a TRUTH.tsv row to a device: by MAC (lower case) when the row has a real one, and then
              only by MAC; by IP when the MAC is missing or 00:00:00:00:00:00 (anonymised captures). The ip column
              may list several addresses ('/' or ','), 'x' wildcard octets (10.0.4.x) and '.N' shorthand for the
              previous address's last octet; 0.0.0.0, '-' and '(routed)' are ignored. Each capture is scanned once
              with the default settings of `osprey scan`.
            - **found**: a device matching the row exists. A device not found scores *empty* on every field.
            - **deviceType**: *right* if Osprey's deviceType is one of accepted_device_types (TAXONOMY.md strings),
              *wrong* if set and not accepted, *empty* if not set, *not scored* if the row accepts none.
            - **identifiable** (the 90% deviceType target counts these rows only): the evidence column names a
              source of identity strings — DHCP, host names, vendor or user classes, LLDP, CDP, S7 SZL, ENIP
              ListIdentity reply, FINS controller data, BACnet ReadProperty reply, SSDP, HTTP, user agents, server
              headers, mDNS, NBNS/NetBIOS, SNMP, model or payload strings, hello strings, beacons, WS-Discovery,
              display names, MUD, KNX search responses. Not identifiable: "no identity strings in this run", an OUI
              alone, a client or server role, protocol traffic without names (Modbus, DNP3, GOOSE, MMS, EAPOL, STP,
              CIP I/O), a file name. The decision and the marker that made it are in the device table.
            - **vendor**: both sides lower-cased; notes in parentheses, "OUI:", hyphens and dots dropped
              ("D-Link" = "dlink"); corporate suffixes and filler (inc, ltd, co, gmbh, corp, technologies,
              international, electronics, NIC, VM, leading Chinese place names) dropped; '/' separates
              alternatives. *Right* when the first significant word of one side is among the words of the other
              ("TP-Link" vs "TP-LINK TECHNOLOGIES CO.,LTD."). Synonyms (a brand and its owner, a renamed company)
              come from `eval-vendor-synonyms.tsv`. Where the label is only an OUI inference ("OUI: Delta
              Electronics"), the brand of the IoT Sentinel paper model (Fitbit) is right too. *Not scored* when the
              label is '-', empty or only a note ("(Digital Bond test data)", "(random MAC)").
            - **model**: *not scored* unless expected_model has a model-like token (letters and digits, or digits
              joined by hyphens: DCS-935L, HS110, WS-C3560-24TS, 1756-ENBT, 315-2; not quoted names, versions,
              host names, protocol names, the vendor's own name such as eQ-3), and not when the row is marked
              unlabelled or the model is of a device behind the IP device ("(seen via the Hue bridge)": TAXONOMY.md
              counts the bridge). *Right* when Osprey's model shares such a token (case and punctuation aside; a
              1–2 letter suffix such as a region or revision is allowed: HS100(EU), DCS-930LB), or names the
              product in words found together in the label (at least two words, one not generic: "WeMo Insight
              Switch", "SCALANCE X 200"; not "Smart Plug"); *wrong* if set otherwise; *empty* if not set. The model
              is **carried by the packets** when a token of it appears in the evidence column or the evidence names
              a model-bearing source (S7 SZL, ListIdentity reply, FINS controller data, CDP, LLDP, model or payload
              strings, beacons); the model target counts those rows.
            - **firmware**: *not scored* unless the label says "firmware V", "revision N (=V)", "controller version
              V" or "IOS ... V"; *right* when the first version in Osprey's firmwareVersion equals one of them
              number by number (01.00 = 1.0; 12.x = any 12.*; a shared prefix of 3 or more parts counts).
            """;

    private final List<DeviceScore> scores;
    private final List<AlertScore> alerts;
    private final MatcherEvaluation.Result cves;
    private final String rerun;
    private final String truth;
    private final List<String> notes;

    AccuracyReport(List<DeviceScore> scores, List<AlertScore> alerts, MatcherEvaluation.Result cves, String rerun,
                   String truth, List<String> notes) {
        this.scores = List.copyOf(scores);
        this.alerts = List.copyOf(alerts);
        this.cves = cves;
        this.rerun = rerun;
        this.truth = truth;
        this.notes = List.copyOf(notes);
    }

    List<DeviceScore> scores() {
        return scores;
    }

    List<Target> targets() {
        int all = scores.size();
        List<DeviceScore> identifiable = select(s -> s.identity().identifiable() && s.type() != Verdict.NOT_SCORED);
        Tally vendor = tally(scores, DeviceScore::vendor);
        List<DeviceScore> carried = select(s -> s.modelCarried() && s.model() != Verdict.NOT_SCORED);
        List<Target> cveTargets = cves == null ? List.of() : List.of(
                new Target("CVE matches right (precision)", "matches follow the records' own configurations: precision ≥ 95%",
                        cves.truePositives().size(), cves.predicted().size(), 0.95, false),
                new Target("CVE matches found (recall)", "recall ≥ 80% of the records that apply",
                        cves.truePositives().size(), cves.expected().size(), 0.80, false));
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(
                new Target("found", "every labelled device is found", count(s -> s.found()), all, FOUND_GOAL, false),
                new Target("deviceType right (identifiable)",
                        "deviceType right for ≥ 90% of devices whose packets carry identifying strings",
                        tally(identifiable, DeviceScore::type).right(), identifiable.size(), TYPE_RIGHT_GOAL, false),
                new Target("deviceType wrong (all)", "deviceType wrong for ≤ 3% of all labelled devices",
                        count(s -> s.type() == Verdict.WRONG), all, TYPE_WRONG_CEILING, true),
                new Target("vendor right", "vendor right for ≥ 95% of devices with a vendor label",
                        vendor.right(), vendor.scored(), VENDOR_GOAL, false),
                new Target("model right (carried by packets)", "model right wherever the packets carry it",
                        tally(carried, DeviceScore::model).right(), carried.size(), MODEL_GOAL, false),
                new Target("alerts raised (expected)", "the programming, stop and fault captures raise their alerts",
                        alerts.stream().mapToInt(a -> a.right().size()).sum(),
                        alerts.stream().mapToInt(a -> a.expected().size()).sum(), 1.0, false),
                new Target("alerts unexpected (of those raised)", "benign traffic raises none",
                        alerts.stream().mapToInt(a -> a.unexpected().size()).sum(),
                        alerts.stream().mapToInt(a -> a.raised().size()).sum(), 0.0, true)), cveTargets.stream()).toList();
    }

    void markdown(PrintWriter w) {
        long captures = scores.stream().map(s -> s.row().file()).distinct().count();
        w.println("# Osprey accuracy on the labelled captures");
        w.println();
        w.println("Discovery and classification of every labelled device in `" + truth + "` (" + scores.size()
                + " devices in " + captures + " captures), scored field by field. Generated by `osprey eval`; "
                + "the file holds no dates or timings, so a rerun changes it only where the results change.");
        w.println();
        w.println("Rerun (from the project folder, with `../shared` next to it):");
        w.println();
        w.println("```");
        w.println(rerun);
        w.println("```");
        w.println();
        w.println("`--json` writes the same results for machines; `--only 'ics-iti/**'` restricts the run to some captures.");
        w.println("Why the misses are misses, and where a label and the packets disagree: "
                + "[`ACCURACY-ANALYSIS.md`](ACCURACY-ANALYSIS.md) (written by hand).");
        w.println();
        w.println("## Targets");
        w.println();
        w.println("| target | goal | result | status |");
        w.println("|---|---|---|---|");
        for (Target t : targets()) {
            w.println("| " + t.name() + " | " + cell(t.goal()) + " | " + t.result() + " | **" + t.status() + "** |");
        }
        w.println();
        w.println("## Summary");
        w.println();
        w.println("Shares are of the devices scored for that field (right + wrong + empty).");
        w.println();
        w.println("| field | devices scored | right | wrong | empty | not scored | right % | wrong % |");
        w.println("|---|---|---|---|---|---|---|---|");
        int found = count(s -> s.found());
        w.println("| found | " + scores.size() + " | " + found + " | – | " + (scores.size() - found) + " | 0 | "
                + Target.percent(share(found, scores.size())) + " | – |");
        List<DeviceScore> identifiable = select(s -> s.identity().identifiable());
        summaryRow(w, "deviceType (identifiable: " + identifiable.size() + ")", tally(identifiable, DeviceScore::type));
        summaryRow(w, "deviceType (all)", tally(scores, DeviceScore::type));
        summaryRow(w, "vendor", tally(scores, DeviceScore::vendor));
        summaryRow(w, "model (all with a model label)", tally(scores, DeviceScore::model));
        summaryRow(w, "model (carried by packets)", tally(select(DeviceScore::modelCarried), DeviceScore::model));
        summaryRow(w, "firmware", tally(scores, DeviceScore::firmware));
        w.println();
        w.println("## By source");
        w.println();
        w.println("| source | devices | found | deviceType right / wrong / empty | deviceType right (identifiable) "
                + "| vendor right / scored | model right / scored | firmware right / scored |");
        w.println("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, List<DeviceScore>> g : groups().entrySet()) {
            List<DeviceScore> rows = g.getValue();
            Tally type = tally(rows, DeviceScore::type);
            List<DeviceScore> ident = rows.stream().filter(s -> s.identity().identifiable()).toList();
            Tally typeIdent = tally(ident, DeviceScore::type);
            Tally vendor = tally(rows, DeviceScore::vendor), model = tally(rows, DeviceScore::model),
                    firmware = tally(rows, DeviceScore::firmware);
            w.println("| " + g.getKey() + " | " + rows.size() + " | " + rows.stream().filter(DeviceScore::found).count()
                    + " | " + type.right() + " / " + type.wrong() + " / " + type.empty()
                    + " | " + typeIdent.right() + " / " + typeIdent.scored()
                    + " | " + vendor.right() + " / " + vendor.scored()
                    + " | " + model.right() + " / " + model.scored()
                    + " | " + firmware.right() + " / " + firmware.scored() + " |");
        }
        w.println();
        w.println("## Alerts");
        w.println();
        w.println("Each capture scanned without a baseline; expected alerts from `alert-expectations.tsv` "
                + "(osprey-cli resources), every other capture should raise none. With a baseline learned from the "
                + "capture itself, none of them raises a learnable alert (tested in osprey-alert's CaptureAlertsTest).");
        w.println();
        int right = 0, missed = 0, unexpected = 0;
        for (AlertScore a : alerts) {
            right += a.right().size();
            missed += a.missed().size();
            unexpected += a.unexpected().size();
        }
        long quiet = alerts.stream().filter(a -> a.expected().isEmpty() && a.raised().isEmpty()).count();
        long benign = alerts.stream().filter(a -> a.expected().isEmpty()).count();
        w.println("Raised as expected: " + right + "; missed: " + missed + "; unexpected: " + unexpected
                + ". Captures expected to raise nothing that raised nothing: " + quiet + " of " + benign + ".");
        w.println();
        w.println("| capture | expected | raised | right | missed | unexpected | why |");
        w.println("|---|---|---|---|---|---|---|");
        for (AlertScore a : alerts) {
            if (a.expected().isEmpty() && a.raised().isEmpty()) continue;
            w.println("| " + cell(a.capture()) + " | " + cell(String.join(", ", a.expected())) + " | "
                    + cell(String.join(", ", a.raised())) + " | " + a.right().size() + " | "
                    + (a.missed().isEmpty() ? "0" : "**" + String.join(", ", a.missed()) + "**") + " | "
                    + (a.unexpected().isEmpty() ? "0" : "**" + String.join(", ", a.unexpected()) + "**") + " | "
                    + cell(a.why()) + " |");
        }
        if (cves != null) {
            w.println();
            w.println("## Vulnerability matching");
            w.println();
            w.println("CPE generation and matching for " + cves.devices() + " devices of the captures (their vendor, model, "
                    + "firmware and OS as profiled in osprey-vuln's `evaluation-profiles.tsv`) against the " + cves.records()
                    + " NVD records of `../shared/data/vuln/nvd`. The truth is each record's own configurations, evaluated "
                    + "by an independent oracle on the device's true NVD product names; the matcher sees only the "
                    + "profile's strings. A sibling model or a version outside a range must not match.");
            w.println();
            w.println("| pairs expected | pairs matched | right | wrong | missed | precision | recall | coverage gaps |");
            w.println("|---|---|---|---|---|---|---|---|");
            w.println("| " + cves.expected().size() + " | " + cves.predicted().size() + " | " + cves.truePositives().size()
                    + " | " + cves.falsePositives().size() + " | " + cves.falseNegatives().size() + " | "
                    + Target.percent(cves.precision()) + " | " + Target.percent(cves.recall()) + " | " + cves.gaps() + " |");
            w.println();
            w.println("| confidence | right | wrong |");
            w.println("|---|---|---|");
            cves.byConfidence().forEach((c, n) -> w.println("| " + c.label() + " | " + n[0] + " | " + n[1] + " |"));
            if (!cves.falsePositives().isEmpty()) w.println("\nWrong: " + String.join(", ", cves.falsePositives()));
            if (!cves.falseNegatives().isEmpty()) w.println("\nMissed: " + String.join(", ", cves.falseNegatives()));
        }
        w.println();
        w.println("## How it is scored");
        w.println();
        w.print(RULES);
        if (!notes.isEmpty()) {
            w.println();
            w.println("## Notes from this run");
            w.println();
            for (String n : notes) w.println("- " + cell(n));
        }
        w.println();
        w.println("## Devices");
        w.println();
        w.println("One row per TRUTH.tsv line. Verdicts: right, **wrong**, empty, n/s (not scored). "
                + "\"carried\" marks a model the packets carry.");
        w.println();
        w.println("| line | capture | MAC | found | identifiable | accepted types | Osprey type | type "
                + "| expected vendor | Osprey vendor | vendor | expected model | Osprey model | model "
                + "| Osprey firmware | firmware |");
        w.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (DeviceScore s : scores) {
            TruthRow r = s.row();
            w.println("| " + r.line() + " | " + cell(r.file()) + " | " + cell(r.mac().isEmpty() ? r.ips() : r.mac())
                    + " | " + (s.found() ? "yes (" + s.match().by() + ")" : "**no**")
                    + " | " + cell(s.identity().cell())
                    + " | " + cell(String.join("; ", r.acceptedTypes()))
                    + " | " + cell(s.got(Device::deviceType)) + " | " + s.type().cell()
                    + " | " + cell(s.expectedVendor()) + " | " + cell(s.got(Device::vendor)) + " | " + s.vendor().cell()
                    + " | " + cell(r.expectedModel()) + " | " + cell(s.got(Device::model)) + " | " + s.model().cell()
                    + (s.modelCarried() && s.model() != Verdict.NOT_SCORED ? " (carried)" : "")
                    + " | " + cell(s.got(Device::firmwareVersion)) + " | " + s.firmware().cell() + " |");
        }
    }

    void json(OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("truth", truth);
            g.writeStringField("rerun", rerun);
            g.writeNumberField("devices", scores.size());
            g.writeArrayFieldStart("targets");
            for (Target t : targets()) {
                g.writeStartObject();
                g.writeStringField("name", t.name());
                g.writeStringField("goal", t.goal());
                g.writeNumberField("count", t.count());
                g.writeNumberField("of", t.of());
                g.writeNumberField("threshold", t.threshold());
                g.writeBooleanField("atMost", t.atMost());
                g.writeStringField("status", t.status());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("found", count(DeviceScore::found));
            List<DeviceScore> identifiable = select(s -> s.identity().identifiable());
            g.writeNumberField("identifiable", identifiable.size());
            tallyField(g, "deviceTypeIdentifiable", tally(identifiable, DeviceScore::type));
            tallyField(g, "deviceType", tally(scores, DeviceScore::type));
            tallyField(g, "vendor", tally(scores, DeviceScore::vendor));
            tallyField(g, "model", tally(scores, DeviceScore::model));
            tallyField(g, "modelCarriedByPackets", tally(select(DeviceScore::modelCarried), DeviceScore::model));
            tallyField(g, "firmware", tally(scores, DeviceScore::firmware));
            g.writeEndObject();
            g.writeObjectFieldStart("groups");
            for (Map.Entry<String, List<DeviceScore>> e : groups().entrySet()) {
                List<DeviceScore> rows = e.getValue();
                g.writeObjectFieldStart(e.getKey());
                g.writeNumberField("devices", rows.size());
                g.writeNumberField("found", rows.stream().filter(DeviceScore::found).count());
                tallyField(g, "deviceType", tally(rows, DeviceScore::type));
                tallyField(g, "deviceTypeIdentifiable",
                        tally(rows.stream().filter(s -> s.identity().identifiable()).toList(), DeviceScore::type));
                tallyField(g, "vendor", tally(rows, DeviceScore::vendor));
                tallyField(g, "model", tally(rows, DeviceScore::model));
                tallyField(g, "firmware", tally(rows, DeviceScore::firmware));
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("notes");
            for (String n : notes) g.writeString(n);
            g.writeEndArray();
            g.writeArrayFieldStart("alerts");
            for (AlertScore a : alerts) {
                g.writeStartObject();
                g.writeStringField("capture", a.capture());
                for (var field : List.of(Map.entry("expected", a.expected()), Map.entry("raised", a.raised()),
                        Map.entry("missed", a.missed()), Map.entry("unexpected", a.unexpected()))) {
                    g.writeArrayFieldStart(field.getKey());
                    for (String id : field.getValue()) g.writeString(id);
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (DeviceScore s : scores) row(g, s);
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void row(JsonGenerator g, DeviceScore s) throws IOException {
        TruthRow r = s.row();
        g.writeStartObject();
        g.writeNumberField("line", r.line());
        g.writeStringField("file", r.file());
        g.writeStringField("group", r.group());
        g.writeStringField("mac", r.mac());
        g.writeStringField("ip", r.ips());
        g.writeBooleanField("found", s.found());
        g.writeStringField("matchedBy", s.match().by());
        g.writeStringField("deviceId", s.got(Device::deviceId));
        g.writeBooleanField("identifiable", s.identity().identifiable());
        g.writeStringField("identifiableBecause", s.identity().marker());
        g.writeObjectFieldStart("expected");
        g.writeArrayFieldStart("deviceTypes");
        for (String t : r.acceptedTypes()) g.writeString(t);
        g.writeEndArray();
        g.writeStringField("vendor", s.expectedVendor());
        g.writeStringField("model", r.expectedModel());
        g.writeBooleanField("modelCarriedByPackets", s.modelCarried());
        g.writeArrayFieldStart("firmware");
        for (String v : FirmwareVersions.expected(r)) g.writeString(v);
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("osprey");
        g.writeStringField("deviceType", s.got(Device::deviceType));
        g.writeStringField("vendor", s.got(Device::vendor));
        g.writeStringField("model", s.got(Device::model));
        g.writeStringField("firmwareVersion", s.got(Device::firmwareVersion));
        g.writeEndObject();
        g.writeObjectFieldStart("verdicts");
        g.writeStringField("deviceType", s.type().name());
        g.writeStringField("vendor", s.vendor().name());
        g.writeStringField("model", s.model().name());
        g.writeStringField("firmware", s.firmware().name());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void tallyField(JsonGenerator g, String name, Tally t) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("right", t.right());
        g.writeNumberField("wrong", t.wrong());
        g.writeNumberField("empty", t.empty());
        g.writeNumberField("notScored", t.notScored());
        g.writeEndObject();
    }

    private static void summaryRow(PrintWriter w, String field, Tally t) {
        w.println("| " + field + " | " + t.scored() + " | " + t.right() + " | " + t.wrong() + " | " + t.empty()
                + " | " + t.notScored() + " | " + Target.percent(share(t.right(), t.scored()))
                + " | " + Target.percent(share(t.wrong(), t.scored())) + " |");
    }

    /** Rows by source collection, in name order. */
    private Map<String, List<DeviceScore>> groups() {
        Map<String, List<DeviceScore>> m = new TreeMap<>();
        for (DeviceScore s : scores) m.computeIfAbsent(s.row().group(), k -> new ArrayList<>()).add(s);
        return new LinkedHashMap<>(m);
    }

    private List<DeviceScore> select(Predicate<DeviceScore> p) {
        return scores.stream().filter(p).toList();
    }

    private int count(Predicate<DeviceScore> p) {
        return (int) scores.stream().filter(p).count();
    }

    static Tally tally(List<DeviceScore> rows, Function<DeviceScore, Verdict> field) {
        return Tally.of(rows.stream().map(field).toList());
    }

    private static double share(int count, int of) {
        return of == 0 ? Double.NaN : (double) count / of;
    }

    /** A Markdown table cell: '|' escaped, line breaks flattened, null shown as '–'. */
    static String cell(String s) {
        if (s == null || s.isEmpty()) return "–";
        return s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
