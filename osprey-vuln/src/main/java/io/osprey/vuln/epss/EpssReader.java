package io.osprey.vuln.epss;

import io.osprey.vuln.nvd.MalformedIntelException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the EPSS daily CSV (https://www.first.org/epss/data_stats): a comment line
 * {@code #model_version:v2023.03.01,score_date:2023-03-07T00:00:00+0000}, the header {@code cve,epss,percentile},
 * then one row per CVE. Files from before the comment line existed are accepted without a date.
 */
public final class EpssReader {
    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern MODEL = Pattern.compile("model_version:([^,]*)");
    private static final Pattern DATE = Pattern.compile("score_date:(\\d{4}-\\d{2}-\\d{2})");
    private static final int MAX_LINE = 1024;

    private EpssReader() {
    }

    public static int read(InputStream in, Consumer<EpssScore> sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String modelVersion = null;
        LocalDate date = null;
        String line = reader.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        if (line != null && line.startsWith("#")) {
            Matcher model = MODEL.matcher(line);
            modelVersion = model.find() ? model.group(1) : null;
            Matcher d = DATE.matcher(line);
            if (d.find()) {
                try {
                    date = LocalDate.parse(d.group(1));
                } catch (DateTimeParseException e) {
                    throw new MalformedIntelException("unreadable EPSS score_date", e);
                }
            }
            line = reader.readLine();
        }
        if (line == null || !line.strip().toLowerCase(java.util.Locale.ROOT).startsWith("cve,epss,percentile")) {
            throw new MalformedIntelException("not an EPSS CSV: expected the header 'cve,epss,percentile'");
        }
        int count = 0;
        int lineNumber = 2;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > MAX_LINE) {
                throw new MalformedIntelException("EPSS line " + lineNumber + " is too long");
            }
            String[] fields = line.strip().split(",", -1);
            if (fields.length < 3 || !CVE_ID.matcher(fields[0]).matches()) {
                throw new MalformedIntelException("EPSS line " + lineNumber + " is not 'cve,epss,percentile'");
            }
            double score = probability(fields[1], lineNumber);
            double percentile = probability(fields[2], lineNumber);
            sink.accept(new EpssScore(fields[0], score, percentile, date, modelVersion));
            count++;
        }
        return count;
    }

    private static double probability(String text, int line) {
        try {
            double value = Double.parseDouble(text);
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new MalformedIntelException("EPSS line " + line + ": " + text + " is not within [0, 1]");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MalformedIntelException("EPSS line " + line + ": '" + text + "' is not a number", e);
        }
    }
}
