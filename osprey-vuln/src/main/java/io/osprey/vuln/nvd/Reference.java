package io.osprey.vuln.nvd;

import java.util.List;

/** A reference of a CVE record with its NVD tags ("Patch", "Vendor Advisory", "Exploit", ...). */
public record Reference(String url, List<String> tags) {
    public Reference {
        tags = List.copyOf(tags);
    }

    public boolean tagged(String tag) {
        return tags.stream().anyMatch(t -> t.equalsIgnoreCase(tag));
    }
}
