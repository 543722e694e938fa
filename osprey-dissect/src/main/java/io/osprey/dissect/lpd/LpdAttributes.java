package io.osprey.dissect.lpd;

/** Attribute names of LPD observations (RFC 1179). The user names a remove-jobs command carries are never reported. */
public final class LpdAttributes {
    /**
     * A daemon command the host sent as an LPD client (RFC 1179 §5): "print-waiting-jobs", "receive-job",
     * "queue-state-short", "queue-state-long" or "remove-jobs".
     */
    public static final String COMMAND = "lpd.command";
    /** A print queue of the LPD server, named by a client's command (RFC 1179 §5): "lp", "raw", "PASSTHRU". */
    public static final String QUEUE = "lpd.queue";

    /** Confidence of the client's command (it shows what the client does). */
    public static final double SEEN = 0.9;
    /** Confidence of a queue name: stated by the client, about the server. */
    public static final double NAMED_BY_CLIENT = 0.7;

    private LpdAttributes() {}
}
