package io.osprey.inventory.classify;

import java.util.List;
import java.util.Map;

/**
 * A classification rule from a rules file: when every condition holds for a device's facts, it sets the
 * fields of {@code assignments} (templates that may quote the first condition's groups as {@code $1} and any
 * named group as {@code ${name}}) with {@code confidence}.
 *
 * @param origin the file and line it was read from, for explanations and load errors
 */
record Rule(String id, List<Condition> conditions, Map<DeviceField, String> assignments, double confidence,
            String origin) {}
