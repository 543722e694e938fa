package io.osprey.dissect.rawprint;

/** Attribute names of raw printing (port 9100, "JetDirect") observations. */
public final class RawPrintAttributes {
    /**
     * The printer's answer to "@PJL INFO ID" (HP PJL Technical Reference, INFO ID: the printer model), quotes
     * removed: "HP LaserJet 4250".
     */
    public static final String PJL_ID = "rawprint.pjlId";
    /** The page description language a client switches the printer to ("@PJL ENTER LANGUAGE"): "POSTSCRIPT", "PCL". */
    public static final String PJL_LANGUAGE = "rawprint.pjlLanguage";

    /** Confidence of the model the printer states. */
    public static final double STATED = 0.9;
    /** Confidence of a language a client sends a job in (the printer accepts it, most likely). */
    public static final double NAMED_BY_CLIENT = 0.6;

    private RawPrintAttributes() {}
}
