package io.osprey.dissect.sccp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The well-known Skinny device type numbers and their names, read from the data file device-types.tsv beside this
 * class ("number TAB name", "#" comments): knowledge is data, not code. Sorted arrays, so a lookup neither boxes
 * nor allocates.
 */
public final class SccpDeviceTypes {
    static final String RESOURCE = "device-types.tsv";
    private static final SccpDeviceTypes DEFAULT = load();

    private final int[] numbers;
    private final String[] names;

    SccpDeviceTypes(int[] numbers, String[] names) {
        this.numbers = numbers;
        this.names = names;
    }

    /** The table shipped with Osprey. */
    public static SccpDeviceTypes standard() {
        return DEFAULT;
    }

    /** The name of a device type, or null when the number is not in the table. */
    public String name(long deviceType) {
        if (deviceType < 0 || deviceType > Integer.MAX_VALUE) return null;
        int i = Arrays.binarySearch(numbers, (int) deviceType);
        return i >= 0 ? names[i] : null;
    }

    public int size() { return numbers.length; }

    static SccpDeviceTypes parse(InputStream in) throws IOException {
        List<long[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                if (tab < 0) throw new IOException("no tab in device type row: " + line);
                rows.add(new long[] {Integer.parseInt(line.substring(0, tab).trim()), labels.size()});
                labels.add(line.substring(tab + 1).trim());
            }
        }
        rows.sort((a, b) -> Long.compare(a[0], b[0]));
        int[] numbers = new int[rows.size()];
        String[] names = new String[rows.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = (int) rows.get(i)[0];
            names[i] = labels.get((int) rows.get(i)[1]);
            if (i > 0 && numbers[i] == numbers[i - 1]) throw new IOException("device type listed twice: " + numbers[i]);
        }
        return new SccpDeviceTypes(numbers, names);
    }

    private static SccpDeviceTypes load() {
        try (InputStream in = SccpDeviceTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing from the class path");
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
