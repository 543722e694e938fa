package io.osprey.vuln.epss;

import java.time.LocalDate;

/** A FIRST EPSS score: the probability of exploitation in the next 30 days, and its percentile, on a date. */
public record EpssScore(String cveId, double score, double percentile, LocalDate date, String modelVersion) {
}
