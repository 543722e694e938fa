package io.osprey.alert;

import java.util.List;
import java.util.SortedSet;

/**
 * What the OT view adds to a device: its estimated Purdue level (with the evidence), the mode its controller
 * reports, the rack and slot an engineering tool addressed, who programs it and whom it programs, and the
 * protocols and operations it uses with each peer.
 *
 * @param purdueLevel 0–5, or null when nothing suggests one
 * @param plcMode the last operating mode the device reported ("run", "stop"), or null
 * @param rack the rack of the CPU a client addressed (S7 COTP TSAP), or null
 */
public record OtProfile(Integer purdueLevel, String purdueLevelName, String purdueEvidence, String plcMode,
                        Integer rack, Integer slot, SortedSet<String> programmedBy, SortedSet<String> programs,
                        List<Peer> peers) {

    /**
     * One device (or address) this device talks to in industrial protocols.
     *
     * @param role "client" when this device asks, "server" when it is asked
     * @param operations the operation names used ("read-var", "fc-3"), each with its protocol
     */
    public record Peer(String peer, String role, SortedSet<String> protocols, SortedSet<String> operations) {}
}
