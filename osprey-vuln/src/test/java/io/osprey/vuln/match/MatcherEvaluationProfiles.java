package io.osprey.vuln.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The evaluation's device profiles, for other test code (the snapshot builder). */
public final class MatcherEvaluationProfiles {
    private MatcherEvaluationProfiles() {
    }

    public static List<DeviceProfile> devices() {
        try {
            return MatcherEvaluation.profiles().stream().map(MatcherEvaluation.Profile::device).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
