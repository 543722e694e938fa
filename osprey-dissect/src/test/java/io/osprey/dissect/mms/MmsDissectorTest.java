package io.osprey.dissect.mms;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.mms.MmsWire.C;
import static io.osprey.dissect.mms.MmsWire.S;
import static io.osprey.dissect.mms.MmsWire.association;
import static io.osprey.dissect.mms.MmsWire.bytes;
import static io.osprey.dissect.mms.MmsWire.concat;
import static io.osprey.dissect.mms.MmsWire.dt;
import static io.osprey.dissect.mms.MmsWire.exchange;
import static io.osprey.dissect.mms.MmsWire.fromClient;
import static io.osprey.dissect.mms.MmsWire.fromIed;
import static io.osprey.dissect.mms.MmsWire.identifyResponse;
import static io.osprey.dissect.mms.MmsWire.initiateRequest;
import static io.osprey.dissect.mms.MmsWire.initiateResponse;
import static io.osprey.dissect.mms.MmsWire.readRequest;
import static io.osprey.dissect.mms.MmsWire.request;
import static io.osprey.dissect.mms.MmsWire.response;
import static io.osprey.dissect.mms.MmsWire.tlv;
import static io.osprey.dissect.mms.MmsWire.tpktDt;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built MMS exchanges, by ISO 9506-2 PDU and by the OSI layer that carries it. */
class MmsDissectorTest {

    /** Identify-Request is a NULL [2] (ISO 9506-2 §10.2.1). */
    static final byte[] IDENTIFY_REQUEST = tlv(0x82);

    @Test
    void identifyResponseStatesTheServersVendorModelAndRevision() {
        // ISO 9506-2 §10.2.2: vendorName [0], modelName [1], revision [2]
        Observed o = exchange(fromClient(dt(request(1, IDENTIFY_REQUEST))),
                fromIed(dt(response(1, identifyResponse("ABB", "REF615", "2.0 FP1")))));
        assertThat(o.facts()).containsExactly(
                C + "mms.function=identify",
                C + "mms.pdu=confirmed-request",
                C + "mms.role=client",
                S + "mms.model=REF615",
                S + "mms.pdu=confirmed-response",
                S + "mms.revision=2.0 FP1",
                S + "mms.role=server",
                S + "mms.vendor=ABB");
        assertThat(o.services()).containsExactly("10.0.0.11 102/tcp mms");
        assertThat(o.attributes(MmsAttributes.VENDOR).getFirst().confidence()).isEqualTo(MmsAttributes.STATED);
    }

    @Test
    void identifyStringsAreTrimmedAndControlOctetsEscaped() {
        Observed o = exchange(fromIed(dt(response(7, identifyResponse("  Siemens ", "SIPROTEC\n5", "V07.50   ")))));
        assertThat(o.values(MmsAttributes.VENDOR)).containsExactly("Siemens");
        assertThat(o.values(MmsAttributes.MODEL)).containsExactly("SIPROTEC\\0105");
        assertThat(o.values(MmsAttributes.REVISION)).containsExactly("V07.50");
    }

    @Test
    void anIdentifyResponseWithLongFormLengthsIsRead() {
        String revision = "r".repeat(150); // X.690 §8.1.3.5: 0x81 0x96; the PDU itself needs 0x81 too
        Observed o = exchange(fromIed(dt(response(2, identifyResponse("GE", "F650", revision)))));
        assertThat(o.values(MmsAttributes.REVISION)).containsExactly("r".repeat(MmsDissector.MAX_TEXT_LENGTH));
        assertThat(o.values(MmsAttributes.MODEL)).containsExactly("F650");
    }

    @Test
    void anIdentifyAnswerSentByTheClientIsNotTakenAsTheServersIdentity() {
        Observed o = exchange(fromClient(dt(response(1, identifyResponse("X", "Y", "Z")))));
        assertThat(o.values(MmsAttributes.VENDOR)).isEmpty();
        assertThat(o.values(MmsAttributes.PDU)).containsExactly("confirmed-response");
    }

    @Test
    void initiateRequestAndResponseTravelInSessionConnectAndAcceptWithAcse() {
        // X.225 CN/AC SPDU, Session User Data (PI 193), ISO 8823 CP/CPA, ISO 8650 AARQ/AARE user-information
        Observed o = exchange(fromClient(association(true, initiateRequest())),
                fromIed(association(false, initiateResponse())));
        assertThat(o.facts()).containsExactly(
                C + "mms.pdu=initiate-request",
                C + "mms.role=client",
                S + "mms.pdu=initiate-response",
                S + "mms.role=server");
    }

    @Test
    void aConnectSpduOfMoreThan254OctetsUsesTheThreeOctetLength() {
        // X.225 §8.2.5: LI 0xFF and two octets; an initiate padded with a long localDetail to pass 255
        byte[] pdu = tlv(0xA8, tlv(0x80, new byte[300]));
        Observed o = exchange(fromClient(association(true, pdu)));
        assertThat(o.values(MmsAttributes.PDU)).containsExactly("initiate-request");
    }

