package io.osprey.dissect.fins;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ITI capture of a CP1L answering Controller Data Read over FINS/TCP (frames 6-9) and FINS/UDP (17-18).
 * Expected values from {@code tshark -r omron_test.pcap -Y omron -O omron -V}: "Controller model: CP1L-EL20DR-D",
 * "Controller version: 01.00", "Program area size: 10", "No. of DM words: 10768"; GROUND_TRUTH.md: SYSMAC
 * CP1L-EL20DR-D, controller version 01.00.
 */
class FinsCaptureTest {

    @Test
    void cp1lControllerDataRead() {
        FinsDissector d = new FinsDissector();
        Observed o = new Observed(d).capture(FinsWire.fixture("omron-cp1l-controller-data-read.pcap"));
        assertThat(o.facts()).containsExactly(
                "00:19:07:24:3c:ca/10.1.1.164 fins.controllerModel=CP1L-EL20DR-D",
                "00:19:07:24:3c:ca/10.1.1.164 fins.controllerVersion=01.00",
                "00:19:07:24:3c:ca/10.1.1.164 fins.dmWords=10768",
                "00:19:07:24:3c:ca/10.1.1.164 fins.programAreaSize=10",
                "00:19:07:24:3c:ca/10.1.1.164 fins.role=server",
                "3c:a9:f4:21:22:f8/10.1.1.173 fins.command=controller-data-read",
                "3c:a9:f4:21:22:f8/10.1.1.173 fins.role=client");
        assertThat(o.services()).containsExactly("10.1.1.164 9600/tcp fins", "10.1.1.164 9600/udp fins");
        assertThat(o.attributes(FinsAttributes.CONTROLLER_MODEL)).singleElement()
                .satisfies(a -> assertThat(a.confidence()).isEqualTo(FinsAttributes.STATED));
        assertThat(d.malformed()).isZero();
    }

    @Test
    void controllerDataReadIsOneRoutineOperation() {
        // tshark -O omron: two commands 0x0501 (Controller Data Read) from 10.1.1.173 to 10.1.1.164, UDP and TCP
        Observed o = new Observed(new FinsDissector()).capture(FinsWire.fixture("omron-cp1l-controller-data-read.pcap"));
        assertThat(o.operations()).containsExactly(
                "3c:a9:f4:21:22:f8/10.1.1.173 > 00:19:07:24:3c:ca/10.1.1.164 fins:controller-data-read");
    }
}
