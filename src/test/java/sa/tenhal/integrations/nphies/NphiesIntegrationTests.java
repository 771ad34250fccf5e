package sa.tenhal.integrations.nphies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.AtOnce;
import sa.tenhal.MutableClock;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.InsuranceServiceType;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.finance.ClaimAdjudications;
import sa.tenhal.finance.ClaimOutcome;
import sa.tenhal.finance.InvoiceStatus;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Invoicing;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.visits.VisitFixture;
import sa.tenhal.visits.VisitId;
import sa.tenhal.visits.VisitRecords;

/**
 * Every NPHIES path against the simulator (docs/nphies.md): eligible and not; prior authorisation approved, partly
 * approved, denied, pended then answered through the poll; claims approved, partly approved, rejected and resubmitted;
 * the payment reconciliation posting to the insurer invoice; an outage and lost answers (retried, one message); a
 * message that fails validation never leaves.
 */
@TenhalIntegrationTest
class NphiesIntegrationTests {

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    ApplicationContext context;

    @Autowired
    Scheduling scheduling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Insurance insurance;

    @Autowired
    Payers payers;

    @Autowired
    NphiesSimulator simulator;

    @Autowired
    VisitRecords visits;

    @Autowired
    Invoicing invoicing;

    @Autowired
    ClaimAdjudications adjudications;

    NphiesFixture nphies;
    VisitFixture fixture;
    ServiceDetails longAssessment;

    @BeforeEach
    void setUp() {
        simulator.reset();
        nphies = NphiesFixture.in(context);
        fixture = nphies.visit;
        // the payer authorises assessments first: the fixture's (SLP-002, 500 SAR) and a long one (1,000 SAR)
        payers.requireAuthorisation(NphiesFixture.PAYER, fixture.assessment.billingCode());
        longAssessment = catalog.createService(new ServiceForm(
                fixture.centre.speech().id().value(),
                "SLP-LONG",
                "Extended speech assessment",
                "تقييم نطق موسع",
                30,
                0,
                new BigDecimal("1000.00"),
                VatCategory.STANDARD,
                null,
                "SLP-LONG-" + UUID.randomUUID().toString().substring(0, 6),
                InsuranceServiceType.SERVICES));
        payers.requireAuthorisation(NphiesFixture.PAYER, longAssessment.billingCode());
    }

    @AfterEach
    void tearDown() {
        simulator.reset();
        clock.reset();
    }

    NphiesRecord answered(java.util.function.Supplier<java.util.Optional<NphiesRecord>> find) {
        return await().atMost(Duration.ofSeconds(90))
                .until(() -> find.get().orElse(null), r -> r != null && !"PENDING".equals(r.state()));
    }

    // ---- eligibility

    @Test
    void eligible() {
        AppointmentDetails a = nphies.book(nphies.insured(1), fixture.session);

        NphiesRecord check = insurance.checkEligibility(a.id());

        assertThat(check.state()).isEqualTo("ANSWERED");
        assertThat(check.outcome()).isEqualTo("ELIGIBLE");
        assertThat(check.copay()).isEqualTo("20 %");
        assertThat(insurance.latestEligibility(a.id().value()))
                .get()
                .extracting(NphiesRecord::outcome)
                .isEqualTo("ELIGIBLE");
    }

    @Test
    void notEligible() {
        AppointmentDetails a = nphies.book(nphies.insured(0), fixture.session);

        NphiesRecord check = insurance.checkEligibility(a.id());

        assertThat(check.outcome()).isEqualTo("NOT_ELIGIBLE");
        assertThat(check.reasons()).contains("not covered");
        assertThat(check.bad()).isTrue();
    }

