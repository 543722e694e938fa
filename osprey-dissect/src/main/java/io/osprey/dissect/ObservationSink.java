package io.osprey.dissect;

/** Receives observations on the packet thread, in capture order. */
@FunctionalInterface
public interface ObservationSink {
    void accept(Observation observation);
}
