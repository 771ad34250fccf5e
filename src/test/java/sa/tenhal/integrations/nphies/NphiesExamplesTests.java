package sa.tenhal.integrations.nphies;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundle of the reference's NPHIES examples (copied to {@code src/test/resources/nphies/examples}) parses with
 * HAPI FHIR, and what Tenhal reads from such a message is what the file says: the header (event, message id, sender
 * and receiver licences, focus) and the claim (use, identifier, type, member, diagnoses, authorisations, lines with
 * their VAT and patient share, total).
 */
class NphiesExamplesTests {

    static final Path EXAMPLES = Path.of("src/test/resources/nphies/examples");
    static final NphiesReader READER = new NphiesReader(FhirContext.forR4Cached());

    record Expected(
            String file,
            String event,
            String messageId,
            String sender,
            Claim.Use use,
            String identifier,
            String type,
            String memberId,
            String relationship,
            List<String> diagnoses,
            List<String> preAuthRefs,
            String total,
            String firstCode,
            String firstNet,
            String firstTax,
            String firstPatientShare,
            int lines) {}

    static Stream<Arguments> examples() {
        return Stream.of(
                        new Expected(
                                "1 - Preauth Institutional Request.json",
                                "priorauth-request",
                                "a7e4caf2-0441-40e5-97d2-5ae180275111",
                                "N-F-00001",
                                Claim.Use.PREAUTHORIZATION,
                                "req_112485111",
                                "institutional",
                                "0000000002",
                                "child",
                                List.of("R07.1"),
                                List.of(),
                                "5750",
                                "38618-00-00",
                                "5750",
                                "750",
                                "0",
                                1),
                        new Expected(
                                "10 - Claim Professional Request.json",
                                "claim-request",
                                "54cf5884-662c-4f1d-85a2-a4a923a98702",
                                "N-F-00001",
                                Claim.Use.CLAIM,
                                "req_298702",
                                "professional",
                                "0000000001",
                                "self",
                                List.of("S62.10"),
                                List.of("DEF987"),
                                "121.9",
                                "83620-00-10",
                                "121.9",
                                "15.9",
                                "20",
                                1),
                        new Expected(
                                "11 - Claim Vision Request.json",
                                "claim-request",
                                "f4a14305-a9af-427d-9f1c-64c8e2d98173",
                                "N-F-00005",
                                Claim.Use.CLAIM,
                                "req_9128173",
                                "vision",
                                "0000000003",
                                "spouse",
                                List.of("Z01.0"),
                                List.of(),
                                "460",
                                "42503-00-02",
                                "460",
                                "60",
                                "20",
                                1),
                        new Expected(
                                "2a - First Preauth Dental Request with multiple items.json",
                                "priorauth-request",
                                "54cf5884-662c-4f1d-85a2-a4a923a98390",
                                "N-F-00003",
                                Claim.Use.PREAUTHORIZATION,
                                "req_298390",
                                "oral",
                                "0000000003",
                                "spouse",
                                List.of("K01.1"),
                                List.of(),
                                "2070",
                                "012",
                                "230",
                                "30",
                                "40",
                                3),
                        new Expected(
                                "4 - Preauth Pharmacy Request.json",
                                "priorauth-request",
                                "a7e4caf2-0441-40e5-97d2-5ae180278072",
                                "N-F-00002",
                                Claim.Use.PREAUTHORIZATION,
                                "req_0112488072",
                                "pharmacy",
                                "10100000",
                                "self",
                                List.of("R07.1", "T36.9"),
                                List.of(),
                                "160",
                                "06285096001627",
                                "60",
                                null,
                                "0",
                                2),
                        new Expected(
                                "5a - Preauth Professional Request.json",
                                "priorauth-request",
                                "0296c6fe-fd3d-48fe-a72d-8a4952947363",
                                "N-F-00001",
                                Claim.Use.PREAUTHORIZATION,
                                "req_177363",
                                "professional",
                                "0000000001",
                                "self",
                                List.of("S83.1"),
                                List.of(),
                                "121.9",
                                "83620-00-10",
                                "121.9",
                                "15.9",
                                "0",
                                1),
                        new Expected(
                                "6 - Preauth Vision Prescription Request.json",
                                "priorauth-request",
                                "f4a14305-a9af-427d-9f1c-64c8e2d99055",
                                "N-F-00005",
                                Claim.Use.PREAUTHORIZATION,
                                "req_9129055",
                                "vision",
                                "0000000003",
                                "spouse",
                                List.of("Z01.0"),
                                List.of(),
                                "920",
                                "96092-00-10",
                                "920",
                                "120",
                                "0",
                                1),
                        new Expected(
                                "7a - Claim Dental Request.json",
                                "claim-request",
                                "54cf5884-662c-4f1d-85a2-a4a923a96361",
                                "N-F-00003",
                                Claim.Use.CLAIM,
                                "req_296361",
                                "oral",
                                "0000000003",
                                "spouse",
                                List.of("K01.1"),
                                List.of("SaudiNationalInsurance-OnLineAuth-63246262315"),
                                "1380",
                                "434",
                                "1380",
                                "180",
                                "0",
                                1),
                        new Expected(
                                "8 - Claim Institutional Request.json",
                                "claim-request",
                                "a7e4caf2-0441-40e5-97d2-5ae180273421",
                                "N-F-00001",
                                Claim.Use.CLAIM,
                                "req_112483421",
                                "institutional",
                                "0000000002",
                                "child",
                                List.of("R07.1"),
                                List.of(),
                                "115",
                                "83600-00-00",
                                "115",
                                "15",
                                "0",
                                1),
                        new Expected(
                                "9 - Claim Pharmacy Request.json",
                                "claim-request",
                                "a7e4caf2-0441-40e5-97d2-5ae180272284",
                                "N-F-00002",
                                Claim.Use.CLAIM,
                                "req_00112482284",
                                "pharmacy",
                                "10100000",
                                "self",
                                List.of("R07.1"),
                                List.of("Pseudo-payer-Portal-Auth-02"),
                                "69",
                                "06285096001627",
                                "69",
                                "9",
                                "0",
                                1))
                .map(Arguments::of);
    }

