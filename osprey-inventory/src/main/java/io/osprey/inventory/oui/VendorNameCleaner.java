package io.osprey.inventory.oui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns an organization name as registered with the IEEE into the vendor name Osprey shows: "HUAWEI TECHNOLOGIES
 * CO.,LTD" and "Huawei Device Co., Ltd." both become "Huawei". Runs when the registry resource is built, never at
 * lookup time.
 *
 * <p>Two steps, both driven by data files next to this class:
 * <ol>
 *   <li>General rules ({@link #normalize}): Unicode NFKC (full-width commas and brackets, odd spaces), HTML
 *       entities, whitespace; a trade name after "dba" wins; a trailing ", a division of ..." clause, a branch
 *       suffix, a trailing parenthetical and the legal forms of {@code legal-forms.tsv} go; a name written in
 *       capitals only is put in title case, keeping words of up to three letters as acronyms ("SKY UK", "TP-LINK"
 *       → "TP-Link"). Three, not four: in these names four-letter words are more often words (LINK, DATA, TECH,
 *       SONY) than acronyms; the alias file restores the acronyms that matter ("CERN").</li>
 *   <li>Aliases ({@code vendor-aliases.tsv}): the first pattern that matches the whole normalized name,
 *       case-insensitively, replaces it with its canonical name. Canonical name {@value #NOT_A_VENDOR} marks
 *       names that are no vendor ("Private", the IEEE RA's own blocks): {@link #clean} returns null for them.</li>
 * </ol>
 */
public final class VendorNameCleaner {
    /** Canonical name in the alias file for an organization that is not a vendor. */
    public static final String NOT_A_VENDOR = "-";

    static final String LEGAL_FORMS_RESOURCE = "legal-forms.tsv";
    static final String ALIASES_RESOURCE = "vendor-aliases.tsv";

    /** A legal form from {@code legal-forms.tsv}; {@code cuts} when it also ends a name with more text after it. */
    record LegalForm(boolean cuts, String regex, int line) {}

    /** A line of {@code vendor-aliases.tsv}. */
    record VendorAlias(Pattern pattern, String canonical, int line) {}

    /**
     * What stands between a name and its legal form: spaces and punctuation, or nothing after a closing
     * parenthesis ("(Deutschland)GmbH"). A lone '.' only after a word of two letters or more ("BUFFALO.INC",
     * "Co.Ltd") so that dotted initials survive ("I.S.A. S.r.l." → "I.S.A"); '-' and '/' never ("YONG-O-SA").
     */
    private static final String BEFORE_FORM =
            "(?:[\\s,;:(][\\s,.;:(]*|(?<=\\p{L}\\p{L})\\.[\\s,.;:(]*|(?<=\\))\\.?)";
    private static final Pattern TRADE_NAME =
            Pattern.compile("(?i)^.*?[\\s,.-]+(?:dba|d/b/a|d\\.b\\.a\\.?)[\\s:]+([^()]+)$");
    private static final Pattern SUBSIDIARY_CLAUSE = Pattern.compile("(?i),\\s+an?\\s+.*$");
    private static final Pattern BRANCH_CLAUSE =
            Pattern.compile("(?i)[\\s,.;:(-]+\\p{L}+\\s+branch(?:\\s+office)?\\)?$");
    private static final Pattern TRAILING_PARENTHETICAL = Pattern.compile("\\s*\\([^()]*\\)?$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,.;:&*/_\\-]+$");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s,.;:*_\\-]+");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([,)])");
    private static final Pattern SPACE_AFTER_PARENTHESIS = Pattern.compile("\\(\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");
    private static final Pattern ENTITY = Pattern.compile("&(amp|quot|apos|#\\d{1,5});");
    /** Short words that are not acronyms in names written in capitals ("SISTEMAS DE CONTROL" → "Sistemas de Control"). */
    private static final Set<String> PARTICLES = Set.of(
            "AND", "OF", "THE", "FOR", "IN", "ON", "AT", "TO", "DE", "DA", "DO", "DU", "DI", "DEL", "DES", "DER",
            "DEN", "LA", "LE", "LES", "UND", "FÜR", "VON", "VAN", "Y", "E", "ET");

    private final Pattern cutForm;
    private final Pattern endForm;
    private final List<VendorAlias> aliases;

    VendorNameCleaner(List<LegalForm> legalForms, List<VendorAlias> aliases) {
        var cuts = new StringBuilder();
        var all = new StringBuilder();
        for (LegalForm form : legalForms) {
            if (form.cuts()) cuts.append(cuts.isEmpty() ? "" : "|").append(form.regex());
            all.append(all.isEmpty() ? "" : "|").append(form.regex());
        }
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        String never = "(?!)"; // an empty alternation would match the empty string after any separator
        this.cutForm = Pattern.compile(BEFORE_FORM + "(?:" + (cuts.isEmpty() ? never : cuts)
                + ")(?=[\\s,.;:()&+*/-]|$)", flags);
        this.endForm = Pattern.compile(BEFORE_FORM + "(?:" + (all.isEmpty() ? never : all) + ")[\\s,.;:)]*$", flags);
        this.aliases = List.copyOf(aliases);
    }

    /** The cleaner with the legal forms and aliases shipped next to this class. */
    public static VendorNameCleaner bundled() {
        return new VendorNameCleaner(
                parseLegalForms(resource(LEGAL_FORMS_RESOURCE), LEGAL_FORMS_RESOURCE),
                parseAliases(resource(ALIASES_RESOURCE), ALIASES_RESOURCE));
    }

    /** The vendor name for a registered organization name, or null when it names no vendor. */
    public String clean(String organization) {
        String name = normalize(organization);
        for (VendorAlias alias : aliases) {
            if (alias.pattern().matcher(name).matches()) {
                return alias.canonical().equals(NOT_A_VENDOR) ? null : alias.canonical();
            }
        }
        return name.isEmpty() ? null : name;
    }

    List<VendorAlias> aliases() { return aliases; }

    /** True when {@code vendor} is the canonical name of an alias: a spelling chosen by hand, to be kept. */
    boolean isCanonical(String vendor) {
        for (VendorAlias alias : aliases) {
            if (alias.canonical().equals(vendor)) return true;
        }
        return false;
    }

    /** The general rules alone, without aliases. */
    String normalize(String organization) {
        String name = Normalizer.normalize(organization, Normalizer.Form.NFKC);
        name = decodeEntities(name);
        name = SPACES.matcher(visibleCharacters(name)).replaceAll(" ").strip();
        Matcher tradeName = TRADE_NAME.matcher(name);
        if (tradeName.matches()) name = tradeName.group(1).strip();
        name = keepHead(name, SUBSIDIARY_CLAUSE.matcher(name));
        name = cutAtLegalForm(name);
        String before;
        do {
            before = name;
            name = keepHead(name, TRAILING_PARENTHETICAL.matcher(name));
            name = keepHead(name, BRANCH_CLAUSE.matcher(name));
            name = keepHead(name, endForm.matcher(name));
            name = TRAILING_PUNCTUATION.matcher(name).replaceAll("");
            name = LEADING_PUNCTUATION.matcher(name).replaceAll("");
            name = unquote(name);
        } while (!name.equals(before));
        name = SPACE_BEFORE_PUNCTUATION.matcher(name).replaceAll("$1");
        name = SPACE_AFTER_PARENTHESIS.matcher(name).replaceAll("(");
        name = SPACES.matcher(name).replaceAll(" ");
        return hasLowerCase(name) ? name : titleCase(name);
    }

    /**
     * Cuts the name at its first legal form of the "cut" kind: "Siemens AG Energy Management Division" → "Siemens".
     */
    private String cutAtLegalForm(String name) {
        Matcher form = cutForm.matcher(name);
        while (form.find()) {
            if (hasLetterOrDigit(name, 0, form.start())) return name.substring(0, form.start());
        }
        return name;
    }

    /** "\"Smart Systems\"" → "Smart Systems"; quotes around a part only ("KB \"Modul\"") stay. */
    private static String unquote(String name) {
        boolean wrapped = name.length() > 2 && name.charAt(0) == '"' && name.indexOf('"', 1) == name.length() - 1;
        return wrapped ? name.substring(1, name.length() - 1).strip() : name;
    }

    /** The text before the match, when there is one and a name is left before it. */
    private static String keepHead(String name, Matcher tail) {
        return tail.find() && hasLetterOrDigit(name, 0, tail.start()) ? name.substring(0, tail.start()) : name;
    }

    private static boolean hasLetterOrDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) return true;
        }
        return false;
    }

    private static boolean hasLowerCase(String text) {
        return text.codePoints().anyMatch(Character::isLowerCase);
    }

    /** Drops format characters (zero-width space, BOM) and turns every kind of space and control into ' '. */
    private static String visibleCharacters(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.FORMAT) return;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String decodeEntities(String text) {
        return ENTITY.matcher(text).replaceAll(entity -> Matcher.quoteReplacement(switch (entity.group(1)) {
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> Character.toString(Integer.parseInt(entity.group(1).substring(1)));
        }));
    }

    /**
     * Title case for a name in capitals only: words of four letters or more become "Word", shorter ones stay
     * as acronyms ("ABB", "LG", "TP"), words with digits stay as written ("3COM", "H3C"), particles go lower case.
     */
    private static String titleCase(String name) {
        var out = new StringBuilder(name.length());
        int i = 0;
        boolean first = true;
        while (i < name.length()) {
            int end = i;
            while (end < name.length() && isWordChar(name.charAt(end))) end++;
            if (end == i) {
                out.append(name.charAt(i++));
                continue;
            }
            boolean spaced = (i == 0 || name.charAt(i - 1) == ' ') && (end == name.length() || name.charAt(end) == ' ');
            out.append(titleCaseWord(name.substring(i, end), first, spaced));
            first = false;
            i = end;
        }
        return out.toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'';
    }

    /** @param spaced the word stands between spaces: only then can it be a particle ("B.E.A" keeps its 'E') */
    private static String titleCaseWord(String word, boolean first, boolean spaced) {
        if (word.chars().anyMatch(Character::isDigit)) return word;
        if (spaced && PARTICLES.contains(word)) return first ? word.charAt(0) + lower(word.substring(1)) : lower(word);
        if (word.codePointCount(0, word.length()) <= 3) return word;
        return word.substring(0, 1) + lower(word.substring(1));
    }

    /** Lower case without the combining dot Locale.ROOT gives Turkish 'İ' ("MÜHENDİSLİK" → "Mühendislik"). */
    private static String lower(String text) {
        return text.replace('İ', 'I').toLowerCase(Locale.ROOT);
    }

    static List<LegalForm> parseLegalForms(String text, String origin) {
        List<LegalForm> forms = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] columns = line.split("\t", -1);
            if (columns.length != 2 || !(columns[0].equals("cut") || columns[0].equals("end"))) {
                throw new IllegalArgumentException(origin + ":" + (n + 1) + ": expected \"cut|end<TAB>regex\"");
            }
            compile(columns[1], origin, n + 1);
            forms.add(new LegalForm(columns[0].equals("cut"), columns[1], n + 1));
        }
        return forms;
    }

    static List<VendorAlias> parseAliases(String text, String origin) {
        List<VendorAlias> aliases = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] columns = line.split("\t+", -1);
            if (columns.length != 2 || columns[1].isBlank()) {
                throw new IllegalArgumentException(origin + ":" + (n + 1) + ": expected \"regex<TAB>canonical name\"");
            }
            aliases.add(new VendorAlias(compile(columns[0], origin, n + 1), columns[1].strip(), n + 1));
        }
        return aliases;
    }

    private static Pattern compile(String regex, String origin, int line) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(origin + ":" + line + ": " + e.getDescription() + ": " + regex, e);
        }
    }

    static String resource(String name) {
        try (InputStream in = VendorNameCleaner.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name + " next to VendorNameCleaner");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
