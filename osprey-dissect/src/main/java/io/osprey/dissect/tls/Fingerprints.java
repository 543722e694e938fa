package io.osprey.dissect.tls;

import io.osprey.dissect.dns.ValueBuffer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * JA3/JA3S (salesforce/ja3: decimal fields, '-' inside lists, ',' between them, GREASE values of RFC 8701
 * left out) and JA4 (FoxIO-LLC/ja4, technical_details/JA4.md, the 2024 revision in which a non-alphanumeric
 * ALPN is written as hex nibbles). Composes into reusable buffers; SHA-256 digests into a reusable array.
 */
final class Fingerprints {
    /** JA4_b and JA4_c are the first 12 hex digits of a SHA-256. */
    static final int JA4_HASH_HEX = 12;
    static final String JA4_EMPTY_HASH = "000000000000";
    /** JA4 counts are two decimal digits, capped. */
    static final int JA4_MAX_COUNT = 99;

    private final MessageDigest sha256;
    private final MessageDigest md5;
    private final byte[] digest = new byte[32];
    private final int[] sorted = new int[Math.max(Hello.MAX_CIPHERS, Hello.MAX_EXTENSIONS)];
    /** The text hashed for JA4_b / JA4_c: 5 octets per value. */
    private final byte[] text = new byte[5 * (Hello.MAX_CIPHERS + Hello.MAX_EXTENSIONS + Hello.MAX_SIGNATURE_ALGORITHMS)];

    Fingerprints() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256 and MD5", e);
        }
    }

    /** SSLVersion,Cipher,SSLExtension,EllipticCurve,EllipticCurvePointFormat. */
    static void ja3(Hello h, ValueBuffer out) {
        out.clear().appendDecimal(h.legacyVersion).append(',');
        decimals(h.ciphers, h.cipherCount, out).append(',');
        decimals(h.extensions, h.extensionCount, out).append(',');
        decimals(h.groups, h.groupCount, out).append(',');
        decimals(h.pointFormats, h.pointFormatCount, out);
    }

    /** SSLVersion,Cipher,SSLExtension of a ServerHello. */
    static void ja3s(Hello h, ValueBuffer out) {
        out.clear().appendDecimal(h.legacyVersion).append(',').appendDecimal(h.cipher).append(',');
        decimals(h.extensions, h.extensionCount, out);
    }

    private static ValueBuffer decimals(int[] values, int count, ValueBuffer out) {
        boolean first = true;
        for (int i = 0; i < count; i++) {
            if (Hello.isGrease(values[i])) continue;
            if (!first) out.append('-');
            out.appendDecimal(values[i]);
            first = false;
        }
        return out;
    }

    /** The MD5 of {@code text} (Latin-1 octets) as 32 lower-case hex digits; allocates, so only when reporting. */
    void md5Hex(String text, ValueBuffer out) {
        byte[] d = md5.digest(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.clear();
        for (byte x : d) out.appendHex2(x & 0xff);
    }

    /**
     * JA4 = JA4_a "_" JA4_b "_" JA4_c. JA4_a: "t" (TLS over TCP), the version (the highest non-GREASE
     * supported_versions entry, else legacy_version), "d" when a server_name is present else "i", the cipher and
     * extension counts without GREASE (2 digits, capped at 99), and the first and last characters of the first
     * ALPN value ("00" without ALPN). JA4_b: SHA-256 of the sorted 4-hex-digit cipher suites joined by ",".
     * JA4_c: SHA-256 of the sorted extensions without GREASE, server_name and ALPN, then "_" and the
     * signature algorithms in their order (no "_" when there are none).
     */
    void ja4(Hello h, byte[] buffer, ValueBuffer out) {
        out.clear().append('t');
        int version = h.legacyVersion;
        if (h.versionCount > 0) {
            version = -1;
            for (int i = 0; i < h.versionCount; i++) {
                if (!Hello.isGrease(h.versions[i])) version = Math.max(version, h.versions[i]);
            }
        }
        out.append(versionCode(version));
        boolean sni = false;
        for (int i = 0; i < h.extensionCount; i++) sni |= h.extensions[i] == Hello.EXT_SERVER_NAME;
        out.append(sni ? 'd' : 'i');
        int extensionCount = 0;
        for (int i = 0; i < h.extensionCount; i++) if (!Hello.isGrease(h.extensions[i])) extensionCount++;
        int ciphers = withoutGrease(h.ciphers, h.cipherCount, -1, -1);
        count(out, ciphers);
        count(out, extensionCount);
        alpn(h, buffer, out);
        out.append('_');
        hash(sorted, ciphers, null, 0, out);
        out.append('_');
        int extensions = withoutGrease(h.extensions, h.extensionCount, Hello.EXT_SERVER_NAME, Hello.EXT_ALPN);
        hash(sorted, extensions, h.signatureAlgorithms, h.signatureAlgorithmCount, out);
    }

    private static String versionCode(int v) {
        return switch (v) {
            case 0x0304 -> "13";
            case 0x0303 -> "12";
            case 0x0302 -> "11";
            case 0x0301 -> "10";
            case 0x0300 -> "s3";
            case 0x0002 -> "s2";
            case 0xfeff -> "d1";
            case 0xfefd -> "d2";
            case 0xfefc -> "d3";
            default -> "00";
        };
    }

    private static void count(ValueBuffer out, int n) {
        n = Math.min(n, JA4_MAX_COUNT);
        out.append('0' + n / 10).append('0' + n % 10);
    }

    /** Copies the non-GREASE values other than {@code skipA}, {@code skipB} into {@link #sorted}, sorted. */
    private int withoutGrease(int[] values, int count, int skipA, int skipB) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            int v = values[i];
            if (!Hello.isGrease(v) && v != skipA && v != skipB) sorted[n++] = v;
        }
        Arrays.sort(sorted, 0, n);
        return n;
    }

    private static void alpn(Hello h, byte[] b, ValueBuffer out) {
        if (h.alpnStart < 0 || h.alpnLength < 1) {
            out.append("00");
            return;
        }
        int n = b[h.alpnStart] & 0xff;
        if (n == 0 || n > h.alpnLength - 1) {
            out.append("00");
            return;
        }
        int first = b[h.alpnStart + 1] & 0xff, last = b[h.alpnStart + n] & 0xff;
        if (isAlphanumeric(first) && isAlphanumeric(last)) {
            out.append(first).append(last);
        } else {
            out.append(hexDigit(first >> 4)).append(hexDigit(last & 0xf));
        }
    }

    private static boolean isAlphanumeric(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static int hexDigit(int d) {
        return d < 10 ? '0' + d : 'a' + d - 10;
    }

    private void hash(int[] values, int count, int[] more, int moreCount, ValueBuffer out) {
        if (count == 0) {
            out.append(JA4_EMPTY_HASH);
            return;
        }
        int n = 0;
        for (int i = 0; i < count; i++) n = hex4(values[i], n, i > 0);
        if (more != null && moreCount > 0) {
            text[n++] = '_';
            for (int i = 0; i < moreCount; i++) n = hex4(more[i], n, i > 0);
        }
        sha256.update(text, 0, n);
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < JA4_HASH_HEX / 2; i++) out.appendHex2(digest[i] & 0xff);
    }

    private int hex4(int v, int n, boolean comma) {
        if (comma) text[n++] = ',';
        for (int shift = 12; shift >= 0; shift -= 4) text[n++] = (byte) hexDigit(v >> shift & 0xf);
        return n;
    }
}
