package io.osprey.alert;

import java.util.regex.Pattern;

/**
 * One row of triggers.tsv: operations of a protocol that raise an alert.
 *
 * @param source the protocol, or "*" for any
 * @param learnable true when the baseline can authorise the operation between two devices (mode "unlearned")
 */
public record OperationTrigger(String source, Pattern operation, Pattern detail, String alertId, boolean learnable) {

    public boolean matches(LoggedOperation o) {
        return (source.equals("*") || source.equals(o.source())) && operation.matcher(o.operation()).matches()
                && detail.matcher(o.detail()).matches();
    }
}
