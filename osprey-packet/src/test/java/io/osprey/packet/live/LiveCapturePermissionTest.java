package io.osprey.packet.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Capturing without CAP_NET_RAW fails with the permission hint. The test drops the capability for a
 * child JVM with capsh(1), so it needs a process that may capture (to drop something) and capsh.
 */
class LiveCapturePermissionTest {
    private static final Path CAPSH = Path.of("/usr/sbin/capsh");

    @Test
    void withoutCapNetRawTheMessageSaysHowToGrantIt() throws Exception {
        LoopbackCapture.assumeCapturePermitted();
        Assumptions.assumeTrue(Files.isExecutable(CAPSH), "capsh is not installed (apt-get install libcap2-bin): skipped");
        String java = ProcessHandle.current().info().command().orElse(null);
        Assumptions.assumeTrue(java != null, "cannot find this JVM's executable: skipped");

        // The class path and java go through the environment so no shell quoting is involved.
        ProcessBuilder builder = new ProcessBuilder(CAPSH.toString(), "--drop=cap_net_raw", "--", "-c",
                "exec \"$PROBE_JAVA\" --enable-native-access=ALL-UNNAMED -cp \"$PROBE_CLASSPATH\" "
                        + PermissionProbe.class.getName() + " lo")
                .redirectErrorStream(true);
        builder.environment().put("PROBE_JAVA", java);
        builder.environment().put("PROBE_CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
        Assumptions.assumeFalse(output.contains("OPENED"),
                "capsh could not drop CAP_NET_RAW here (" + output + "): skipped");
        assertThat(process.exitValue()).as(output).isZero();

        List<String> lines = output.lines().filter(line -> !line.startsWith("WARNING")).toList();
        assertThat(lines).last().isEqualTo("PERMISSION_DENIED permission denied capturing on lo: run as root or grant"
                + " CAP_NET_RAW,CAP_NET_ADMIN (setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java)))");
    }
}