    @Test
    void theDayBeforeCheckCoversTomorrowsInsuredAppointmentsOnce() {
        AppointmentDetails a = nphies.book(nphies.insured(0), fixture.session);
        // the check runs on the day before the appointment
        clock.set(a.startsAt().minus(Duration.ofHours(12)));
        try {
            assertThat(insurance.checkUpcoming()).isGreaterThanOrEqualTo(1);
            assertThat(insurance.latestEligibility(a.id().value()))
                    .get()
                    .extracting(NphiesRecord::outcome)
                    .isEqualTo("NOT_ELIGIBLE");
            long before = insurance.ofAppointment(a.id().value()).size();
            insurance.checkUpcoming();
            assertThat(insurance.ofAppointment(a.id().value())).hasSize((int) before);
        } finally {
            clock.reset();
        }
    }

    // ---- prior authorisation

    @Test
    void aServiceThePayerAuthorisesIsRequestedAtBookingAndApproved() {
        AppointmentDetails a = nphies.book(nphies.insured(1), fixture.assessment);

        NphiesRecord auth = answered(() -> insurance.latestAuthorisation(a.id().value()));

        assertThat(auth.outcome()).isEqualTo("APPROVED");
        assertThat(auth.reference()).startsWith("SIM-PA-");
        assertThat(insurance.authorisationMissing(scheduling.get(a.id()))).isFalse();
        // asking again returns the authorisation there is
        assertThat(insurance.requestAuthorisation(a.id()).id()).isEqualTo(auth.id());
    }

