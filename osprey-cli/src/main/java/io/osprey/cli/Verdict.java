package io.osprey.cli;

/** How one field Osprey reported compares with the ground truth. */
enum Verdict {
    /** Osprey's value agrees with the label. */
    RIGHT,
    /** Osprey gave a value and it disagrees with the label. */
    WRONG,
    /** Osprey gave no value (or did not find the device); empty is not wrong. */
    EMPTY,
    /** The label says nothing checkable for this field, so it is not counted. */
    NOT_SCORED;

    /** The short form used in the report's tables. */
    String cell() {
        return switch (this) {
            case RIGHT -> "right";
            case WRONG -> "**wrong**";
            case EMPTY -> "empty";
            case NOT_SCORED -> "n/s";
        };
    }
}
