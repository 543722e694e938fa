package io.osprey.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The output of `osprey scan --format json` against the contract's JSON Schema. */
class ScanOutputContractTest {
    static final Path SHARED_SCHEMA = Path.of("..", "..", "shared", "contracts", "scan-output.schema.json");

    /** The schema, without its relative {@code $id} (the validator wants an absolute one; nothing refers to it). */
    static JsonSchema schema() throws IOException {
        try (InputStream in = ScanOutputContractTest.class.getResourceAsStream("/contract/scan-output.schema.json")) {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(in);
            node.remove("$id");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hue-bridge-setup.pcap", "tplink-hs110-setup.pcap"})
    void outputConformsToTheSchema(String sample) throws IOException {
        CommandRun r = CommandRun.of("scan", "--json", "-q", Path.of("..", "samples", sample).toString());
        assertThat(r.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        Set<ValidationMessage> errors = schema().validate(doc);
        assertThat(errors).isEmpty();
        assertThat(doc.get("devices").size()).isPositive();
    }

    @Test
    void theSchemaCatchesAViolation() throws IOException {
        JsonNode bad = new ObjectMapper().readTree(
                "{\"captures\":[],\"devices\":[{\"deviceId\":\"x\",\"deviceType\":\"Toaster\",\"macAddress\":\"AA-BB\"}]}");
        assertThat(schema().validate(bad)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theCommittedCopyIsTheSharedContract() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(SHARED_SCHEMA),
                "../shared/contracts is absent: the copy of the contract was not compared (skipped)");
        try (InputStream in = ScanOutputContractTest.class.getResourceAsStream("/contract/scan-output.schema.json")) {
            assertThat(new String(in.readAllBytes())).isEqualTo(Files.readString(SHARED_SCHEMA));
        }
    }
}
