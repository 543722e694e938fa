package io.osprey.dissect.opcua;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.opcua.OpcuaWire.C;
import static io.osprey.dissect.opcua.OpcuaWire.S;
import static io.osprey.dissect.opcua.OpcuaWire.exchange;
import static io.osprey.dissect.opcua.OpcuaWire.fromClient;
import static io.osprey.dissect.opcua.OpcuaWire.msg;
import static io.osprey.dissect.opcua.OpcuaWire.requestHeader;
import static org.assertj.core.api.Assertions.assertThat;

/** Operations of OPC UA service requests, by their binary encoding ids (OPC 10000-6 NodeIds.csv). */
class OpcuaOperationsTest {
    private static final String OPS = C + "> " + S + "opcua:";

    /** A MSG holding the service's TypeId and a RequestHeader (the rest of the request is not read). */
    private static byte[] request(int typeId) {
        return msg(typeId, requestHeader().build());
    }

    @Test
    void readsAreReportedOncePerPair() {
        // ReadRequest 631, BrowseRequest 527
        Observed o = exchange(fromClient(request(631)), fromClient(request(631)), fromClient(request(527)));
        assertThat(o.operations()).containsExactly(OPS + "read", OPS + "browse");
    }

    @Test
    void writesCallsAndNodeManagementAreReportedAtEachOccurrence() {
        // WriteRequest 673, CallRequest 712, AddNodesRequest 488, DeleteNodesRequest 500 (OPC 10000-4 §5.10.4,
        // §5.11.2, §5.7.2, §5.7.4)
        Observed o = exchange(fromClient(request(673)), fromClient(request(673)), fromClient(request(712)),
                fromClient(request(488)), fromClient(request(500)));
        assertThat(o.operations()).containsExactly(OPS + "write", OPS + "write", OPS + "call", OPS + "add-nodes",
                OPS + "delete-nodes");
    }
}
