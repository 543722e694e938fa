package io.osprey.packet.live;

/**
 * Run in a child JVM by {@link LiveCapturePermissionTest}: opens the interface named by its argument
 * and prints "OPENED" or the failure's reason and message.
 */
public final class PermissionProbe {
    private PermissionProbe() {}

    public static void main(String[] args) {
        try (LiveCapture capture = LiveCapture.open(args[0], LiveOptions.defaults().withFilter("udp and port 9"))) {
            System.out.println("OPENED " + capture.interfaceName());
        } catch (LiveCaptureException e) {
            System.out.println(e.reason() + " " + e.getMessage());
        }
    }
}