    @Test
    void confirmedServicesAreNamedPerClientWithHighTagNumbers() {
        // ISO 9506-2 annex D: fileOpen [72] (constructed BF 48), fileRead [73] (primitive 9F 49),
        // fileDirectory [77] (BF 4D); getNameList [1], write [5]
        byte[] fileOpen = tlv(new int[] {0xBF, 0x48}, tlv(0xA0, tlv(0x19, bytes('a'))), tlv(0x81, bytes(0)));
        byte[] fileRead = tlv(new int[] {0x9F, 0x49}, bytes(1));
        byte[] fileDirectory = tlv(new int[] {0xBF, 0x4D}, tlv(0xA0));
        byte[] getNameList = tlv(0xA1, tlv(0xA0, tlv(0x80, bytes(9))), tlv(0xA1, tlv(0x81, bytes('L', 'D'))));
        byte[] write = tlv(0xA5, tlv(0xA0), tlv(0xA0));
        Observed o = exchange(fromClient(dt(request(1, fileOpen))), fromClient(dt(request(2, fileRead))),
                fromClient(dt(request(3, fileDirectory))), fromClient(dt(request(4, getNameList))),
                fromClient(dt(request(5, write))));
        assertThat(o.values(MmsAttributes.FUNCTION))
                .containsExactly("fileDirectory", "fileOpen", "fileRead", "getNameList", "write");
        assertThat(o.attributes(MmsAttributes.FUNCTION)).allMatch(a -> a.host().toString().equals(C.strip()));
    }

    @Test
    void aListOfModifierBeforeTheServiceIsSkipped() {
        byte[] pdu = tlv(0xA0, MmsWire.invokeId(9), tlv(0x30, tlv(0xA0)), readRequest("LD1", "LLN0$ST"));
        Observed o = exchange(fromClient(dt(pdu)));
        assertThat(o.values(MmsAttributes.FUNCTION)).containsExactly("read");
    }

    @Test
    void domainsNamedInRequestsAreAboutTheServerAndEachIsReportedOnce() {
        Observed o = exchange(fromClient(dt(request(1, readRequest("IED1LD0", "LLN0$ST$Mod")))),
                fromClient(dt(request(2, readRequest("IED1LD0", "LLN0$ST$Beh")))),
                fromClient(dt(request(3, readRequest("IED1PROT", "PTOC1$ST$Op")))));
        assertThat(o.facts()).contains(S + "mms.domain=IED1LD0", S + "mms.domain=IED1PROT");
        assertThat(o.attributes(MmsAttributes.DOMAIN)).hasSize(2);
    }

    @Test
    void aDomainWithCharactersAnIdentifierCannotHoldIsNotReported() {
        Observed o = exchange(fromClient(dt(request(1, readRequest("IED 1", "LLN0")))));
        assertThat(o.values(MmsAttributes.DOMAIN)).isEmpty();
        assertThat(o.values(MmsAttributes.FUNCTION)).containsExactly("read");
    }

    @Test
    void informationReportsAreTheServersUnconfirmedService() {
        byte[] report = tlv(0xA3, tlv(0xA0, tlv(0xA1, tlv(0x80, bytes('R', 'P', 'T'))), tlv(0xA0)));
        Observed o = exchange(fromIed(dt(report)));
        assertThat(o.facts()).containsExactly(C + "mms.role=client", S + "mms.pdu=unconfirmed",
                S + "mms.role=server", S + "mms.unconfirmed=informationReport");
    }

    @Test
    void twoTpktsInOneSegmentAreBothRead() {
        Observed o = exchange(fromClient(concat(dt(request(1, IDENTIFY_REQUEST)), dt(tlv(0x8B)))));
        assertThat(o.values(MmsAttributes.PDU)).containsExactly("conclude-request", "confirmed-request");
    }

    @Test
    void s7commOnPort102IsNotMms() {
        // S7comm rides COTP DT directly: protocol id 0x32 where MMS has a session SPDU
        MmsDissector d = new MmsDissector();
        Observed o = new Observed(d);
        o.feed(MmsWire.CLIENT, fromClient(tpktDt(bytes(0x32, 1, 0, 0, 0, 0, 0, 8, 0, 0, 0xF0, 0, 0, 1, 0, 1, 1, 0xE0), true)));
        assertThat(o.all).isEmpty();
        assertThat(d.notMms()).isEqualTo(1);
    }

    @Test
    void aTpktContinuedInTheNextSegmentAndACotpFragmentAreSkippedAndCounted() {
        MmsDissector d = new MmsDissector();
        Observed o = new Observed(d);
        byte[] whole = dt(request(1, IDENTIFY_REQUEST));
        o.feed(MmsWire.CLIENT, fromClient(java.util.Arrays.copyOf(whole, whole.length - 3)));
        o.feed(MmsWire.CLIENT, fromClient(tpktDt(concat(bytes(1, 0, 1, 0), tlv(0x61)), false)));
        assertThat(o.all).isEmpty();
        assertThat(d.splitTpkts()).isEqualTo(1);
        assertThat(d.cotpFragments()).isEqualTo(1);
    }

    @Test
    void aPresentationPdvThatIsNotSingleAsn1IsNotMms() {
        byte[] octetAligned = tpktDt(concat(bytes(1, 0, 1, 0),
                tlv(0x61, tlv(0x30, tlv(0x02, bytes(3)), tlv(0x81, bytes(0xA0, 0))))), true);
        Observed o = exchange(fromClient(octetAligned));
        assertThat(o.all).isEmpty();
    }

    @Test
    void rolesAndServiceAreReportedOncePerAssociation() {
        Observed o = exchange(fromClient(dt(request(1, IDENTIFY_REQUEST))), fromClient(dt(request(2, IDENTIFY_REQUEST))),
                fromIed(dt(tlv(0x8C))));
        assertThat(o.all.stream().filter(Observation.Service.class::isInstance)).hasSize(1);
        assertThat(o.attributes(MmsAttributes.ROLE)).hasSize(2);
    }
}
