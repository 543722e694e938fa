package io.osprey.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.IpAddress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Threat-intelligence indicators: malicious IP addresses and domain names, each with where it came from. Loaded
 * from CSV files (one indicator per line: value, then optionally its type and a description; a header line is
 * skipped) and from STIX 2.1 bundles (indicator objects whose pattern compares ipv4-addr, ipv6-addr or domain-name
 * values, and ipv4-addr, ipv6-addr and domain-name objects). A domain matches itself and its subdomains.
 */
public final class Indicators {
    /** One indicator's provenance: the file and what the file says about it. */
    public record Indicator(String value, String type, String description, String source) {}

    private static final Pattern STIX_COMPARISON =
            Pattern.compile("(ipv4-addr|ipv6-addr|domain-name):value\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'");
    private final Map<IpAddress, Indicator> ips = new HashMap<>();
    private final Map<String, Indicator> domains = new HashMap<>();

    public int size() { return ips.size() + domains.size(); }

    public boolean isEmpty() { return size() == 0; }

    /** Loads a CSV or STIX 2.1 file (told apart by content); returns the indicators added. */
    public int load(Path file) throws IOException {
        String text = Files.readString(file);
        int before = size();
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) stix(text, file.getFileName().toString());
        else csv(text, file.getFileName().toString());
        return size() - before;
    }

    private void csv(String text, String source) {
        int n = 0;
        for (String line : text.split("\\R")) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] f = l.split("\\s*,\\s*", 3);
            String value = unquote(f[0]);
            String type = f.length > 1 ? unquote(f[1]).toLowerCase(Locale.ROOT) : "";
            String description = f.length > 2 ? unquote(f[2]) : "";
            if (n == 1 && !looksLikeIndicator(value)) continue; // a header
            if (!add(value, type, description, source + ":" + n)) {
                throw new IllegalArgumentException(source + ":" + n + ": '" + value + "' is neither an IP address nor a domain name");
            }
        }
    }

    private void stix(String text, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage());
        }
        if (!"bundle".equals(root.path("type").asText())) throw new IllegalArgumentException(source + ": not a STIX 2.1 bundle (type is not \"bundle\")");
        for (JsonNode o : root.path("objects")) {
            String type = o.path("type").asText();
            String name = o.path("name").asText(o.path("description").asText(""));
            if (type.equals("indicator") && "stix".equals(o.path("pattern_type").asText("stix"))) {
                Matcher m = STIX_COMPARISON.matcher(o.path("pattern").asText());
                while (m.find()) add(m.group(2).replace("\\'", "'"), m.group(1).startsWith("domain") ? "domain" : "ip", name, source + " " + o.path("id").asText());
            } else if (type.equals("ipv4-addr") || type.equals("ipv6-addr") || type.equals("domain-name")) {
                add(o.path("value").asText(), type.startsWith("domain") ? "domain" : "ip", name, source + " " + o.path("id").asText());
            }
        }
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static boolean looksLikeIndicator(String value) {
        return ip(value) != null || value.matches("(?i)[a-z0-9_-]+(\\.[a-z0-9_-]+)+\\.?");
    }

    private static IpAddress ip(String value) {
        try {
            return Addresses.parseIp(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Adds one indicator; false when the value is neither an address nor a domain name. */
    public boolean add(String value, String type, String description, String source) {
        IpAddress address = ip(value);
        if (address != null && !type.startsWith("domain")) {
            ips.putIfAbsent(address, new Indicator(value, "ip", description, source));
            return true;
        }
        String domain = value.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        if (!domain.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)+")) return false;
        domains.putIfAbsent(domain, new Indicator(domain, "domain", description, source));
        return true;
    }

    /** The indicator naming this address, or null. */
    public Indicator ip(long hi, long lo) {
        return ips.get(new IpAddress(hi, lo));
    }

    /** The indicator naming this domain or one of its parents, or null. */
    public Indicator domain(String name) {
        String d = name.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        while (true) {
            Indicator i = domains.get(d);
            if (i != null) return i;
            int dot = d.indexOf('.');
            if (dot < 0) return null;
            d = d.substring(dot + 1);
        }
    }
}