    @Test
    void everyExampleIsCovered() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(
                            examples().map(a -> ((Expected) a.get()[0]).file()).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void parsesAndReads(Expected e) throws IOException {
        Bundle bundle = READER.parse(Files.readString(EXAMPLES.resolve(e.file())));

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
        NphiesReader.Header header = READER.header(bundle);
        assertThat(header.eventCode()).isEqualTo(e.event());
        assertThat(header.messageId()).isEqualTo(e.messageId());
        assertThat(header.senderLicence()).isEqualTo(e.sender());
        assertThat(header.receiverLicence()).isEqualTo("N-I-00001");
        assertThat(bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl))
                .contains(header.focus());

        NphiesReader.ClaimRequest claim = READER.claim(bundle);
        assertThat(claim.use()).isEqualTo(e.use());
        assertThat(claim.identifier()).isEqualTo(e.identifier());
        assertThat(claim.type()).isEqualTo(e.type());
        assertThat(claim.payerLicence()).isEqualTo("N-I-00001");
        assertThat(claim.memberId()).isEqualTo(e.memberId());
        assertThat(claim.relationship()).isEqualTo(e.relationship());
        assertThat(claim.patientIdentifier()).isNotBlank();
        assertThat(claim.diagnoses()).isEqualTo(e.diagnoses());
        assertThat(claim.preAuthRefs()).isEqualTo(e.preAuthRefs());
        assertThat(claim.total()).isEqualByComparingTo(e.total());
        assertThat(claim.lines()).hasSize(e.lines());
        NphiesReader.Line first = claim.lines().get(0);
        assertThat(first.code()).isEqualTo(e.firstCode());
        assertThat(first.system()).startsWith("http://nphies.sa/terminology/CodeSystem/");
        assertThat(first.net()).isEqualByComparingTo(e.firstNet());
        // a pharmacy line without VAT carries no extension-tax
        if (e.firstTax() == null) {
            assertThat(first.tax()).isNull();
        } else {
            assertThat(first.tax()).isEqualByComparingTo(e.firstTax());
        }
        assertThat(first.patientShare()).isEqualByComparingTo(e.firstPatientShare());
        // the lines add up to the claim's total
        assertThat(claim.lines().stream().map(NphiesReader.Line::net).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(claim.total());
    }
}
