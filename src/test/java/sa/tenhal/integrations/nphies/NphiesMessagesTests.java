package sa.tenhal.integrations.nphies;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * Tenhal's own eligibility, prior authorisation, claim and poll messages for the demo insured child validate with zero
 * errors against FHIR R4 (HAPI's validator) and NPHIES' required elements ({@link NphiesRules}), survive a JSON round
 * trip, and read back as they were built.
 */
class NphiesMessagesTests {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final MessageValidation VALIDATION = new MessageValidation(FHIR);
    static final NphiesReader READER = new NphiesReader(FHIR);
    final NphiesMessages messages = new NphiesMessages();

    Bundle roundTrip(Bundle b) {
        return READER.parse(READER.json(b));
    }

    void valid(Bundle b) {
        List<MessageValidation.Problem> problems = VALIDATION.validate(roundTrip(b));
        assertThat(MessageValidation.errors(problems)).isEmpty();
    }

    @Test
    void eligibility() {
        UUID id = UUID.randomUUID();
        Bundle b = messages.eligibility(
                id,
                DemoChild.AT,
                DemoChild.PROVIDER,
                DemoChild.PAYER,
                DemoChild.member(),
                LocalDate.of(2026, 12, 6),
                LocalDate.of(2026, 12, 6));
        valid(b);

        Bundle read = roundTrip(b);
        NphiesReader.Header header = READER.header(read);
        assertThat(header.messageId()).isEqualTo(id.toString());
        assertThat(read.getIdPart()).isEqualTo(id.toString());
        assertThat(header.event()).isEqualTo(Nphies.Event.ELIGIBILITY_REQUEST);
        assertThat(header.senderLicence()).isEqualTo("N-F-00001");
        assertThat(header.receiverLicence()).isEqualTo("N-I-00001");
        NphiesReader.EligibilityRequest request = READER.eligibility(read);
        assertThat(request.memberId()).isEqualTo("M-100200");
        assertThat(request.patientIdentifier()).isEqualTo("1098765432");
        Coverage coverage = READER.first(read, Coverage.class).orElseThrow();
        assertThat(coverage.getRelationship().getCodingFirstRep().getCode()).isEqualTo("child");
        assertThat(coverage.getSubscriberId()).isEqualTo("M-100100");
    }

    @Test
    void priorAuthorisationAndClaim() {
        for (boolean preauth : new boolean[] {true, false}) {
            Bundle b = messages.claim(
                    UUID.randomUUID(),
                    DemoChild.AT,
                    preauth,
                    DemoChild.PROVIDER,
                    DemoChild.PAYER,
                    DemoChild.member(),
                    DemoChild.visit("CLM-1", preauth ? List.of() : List.of("PA-1")));
            valid(b);

            Bundle read = roundTrip(b);
            assertThat(READER.header(read).event())
                    .isEqualTo(preauth ? Nphies.Event.PRIORAUTH_REQUEST : Nphies.Event.CLAIM_REQUEST);
            NphiesReader.ClaimRequest claim = READER.claim(read);
            assertThat(claim.use()).isEqualTo(preauth ? Claim.Use.PREAUTHORIZATION : Claim.Use.CLAIM);
            assertThat(claim.type()).isEqualTo("professional");
            assertThat(claim.subType()).isEqualTo("op");
            assertThat(claim.diagnoses()).containsExactly("F80.1", "F84.0");
            assertThat(claim.preAuthRefs()).isEqualTo(preauth ? List.of() : List.of("PA-1"));
            assertThat(claim.lines())
                    .extracting(
                            NphiesReader.Line::code,
                            l -> l.net().toPlainString(),
                            l -> l.tax().toPlainString(),
                            l -> l.patientShare().toPlainString())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("DEMO-SLP-SES", "392.00", "42.00", "70.00"),
                            org.assertj.core.groups.Tuple.tuple("DEMO-SLP-PAR", "224.00", "24.00", "40.00"));
            assertThat(claim.total()).isEqualByComparingTo("616.00");
            Claim resource = READER.first(read, Claim.class).orElseThrow();
            assertThat(resource.getCareTeamFirstRep()
                            .getQualification()
                            .getCodingFirstRep()
                            .getCode())
                    .isEqualTo("26.00");
            assertThat(resource.getItemFirstRep().getEncounter()).hasSize(1);
        }
    }

    @Test
    void aResubmissionNamesTheClaimItCorrects() {
        Parties.ClaimContent visit = DemoChild.visit("CLM-2", List.of());
        Parties.ClaimContent corrected = new Parties.ClaimContent(
                "CLM-2-R1",
                visit.encounterId(),
                visit.encounterDay(),
                visit.followUp(),
                visit.practitioner(),
                visit.diagnoses(),
                visit.items(),
                List.of("PA-9"),
                "CLM-2");
        Bundle b = messages.claim(
                UUID.randomUUID(),
                DemoChild.AT,
                false,
                DemoChild.PROVIDER,
                DemoChild.PAYER,
                DemoChild.member(),
                corrected);
        valid(b);
        assertThat(READER.claim(roundTrip(b)).relatedClaim()).isEqualTo("CLM-2");
    }

    @Test
    void poll() {
        valid(messages.poll(UUID.randomUUID(), DemoChild.AT, DemoChild.PROVIDER));
    }

    @Test
    void aBrokenMessageIsRefusedWithReasonsFinanceCanRead() {
        Bundle b = messages.claim(
                UUID.randomUUID(),
                DemoChild.AT,
                false,
                DemoChild.PROVIDER,
                DemoChild.PAYER,
                DemoChild.member(),
                DemoChild.visit("CLM-3", List.of()));
        Patient patient = READER.first(b, Patient.class).orElseThrow();
        patient.getIdentifierFirstRep().setValue("2123"); // not a national ID
        READER.first(b, Claim.class).orElseThrow().getDiagnosis().clear();
        MessageHeader header = (MessageHeader) b.getEntryFirstRep().getResource();
        header.getFocus().clear();

        List<MessageValidation.Problem> errors = MessageValidation.errors(VALIDATION.validate(b));

        assertThat(errors)
                .extracting(MessageValidation.Problem::message)
                .contains(
                        "a national ID is 10 digits starting with 1",
                        "Claim.diagnosis needs at least one coded diagnosis",
                        "MessageHeader.focus must name exactly one resource (BV-00221)");
    }

    @Test
    void fhirErrorsBlockToo() {
        Bundle b = messages.claim(
                UUID.randomUUID(),
                DemoChild.AT,
                false,
                DemoChild.PROVIDER,
                DemoChild.PAYER,
                DemoChild.member(),
                DemoChild.visit("CLM-4", List.of()));
        // Claim.item.sequence is 1..1 positiveInt: a FHIR R4 error, not only a NPHIES one
        READER.first(b, Claim.class).orElseThrow().getItemFirstRep().setSequenceElement(null);

        assertThat(MessageValidation.errors(VALIDATION.validate(roundTrip(b)))).isNotEmpty();
    }

    /**
     * The validator Tenhal uses keeps one HL7 instance validator per thread ({@link ReusedInstanceValidator}); HAPI's
     * own builds one per message. Both must find the same: every problem, in order, for valid and broken messages and
     * the reference's examples, interleaved and twice over (nothing one message leaves behind changes the next).
     */
    @Test
    void theReusedValidatorFindsExactlyWhatHapisOwnFinds() throws Exception {
        MessageValidation hapi = new MessageValidation(FHIR, false);
        List<Bundle> bundles = new java.util.ArrayList<>();
        Bundle claim = messages.claim(
                UUID.randomUUID(),
                DemoChild.AT,
                false,
                DemoChild.PROVIDER,
                DemoChild.PAYER,
                DemoChild.member(),
                DemoChild.visit("CLM-5", List.of("PA-1")));
        Bundle noSequence = roundTrip(claim);
        READER.first(noSequence, Claim.class).orElseThrow().getItemFirstRep().setSequenceElement(null);
        Bundle noStatus = roundTrip(claim);
        READER.first(noStatus, Claim.class).orElseThrow().setStatus(null);
        Bundle badNationalId = roundTrip(claim);
        READER.first(badNationalId, Patient.class)
                .orElseThrow()
                .getIdentifierFirstRep()
                .setValue("2123");
        bundles.add(claim);
        bundles.add(noSequence);
        bundles.add(messages.eligibility(
                UUID.randomUUID(),
                DemoChild.AT,
                DemoChild.PROVIDER,
                DemoChild.PAYER,
                DemoChild.member(),
                LocalDate.of(2026, 12, 6),
                LocalDate.of(2026, 12, 6)));
        bundles.add(noStatus);
        bundles.add(badNationalId);
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/nphies/examples"))) {
            for (var file : files.sorted().toList()) {
                bundles.add(READER.parse(java.nio.file.Files.readString(file)));
            }
        }
        bundles.add(claim);
        bundles.add(noSequence);

        int withErrors = 0;
        for (int round = 0; round < 2; round++) {
            for (Bundle b : bundles) {
                List<MessageValidation.Problem> expected = hapi.validate(b);
                assertThat(VALIDATION.validate(b)).as(b.getIdPart()).isEqualTo(expected);
                withErrors += MessageValidation.errors(expected).isEmpty() ? 0 : 1;
            }
        }
        // the comparison covered messages that are refused, not only clean ones
        assertThat(withErrors).isGreaterThanOrEqualTo(6);
        assertThat(MessageValidation.errors(VALIDATION.validate(noSequence))).isNotEmpty();
        assertThat(MessageValidation.errors(VALIDATION.validate(noStatus))).isNotEmpty();
        assertThat(MessageValidation.errors(VALIDATION.validate(claim))).isEmpty();
    }
}
