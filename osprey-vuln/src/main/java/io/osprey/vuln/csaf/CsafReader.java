package io.osprey.vuln.csaf;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osprey.vuln.nvd.MalformedIntelException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSAF 2.0 advisory (OASIS CSAF 2.0, §3.2.2 product_tree, §3.2.3 vulnerabilities). Product tree branches
 * are walked down to their products: a {@code vendor} branch gives the vendor, {@code product_name} the product,
 * {@code product_version} or {@code product_version_range} the version; {@code relationships} (a component
 * installed on a platform) become products named after their component.
 */
public final class CsafReader {
    /** Advisories are under a few MB; the largest CISA ICS advisory is about 2 MB. */
    public static final int MAX_BRANCH_DEPTH = 30;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] STATUSES = {"known_affected", "fixed", "known_not_affected", "first_affected",
        "first_fixed", "last_affected", "recommended", "under_investigation"};

    private CsafReader() {
    }

    public static CsafAdvisory read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new MalformedIntelException("invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedIntelException("a CSAF advisory is a JSON object");
        }
        JsonNode document = root.path("document");
        if (!document.path("csaf_version").asText("").startsWith("2.")) {
            throw new MalformedIntelException("not a CSAF 2.x document (document.csaf_version)");
        }
        JsonNode tracking = document.path("tracking");
        String id = tracking.path("id").asText("");
        if (id.isBlank()) {
            throw new MalformedIntelException("CSAF document without document.tracking.id");
        }
        List<CsafProduct> products = new ArrayList<>();
        JsonNode tree = root.path("product_tree");
        walk(tree.path("branches"), null, null, null, null, products, 0);
        for (JsonNode relationship : tree.path("relationships")) {
            JsonNode full = relationship.path("full_product_name");
            String component = relationship.path("product_reference").asText(null);
            CsafProduct base = products.stream().filter(p -> p.productId().equals(component)).findFirst()
                    .orElse(null);
            if (base != null && full.has("product_id")) {
                products.add(new CsafProduct(full.path("product_id").asText(), base.vendor(), base.productName(),
                        base.productVersion(), base.versionRange(), full.path("name").asText(null), base.cpe()));
            }
        }
        for (JsonNode full : tree.path("full_product_names")) {
            products.add(new CsafProduct(full.path("product_id").asText(), null, full.path("name").asText(null),
                    null, null, full.path("name").asText(null), cpe(full)));
        }
        List<CsafProductStatus> statuses = new ArrayList<>();
        List<CsafRemediation> remediations = new ArrayList<>();
        for (JsonNode v : root.path("vulnerabilities")) {
            String cve = v.path("cve").isTextual() ? v.path("cve").asText() : null;
            JsonNode status = v.path("product_status");
            for (String s : STATUSES) {
                for (JsonNode p : status.path(s)) {
                    statuses.add(new CsafProductStatus(cve, p.asText(), s));
                }
            }
            for (JsonNode r : v.path("remediations")) {
                List<String> ids = new ArrayList<>();
                r.path("product_ids").forEach(p -> ids.add(p.asText()));
                remediations.add(new CsafRemediation(cve, r.path("category").asText(null),
                        shorten(r.path("details").asText(null)), r.path("url").asText(null), ids));
            }
        }
        String url = null;
        for (JsonNode ref : document.path("references")) {
            if ("self".equals(ref.path("category").asText())) {
                url = ref.path("url").asText(null);
            }
        }
        return new CsafAdvisory(id, document.path("title").asText(null),
                document.path("publisher").path("name").asText(null),
                dateTime(tracking.path("initial_release_date").asText(null)),
                dateTime(tracking.path("current_release_date").asText(null)),
                tracking.path("version").asText(null), url, products, statuses, remediations);
    }

    private static void walk(JsonNode branches, String vendor, String product, String version, String range,
                             List<CsafProduct> out, int depth) {
        if (depth > MAX_BRANCH_DEPTH) {
            throw new MalformedIntelException("CSAF product tree deeper than " + MAX_BRANCH_DEPTH);
        }
        for (JsonNode b : branches) {
            String category = b.path("category").asText("");
            String name = b.path("name").asText(null);
            String v = vendor;
            String p = product;
            String ver = version;
            String r = range;
            switch (category) {
                case "vendor" -> v = name;
                case "product_name" -> p = name;
                case "product_family" -> p = p == null ? name : p;
                case "product_version" -> ver = name;
                case "product_version_range" -> r = name;
                default -> { }
            }
            JsonNode leaf = b.path("product");
            if (leaf.isObject() && leaf.has("product_id")) {
                out.add(new CsafProduct(leaf.path("product_id").asText(), v, p, ver, r,
                        leaf.path("name").asText(null), cpe(leaf)));
            }
            walk(b.path("branches"), v, p, ver, r, out, depth + 1);
        }
    }

    private static String cpe(JsonNode fullProductName) {
        JsonNode cpe = fullProductName.path("product_identification_helper").path("cpe");
        return cpe.isTextual() ? cpe.asText() : null;
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    static LocalDateTime dateTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.replace("Z", ""));
            } catch (DateTimeParseException e2) {
                throw new MalformedIntelException("unreadable CSAF date '" + text + "'", e2);
            }
        }
    }
}
