package io.osprey.dissect.opcua;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.dissect.dns.DirectRun;

/**
 * Coverage-guided fuzzing with Jazzer of the OPC UA dissector, called directly (no pipeline to catch what it
 * throws): the input chooses the direction and whether to wrap the rest as a MSG body with a chosen service TypeId,
 * then gives the bytes. A normal {@code test} run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes for
 * {@code maxDuration}.
 */
class OpcuaFuzzTest {
    private final DirectRun run = OpcuaWire.direct();

    @FuzzTest(maxDuration = "12s")
    void dissectArbitraryPayloads(FuzzedDataProvider input) {
        boolean fromServer = input.consumeBoolean();
        boolean framed = input.consumeBoolean();
        int typeId = input.consumeInt(0, 0xFFFF);
        byte[] bytes = input.consumeRemainingAsBytes();
        byte[] payload = framed && bytes.length < 0xFFF0 ? OpcuaWire.msg(typeId, bytes) : bytes;
        run.dissect(fromServer ? OpcuaWire.fromServer(payload) : OpcuaWire.fromClient(payload));
    }
}