    @Test
    void clicksAtTheSameMomentRequestOneAuthorisation() throws Exception {
        // a session the payer does not ask to authorise: nothing is requested at booking, reception asks by hand
        AppointmentDetails a = nphies.book(nphies.insured(1), fixture.session);

        var outcomes = AtOnce.run(6, () -> insurance.requestAuthorisation(a.id()));

        assertThat(outcomes).allMatch(o -> o.thrown() == null);
        assertThat(outcomes.stream().map(o -> o.value().id()).distinct()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from nphies_message where appointment_id = :a and kind = 'PRIOR_AUTH'")
                        .param("a", a.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void partlyApproved() {
        AppointmentDetails a = nphies.book(nphies.insured(1), longAssessment);

        NphiesRecord auth = answered(() -> insurance.latestAuthorisation(a.id().value()));

        assertThat(auth.outcome()).isEqualTo("PARTLY_APPROVED");
        assertThat(auth.approved()).isEqualByComparingTo("500.00");
        assertThat(auth.reasons()).contains("limit");
    }

    @Test
    void denied() {
        AppointmentDetails a = nphies.book(nphies.insured(8), fixture.assessment);

        NphiesRecord auth = answered(() -> insurance.latestAuthorisation(a.id().value()));

        assertThat(auth.outcome()).isEqualTo("DENIED");
        assertThat(auth.reference()).isNull();
        // reception is warned: the service needs an authorisation it does not have
        assertThat(insurance.authorisationMissing(scheduling.get(a.id()))).isTrue();
    }

    @Test
    void pendedThenAnsweredThroughThePoll() {
        AppointmentDetails a = nphies.book(nphies.insured(7), fixture.assessment);

        NphiesRecord auth = answered(() -> insurance.latestAuthorisation(a.id().value()));
        assertThat(auth.state()).isEqualTo("QUEUED");
        assertThat(auth.outcome()).isEqualTo("PENDED");
        assertThat(insurance.authorisationMissing(scheduling.get(a.id()))).isTrue();

        assertThat(insurance.poll()).isGreaterThanOrEqualTo(1);

        NphiesRecord decided = insurance.latestAuthorisation(a.id().value()).orElseThrow();
        assertThat(decided.state()).isEqualTo("ANSWERED");
        assertThat(decided.outcome()).isEqualTo("APPROVED");
        assertThat(decided.reference()).startsWith("SIM-PA-");
        assertThat(insurance.authorisationMissing(scheduling.get(a.id()))).isFalse();
    }

    // ---- claims

    NphiesRecord claimOf(InvoiceView insurer) {
        return await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> insurance.claimsOfInvoice(insurer.id()).stream()
                                .filter(r -> !"SUPERSEDED".equals(r.state()))
                                .findFirst()
                                .orElse(null),
                        r -> r != null && !"PENDING".equals(r.state()));
    }

    @Test
    void aCompletedInsuredVisitIsClaimedApprovedAndPaidThroughTheReconciliation() {
        InvoiceView insurer = nphies.completedVisit(nphies.insured(1), List.of("F80.1"), 1);

        NphiesRecord claim = claimOf(insurer);

        assertThat(claim.outcome()).isEqualTo("APPROVED");
        assertThat(claim.claimed()).isEqualByComparingTo(insurer.total());
        assertThat(claim.approved()).isEqualByComparingTo(insurer.total());
        assertThat(claim.diagnoses()).containsExactly("F80.1");
        var adjudication = adjudications.find(insurer.id()).orElseThrow();
        assertThat(adjudication.outcome()).isEqualTo(ClaimOutcome.APPROVED);
        assertThat(adjudication.approved()).isEqualByComparingTo(insurer.total());

        // the payer's PaymentReconciliation comes with the next poll and pays the invoice
        insurance.poll();

        InvoiceView paid = invoicing.find(insurer.id());
        assertThat(paid.balance()).isEqualByComparingTo("0.00");
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(insurance.find(claim.id()).orElseThrow().paid()).isEqualByComparingTo(insurer.total());
        // a poll that brings nothing new posts nothing twice
        insurance.poll();
        assertThat(invoicing.find(insurer.id()).paid()).isEqualByComparingTo(insurer.total());
    }

    @Test
    void aClaimAboveThePlansLimitIsPartlyApprovedWithTheReason() {
        // two sessions: the insurer's share is 2 × 240 + 15 % = 552 SAR, above the simulator's 500 per line
        InvoiceView insurer = nphies.completedVisit(nphies.insured(1), List.of("F80.1"), 2);

        NphiesRecord claim = claimOf(insurer);

        assertThat(claim.outcome()).isEqualTo("PARTLY_APPROVED");
        assertThat(claim.approved()).isEqualByComparingTo("500.00");
        assertThat(claim.reasons()).contains("limit");
        var adjudication = adjudications.find(insurer.id()).orElseThrow();
        assertThat(adjudication.outcome()).isEqualTo(ClaimOutcome.PARTLY_APPROVED);
        assertThat(adjudication.notApproved())
                .isEqualByComparingTo(insurer.total().subtract(new BigDecimal("500.00")));
    }

    @Test
    void aRejectedClaimIsCorrectedAndResubmitted() {
        PatientDetails child = nphies.insured(1);
        InvoiceView insurer = nphies.completedVisit(child, List.of("Z00.1"), 1);

        NphiesRecord rejected = claimOf(insurer);
        assertThat(rejected.outcome()).isEqualTo("REJECTED");
        assertThat(rejected.reasons()).contains("diagnosis");
        assertThat(rejected.resubmittable()).isTrue();
        assertThat(adjudications.find(insurer.id()).orElseThrow().outcome()).isEqualTo(ClaimOutcome.REJECTED);

        // the clinician corrects the coding; finance resubmits
        VisitId visit = new VisitId(jdbc.sql("select id from visit_record where appointment_id = :a")
                .param("a", insurer.appointmentId())
                .query(UUID.class)
                .single());
        var z = visits.view(visit).diagnoses().get(0);
        visits.diagnose(visit, "F80.1", true);
        visits.removeDiagnosis(visit, z.id());

        NphiesRecord again = insurance.resubmit(rejected.id());

        assertThat(again.outcome()).isEqualTo("APPROVED");
        assertThat(again.resubmissionOf()).isEqualTo(rejected.id());
        assertThat(again.diagnoses()).containsExactly("F80.1");
        assertThat(insurance.find(rejected.id()).orElseThrow().state()).isEqualTo("SUPERSEDED");
        assertThat(adjudications.find(insurer.id()).orElseThrow().outcome()).isEqualTo(ClaimOutcome.APPROVED);
        String request = jdbc.sql("select request from nphies_message where id = :id")
                .param("id", again.id())
                .query(String.class)
                .single();
        assertThat(request).contains(rejected.claimIdentifier()).contains("related-claim-relationship");
    }

    @Test
    void aRejectedClaimCorrectedTwiceAtOnceIsSentAgainOnce() throws Exception {
        InvoiceView insurer = nphies.completedVisit(nphies.insured(1), List.of("Z00.1"), 1);
        NphiesRecord rejected = claimOf(insurer);
        assertThat(rejected.outcome()).isEqualTo("REJECTED");

        var outcomes = AtOnce.run(4, () -> insurance.resubmit(rejected.id()));

        assertThat(outcomes).filteredOn(o -> o.thrown() == null).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o.thrown() != null)
                .allMatch(o -> o.thrown() instanceof sa.tenhal.platform.ConflictException);
        assertThat(jdbc.sql("select count(*) from nphies_message where resubmission_of = :c")
                        .param("c", rejected.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aClaimThatFailsValidationNeverLeavesAndFinanceSeesWhy() {
        // no diagnosis coded: NPHIES requires one
        InvoiceView insurer = nphies.completedVisit(nphies.insured(1), List.of(), 1);

        NphiesRecord claim = claimOf(insurer);

        assertThat(claim.state()).isEqualTo("INVALID");
        assertThat(claim.problems()).anyMatch(p -> p.contains("Claim.diagnosis needs at least one coded diagnosis"));
        assertThat(simulator.received()).noneMatch(r -> claim.id().toString().equals(r.messageId()));
        assertThat(claim.resubmittable()).isTrue();
    }

    // ---- transport failures

    @Test
    void anOutageIsRetriedAsTheSameMessage() {
        AppointmentDetails a = nphies.book(nphies.insured(1), fixture.session);
        simulator.down(true);

        NphiesRecord during = insurance.checkEligibility(a.id());
        assertThat(during.state()).isEqualTo("RETRYING");
        assertThat(insurance.send(during.id()).state()).isEqualTo(Exchanges.State.RETRYING);

        simulator.down(false);
        // the retry job (or the submit-nphies-eligibility sweep) sends it again
        NphiesRecord after = insurance.find(insurance.send(during.id()).id()).orElseThrow();

        assertThat(after.id()).isEqualTo(during.id());
        assertThat(after.outcome()).isEqualTo("ELIGIBLE");
        assertThat(insurance.ofAppointment(a.id().value())).hasSize(1);
        assertThat(simulator.received())
                .filteredOn(r -> during.id().toString().equals(r.messageId()))
                .hasSize(1);
    }

    @Test
    void aLostAnswerOrAMalformedOneIsRetriedAsTheSameMessageAndProcessedOnce() {
        AppointmentDetails a = nphies.book(nphies.insured(1), fixture.session);
        simulator.timeoutNext(1);

        NphiesRecord first = insurance.checkEligibility(a.id());
        assertThat(first.state()).isEqualTo("RETRYING");
        simulator.malformedNext(1);
        assertThat(insurance.send(first.id()).state()).isEqualTo(Exchanges.State.RETRYING);

        NphiesRecord done = insurance.find(insurance.send(first.id()).id()).orElseThrow();

        assertThat(done.outcome()).isEqualTo("ELIGIBLE");
        // three attempts, one message id: the simulator saw the same message three times and answered it once
        assertThat(simulator.received())
                .filteredOn(r -> first.id().toString().equals(r.messageId()))
                .hasSize(3);
        assertThat(insurance.ofAppointment(a.id().value())).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedBySweep() {
        AppointmentDetails a = nphies.book(nphies.insured(1), fixture.session);
        simulator.failNext(1, 500);

        NphiesRecord first = insurance.checkEligibility(a.id());
        assertThat(first.state()).isEqualTo("RETRYING");

        // due once its backoff has passed
        clock.set(Instant.now().plus(Duration.ofMinutes(5)));
        try {
            insurance.sweep("ELIGIBILITY");
        } finally {
            clock.reset();
        }
        assertThat(insurance.find(first.id()).orElseThrow().outcome()).isEqualTo("ELIGIBLE");
    }
}
