package io.osprey.dissect.goose;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real GOOSE publishers (ITI ICS-Security-Tools captures, CC-BY-4.0). Values are what
 * {@code tshark -r F -Y goose -T fields -e eth.src -e goose.appid -e goose.gocbRef -e goose.datSet -e goose.goID
 * -e goose.confRev -e goose.simulation} (Wireshark 4.0) shows; simulation is 0 in every frame.
 */
class GooseCaptureTest {

    @Test
    void aGeF650RelayPublishesOneControlBlock() {
        Observed o = new Observed(new GooseDissector()).capture(GooseFrames.fixture("goose/ge-f650-goose.pcap"));
        String ge = "00:a0:f4:08:2f:77 ";
        assertThat(o.facts()).containsExactly(
                ge + "goose.appid=0x0001",
                ge + "goose.confRev=1",
                ge + "goose.datSet=GEDeviceF650/LLN0$GOOSE1",
                ge + "goose.goID=F650_GOOSE1",
                ge + "goose.gocbRef=GEDeviceF650/LLN0$GO$gcb01",
                ge + "goose.role=publisher");
    }

    @Test
    void threeAbbIedsPublishInterlockingGoose() {
        // frames 39, 55 (locally administered MACs 0a:bb:fe:10:c9:06/08) and 119-280 (00:00:23:06:30:fe)
        Observed o = new Observed(new GooseDissector()).capture(GooseFrames.fixture("mms/abb-ieds-mms-reports-and-goose.pcap"));
        String q01 = "00:00:23:06:30:fe ", q05 = "0a:bb:fe:10:c9:06 ", q07 = "0a:bb:fe:10:c9:08 ";
        assertThat(o.facts()).containsExactly(
                q01 + "goose.appid=0x3001",
                q01 + "goose.confRev=1",
                q01 + "goose.datSet=AA1C1Q01A1LD0/LLN0$InterlockingA",
                q01 + "goose.goID=InterlockingA",
                q01 + "goose.gocbRef=AA1C1Q01A1LD0/LLN0$GO$gcb_A",
                q01 + "goose.role=publisher",
                q05 + "goose.appid=0x3001",
                q05 + "goose.confRev=5",
                q05 + "goose.datSet=AA1C1Q05A1LD0/LLN0$InterlockingA",
                q05 + "goose.goID=InterlockingA",
                q05 + "goose.gocbRef=AA1C1Q05A1LD0/LLN0$GO$gcb_A",
                q05 + "goose.role=publisher",
                q07 + "goose.appid=0x3001",
                q07 + "goose.confRev=2",
                q07 + "goose.datSet=AA1C1Q07A1LD0/LLN0$InterlockingA",
                q07 + "goose.goID=InterlockingA",
                q07 + "goose.gocbRef=AA1C1Q07A1LD0/LLN0$GO$gcb_A",
                q07 + "goose.role=publisher");
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }

    @Test
    void eachPublisherIsReportedOncePerControlBlockTowardsItsMulticastAddress() {
        // tshark -T fields -e eth.src -e eth.dst -e goose.gocbRef -e goose.simulation: 8 frames of gcb01, simulation 0
        Observed o = new Observed(new GooseDissector()).capture(GooseFrames.fixture("goose/ge-f650-goose.pcap"));
        assertThat(o.operations()).containsExactly(
                "00:a0:f4:08:2f:77 > 01:a0:f4:08:2f:77 goose:publish GEDeviceF650/LLN0$GO$gcb01");
        // the ABB capture: 34 frames of three publishers to 01:0c:cd:01:00:00, none simulated
        Observed abb = new Observed(new GooseDissector())
                .capture(GooseFrames.fixture("mms/abb-ieds-mms-reports-and-goose.pcap"));
        assertThat(abb.operations()).containsExactlyInAnyOrder(
                "00:00:23:06:30:fe > 01:0c:cd:01:00:00 goose:publish AA1C1Q01A1LD0/LLN0$GO$gcb_A",
                "0a:bb:fe:10:c9:06 > 01:0c:cd:01:00:00 goose:publish AA1C1Q05A1LD0/LLN0$GO$gcb_A",
                "0a:bb:fe:10:c9:08 > 01:0c:cd:01:00:00 goose:publish AA1C1Q07A1LD0/LLN0$GO$gcb_A");
    }
}
