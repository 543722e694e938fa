package io.osprey.dissect.tcpfp;

/**
 * One signature pattern of the database: the fields of {@link SynSignature}'s text form, each exact or {@code *}
 * (any), with the TTL field holding the initial TTL instead of {@code ttl+dist}:
 * <pre>
 * ver:ittl:olen:mss:wsize,scale:olayout:quirks:pclass
 * 4:64:0:*:mss*4,*:mss,sok,ts,nop,ws:df,id+?:0
 * </pre>
 * <ul>
 * <li>{@code ittl} matches the guessed initial TTL exactly, and the hop distance must be at most
 *     {@link #MAX_DISTANCE}; {@code *} matches any TTL (tools that randomise it).
 * <li>{@code wsize}: {@code N} (the window field), {@code mss*N}, {@code mtu*N} (as in the signature), {@code %N} (a
 *     multiple of N), or {@code *}.
 * <li>{@code quirks}: the exact set, except that a quirk written with a trailing {@code ?} may be present or not;
 *     {@code *} accepts any set.
 * </ul>
 * Matching reads the signature's fields and allocates nothing.
 */
public record SignaturePattern(int version, int initialTtl, int optionsLength, int mss, WindowRule windowRule,
                        int windowValue, int windowScale, String layout, int requiredQuirks, int optionalQuirks,
                        int payload) {
    /** A field that accepts any value. */
    static final int ANY = -2;
    /** Hops between a host and the sensor beyond which a TTL guess is not trusted (the Internet's diameter is ~30). */
    static final int MAX_DISTANCE = 35;
    static final int FIELDS = 8;

    enum WindowRule { ANY, EXACT, MSS_MULTIPLE, MTU_MULTIPLE, MODULO }

    boolean matches(SynSignature s) {
        if (version != ANY && version != s.version) return false;
        if (initialTtl != ANY && (initialTtl != s.initialTtl || s.distance() > MAX_DISTANCE)) return false;
        if (optionsLength != ANY && optionsLength != s.optionsLength) return false;
        if (mss != ANY && mss != s.mss) return false;
        if (windowScale != ANY && windowScale != Math.max(0, s.windowScale)) return false;
        if (payload != ANY && payload != (s.payload ? 1 : 0)) return false;
        if (requiredQuirks != ANY && (s.quirks & ~optionalQuirks) != requiredQuirks) return false;
        if (!windowMatches(s)) return false;
        return layout == null || s.layoutEquals(layout);
    }

    private boolean windowMatches(SynSignature s) {
        return switch (windowRule) {
            case ANY -> true;
            case EXACT -> s.window == windowValue;
            case MODULO -> s.window > 0 && s.window % windowValue == 0;
            case MSS_MULTIPLE -> s.mss > 0 && (s.window == windowValue * s.mss
                    || s.timestamps && s.window == windowValue * (s.mss - SynSignature.TIMESTAMPS_OPTION_BYTES));
            case MTU_MULTIPLE -> s.mss > 0 && s.window == windowValue * s.mtu();
        };
    }

    /** Parses a pattern; throws {@link IllegalArgumentException} naming the bad field. */
    static SignaturePattern parse(String text) {
        String[] f = text.split(":", -1);
        if (f.length != FIELDS) throw new IllegalArgumentException("expected " + FIELDS + " fields: " + text);
        int version = number(f[0], "ver");
        if (version != ANY && version != 4 && version != 6) throw new IllegalArgumentException("ver must be 4, 6 or *");
        int ittl = number(f[1], "ittl");
        if (ittl != ANY && java.util.Arrays.stream(SynSignature.INITIAL_TTLS).noneMatch(t -> t == ittl)) {
            throw new IllegalArgumentException("ittl must be one of 32, 64, 128, 255 or *: " + f[1]);
        }
        int olen = number(f[2], "olen");
        int mss = number(f[3], "mss");
        int comma = f[4].indexOf(',');
        if (comma < 0) throw new IllegalArgumentException("wsize,scale expected: " + f[4]);
        String wsize = f[4].substring(0, comma);
        WindowRule rule;
        int windowValue = 0;
        if (wsize.equals("*")) {
            rule = WindowRule.ANY;
        } else if (wsize.startsWith("mss*")) {
            rule = WindowRule.MSS_MULTIPLE;
            windowValue = positive(wsize.substring(4), "wsize");
        } else if (wsize.startsWith("mtu*")) {
            rule = WindowRule.MTU_MULTIPLE;
            windowValue = positive(wsize.substring(4), "wsize");
        } else if (wsize.startsWith("%")) {
            rule = WindowRule.MODULO;
            windowValue = positive(wsize.substring(1), "wsize");
        } else {
            rule = WindowRule.EXACT;
            windowValue = number(wsize, "wsize");
            if (windowValue > 0xffff) throw new IllegalArgumentException("window above 65535: " + wsize);
        }
        int scale = number(f[4].substring(comma + 1), "scale");
        String layout = f[5].equals("*") ? null : f[5];
        if (layout != null) checkLayout(layout);
        int required = 0, optional = 0;
        if (f[6].equals("*")) {
            required = ANY;
        } else if (!f[6].isEmpty()) {
            for (String q : f[6].split(",", -1)) {
                boolean maybe = q.endsWith("?");
                String name = maybe ? q.substring(0, q.length() - 1) : q;
                int bit = TcpQuirks.bit(name);
                if (bit == 0) throw new IllegalArgumentException("unknown quirk: " + q);
                if (maybe) optional |= bit;
                else required |= bit;
            }
        }
        int payload = switch (f[7]) {
            case "0" -> 0;
            case "+" -> 1;
            case "*" -> ANY;
            default -> throw new IllegalArgumentException("pclass must be 0, + or *: " + f[7]);
        };
        return new SignaturePattern(version, ittl, olen, mss, rule, windowValue, scale, layout, required, optional,
                payload);
    }

    private static void checkLayout(String layout) {
        for (String item : layout.split(",", -1)) {
            boolean known = switch (item) {
                case "mss", "nop", "ws", "sok", "sack", "ts" -> true;
                default -> item.matches("eol\\+\\d+|\\?\\d+");
            };
            if (!known) throw new IllegalArgumentException("unknown option in layout: " + item);
        }
    }

    private static int number(String field, String name) {
        if (field.equals("*")) return ANY;
        try {
            int n = Integer.parseInt(field);
            if (n < 0) throw new IllegalArgumentException(name + " is negative: " + field);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number or *: " + field, e);
        }
    }

    private static int positive(String field, String name) {
        int n = number(field, name);
        if (n <= 0) throw new IllegalArgumentException(name + " multiple must be positive: " + field);
        return n;
    }
}
