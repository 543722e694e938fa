package io.osprey.inventory.classify;

import io.osprey.inventory.Fact;

import java.util.List;
import java.util.Map;

/**
 * What the classifier concluded about one device: for each field it could fill, the chosen value with its
 * combined confidence and the rule hits behind it, and the values it overruled.
 */
public record Classification(Map<DeviceField, Verdict> verdicts, Map<DeviceField, List<Verdict>> overruled) {

    public String value(DeviceField field) {
        Verdict v = verdicts.get(field);
        return v == null ? null : v.value();
    }

    /** A value for one field and why: the rules that produced it, each with the facts it matched. */
    public record Verdict(String value, double confidence, List<Hit> hits) {}

    /** One rule firing on one device. */
    public record Hit(String ruleId, String origin, double confidence, List<Fact> facts) {

        /** "rule dlink-camera (dhcp.rules:12) on dhcp.hostname=DCS-935L [dhcp]". */
        public String describe() {
            StringBuilder sb = new StringBuilder("rule ").append(ruleId).append(" (").append(origin).append(") on ");
            for (int i = 0; i < facts.size(); i++) {
                Fact f = facts.get(i);
                if (i > 0) sb.append(" + ");
                sb.append(f.attribute()).append('=').append(f.value()).append(" [").append(f.source()).append(']');
            }
            return sb.toString();
        }
    }
}
