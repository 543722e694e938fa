package io.osprey.inventory;

/** A port a device answers on. {@code protocol} is null unless a dissector identified the application. */
public record ServiceEntry(int port, String transport, String protocol) implements Comparable<ServiceEntry> {
    @Override
    public int compareTo(ServiceEntry o) {
        int c = transport.compareTo(o.transport);
        return c != 0 ? c : Integer.compare(port, o.port);
    }
}
