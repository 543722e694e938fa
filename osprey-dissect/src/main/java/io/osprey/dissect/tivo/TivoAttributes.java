package io.osprey.dissect.tivo;

/** Attribute names of TiVoConnect discovery beacons, about the sender. */
public final class TivoAttributes {
    /** {@code machine=}: the host's name for itself, often its model ("R7000P" for a NETGEAR router's minidlna). */
    public static final String MACHINE = "tivo.machine";
    /** {@code platform=}: "tcd/Series3" for TiVo boxes, "pc/minidlna" or "pc/WinNT:…" for media servers. */
    public static final String PLATFORM = "tivo.platform";
    /** {@code swversion=}: the announcing software's version ("1.0", "20.7.4-01-2-649"). */
    public static final String SOFTWARE_VERSION = "tivo.swversion";
    /** {@code services=}: what it serves, "TiVoMediaServer:8200/http". */
    public static final String SERVICES = "tivo.services";

    /** Confidence of what a beacon states about its sender. */
    public static final double STATED = 0.9;

    private TivoAttributes() {}
}
