package io.osprey.packet.capture;

/** Receives the frames of a capture source, in capture order, on the reading thread. */
@FunctionalInterface
public interface FrameHandler {
    /** Called once per frame. The frame and its bytes are reused after the call returns. */
    void onFrame(Frame frame);
}
