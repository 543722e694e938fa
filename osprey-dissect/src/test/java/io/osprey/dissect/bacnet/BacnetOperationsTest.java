package io.osprey.dissect.bacnet;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.bacnet.BacnetWire.D;
import static io.osprey.dissect.bacnet.BacnetWire.S;
import static io.osprey.dissect.bacnet.BacnetWire.body;
import static io.osprey.dissect.bacnet.BacnetWire.confirmed;
import static io.osprey.dissect.bacnet.BacnetWire.exchange;
import static io.osprey.dissect.bacnet.BacnetWire.fromStation;
import static io.osprey.dissect.bacnet.BacnetWire.unicast;
import static org.assertj.core.api.Assertions.assertThat;

/** Operations of confirmed requests (ASHRAE 135 Clause 21 BACnetConfirmedServiceChoice). */
class BacnetOperationsTest {
    private static final String OPS = S + "> " + D + "bacnet:";

    /**
     * The request with another invoke id (Clause 20.1.2.4): the pipeline drops a datagram identical to the one before
     * it as a repeat, so a second occurrence must differ, as it does on the wire.
     */
    private static byte[] invokeId(byte[] apdu, int id) {
        byte[] b = apdu.clone();
        b[2] = (byte) id;
        return b;
    }

    @Test
    void readsAreReportedOncePerPairAndUnknownServicesByNumber() {
        byte[] read = confirmed(12, body().contextObjectId(0, 8, 500).unsigned(1, true, 77).build());
        Observed o = exchange(fromStation(unicast(read)), fromStation(unicast(read)),
                fromStation(unicast(confirmed(60, new byte[0]))));
        assertThat(o.operations()).containsExactly(OPS + "readProperty", OPS + "unknown-service service=60");
    }

    @Test
    void reinitializeDeviceAndCommunicationControlAreReportedAtEachOccurrenceWithTheirState() {
        // 16.4.1.1.1 reinitializedStateOfDevice [0] coldstart (0); 16.1.1.1 timeDuration [0] 60 minutes,
        // enable-disable [1] disable (1)
        byte[] reinit = confirmed(20, body().unsigned(0, true, 0).build());
        byte[] dcc = confirmed(17, body().unsigned(0, true, 60).unsigned(1, true, 1).build());
        Observed o = exchange(fromStation(unicast(reinit)), fromStation(unicast(invokeId(reinit, 2))),
                fromStation(unicast(dcc)));
        assertThat(o.operations()).containsExactly(OPS + "reinitializeDevice state=coldstart",
                OPS + "reinitializeDevice state=coldstart", OPS + "deviceCommunicationControl enable=disable");
    }

    @Test
    void writePropertyNamesTheObjectAndProperty() {
        // 15.9.1: objectIdentifier [0] analog-value (2) instance 5, propertyIdentifier [1] present-value (85), value
        byte[] write = confirmed(15, body().contextObjectId(0, 2, 5).unsigned(1, true, 85).open(3)
                .unsigned(2, false, 21).close(3).build());
        Observed o = exchange(fromStation(unicast(write)), fromStation(unicast(invokeId(write, 2))),
                fromStation(unicast(confirmed(11, body().contextObjectId(0, 2, 5).build()))));
        assertThat(o.operations()).containsExactly(OPS + "writeProperty object=2:5 property=85",
                OPS + "writeProperty object=2:5 property=85", OPS + "deleteObject");
    }
}
