package io.osprey.cli;

import java.util.Collection;

/** Verdict counts for one field over a set of labelled devices. */
record Tally(int right, int wrong, int empty, int notScored) {

    static Tally of(Collection<Verdict> verdicts) {
        int r = 0, w = 0, e = 0, n = 0;
        for (Verdict v : verdicts) {
            switch (v) {
                case RIGHT -> r++;
                case WRONG -> w++;
                case EMPTY -> e++;
                case NOT_SCORED -> n++;
            }
        }
        return new Tally(r, w, e, n);
    }

    /** The devices the label lets us score: right + wrong + empty. */
    int scored() {
        return right + wrong + empty;
    }
}
