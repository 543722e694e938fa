package io.osprey.cli;

import java.util.Locale;

/**
 * One accuracy target of the evaluation: a share of labelled devices that must reach (or, for errors, stay
 * within) a threshold.
 *
 * @param count the devices that meet the condition (found, right, wrong)
 * @param of the devices the share is taken over; 0 when none apply (the target is then not applicable)
 * @param atMost true for a ceiling (wrong answers), false for a floor
 */
record Target(String name, String goal, int count, int of, double threshold, boolean atMost) {

    double share() {
        return of == 0 ? Double.NaN : (double) count / of;
    }

    /** MET, MISSED, or n/a when no labelled device falls under it. */
    String status() {
        if (of == 0) return "n/a";
        boolean met = atMost ? share() <= threshold + 1e-9 : share() >= threshold - 1e-9;
        return met ? "MET" : "MISSED";
    }

    String result() {
        return of == 0 ? "no devices" : count + " / " + of + " = " + percent(share());
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
