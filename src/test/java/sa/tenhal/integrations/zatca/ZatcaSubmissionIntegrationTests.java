package sa.tenhal.integrations.zatca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.tenhal.MutableClock;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.finance.FinanceDocuments;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Invoicing;
import sa.tenhal.finance.IssuedDocuments;
import sa.tenhal.finance.Payer;
import sa.tenhal.finance.Payments;
import sa.tenhal.integrations.outbound.Submissions;
import sa.tenhal.integrations.outbound.Submissions.State;
import sa.tenhal.patients.PatientRegistry;

/** Issue → sealed → reported or cleared, against the in-process ZATCA simulator, with every kind of answer. */
@TenhalIntegrationTest
class ZatcaSubmissionIntegrationTests {

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Invoicing invoicing;

    @Autowired
    Payments payments;

    @Autowired
    FinanceDocuments financeDocuments;

    @Autowired
    ZatcaSimulator simulator;

    @Autowired
    Submissions submissions;

    @Autowired
    SealedDocuments sealed;

    @Autowired
    ZatcaSubmitting submitting;

    @Autowired
    MutableClock clock;

    @Autowired
    Onboarding onboarding;

    @Autowired
    sa.tenhal.StaffFixtures staff;

    @Autowired
    sa.tenhal.platform.jobs.Jobs jobs;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    IssuedDocuments issued;

    @BeforeEach
    void setUp() {
        simulator.reset();
        issued = new IssuedDocuments(catalog, patients, invoicing, payments);
        // the centre's unit is onboarded (through the simulator) before a test makes the simulator misbehave
        onboarding.onboardOnSimulator(issued.centre());
    }

    @AfterEach
    void tearDown() {
        simulator.reset();
        clock.reset();
    }

    State stateOf(InvoiceView document) {
        return submissions
                .find(ZatcaSeal.PARTNER, document.id().value())
                .map(Submissions.Submission::state)
                .orElse(null);
    }

    State settled(InvoiceView document) {
        await().until(() -> {
            State state = stateOf(document);
            return state != null && state != State.PENDING;
        });
        return stateOf(document);
    }

    @Test
    void aPatientsInvoiceIsSealedAndReportedAtOnce() {
        InvoiceView invoice = issued.resident();

        assertThat(settled(invoice)).isEqualTo(State.ACCEPTED);
        SealedDocuments.Sealed document = sealed.find(invoice.id().value()).orElseThrow();
        assertThat(document.icv()).isEqualTo(1);
        assertThat(document.pih()).isEqualTo(Ubl.FIRST_PIH);
        assertThat(document.standard()).isFalse();
        Inspection inspection = Inspector.inspect(document.xml());
        assertThat(inspection.problems()).isEmpty();
        assertThat(inspection.number()).isEqualTo(invoice.number());
        assertThat(inspection.transactionCode()).isEqualTo("0200000");
        assertThat(simulator.received())
                .filteredOn(r -> r.uuid().equals(invoice.id().value().toString()))
                .extracting(ZatcaSimulator.Received::operation, ZatcaSimulator.Received::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reporting", 200));
        // the PDF shows the phase-2 code (tags 1–9)
        assertThat(financeDocuments.qrCode(invoice)).isEqualTo(document.qr());
        assertThat(Qr.decode(financeDocuments.qrCode(invoice))).containsKeys(1, 2, 3, 4, 5, 6, 7, 8, 9);

        // the next document of the centre continues the chain
        InvoiceView next = issued.citizen();
        SealedDocuments.Sealed second = sealed.find(next.id().value()).orElseThrow();
        assertThat(second.icv()).isEqualTo(2);
        assertThat(second.pih()).isEqualTo(document.hash());
        assertThat(settled(next)).isEqualTo(State.ACCEPTED);
    }

    @Test
    void anInsurersInvoiceIsClearedAndTheClearedDocumentIsKeptWithItsQr() {
        List<InvoiceView> visit = issued.insured();
        InvoiceView insurer = visit.stream()
                .filter(i -> i.payer() == Payer.INSURER)
                .findFirst()
                .orElseThrow();

        State state = settled(insurer);
        // the insurer's national address is not configured (tenhal.zatca.buyers): cleared, with ZATCA's warning kept
        assertThat(state).isEqualTo(State.ACCEPTED_WITH_WARNINGS);
        assertThat(submissions
                        .find(ZatcaSeal.PARTNER, insurer.id().value())
                        .orElseThrow()
                        .messages())
                .contains("BR-KSA-63");
        SealedDocuments.Sealed document = sealed.find(insurer.id().value()).orElseThrow();
        assertThat(document.standard()).isTrue();
        assertThat(document.clearedXml()).isNotNull();
        assertThat(document.clearedQr()).isNotEqualTo(document.qr());
        assertThat(Inspector.inspect(document.clearedXml()).computedHash()).isEqualTo(document.hash());
        assertThat(financeDocuments.qrCode(insurer)).isEqualTo(document.clearedQr());
        assertThat(financeDocuments.invoicePdf(insurer.id(), sa.tenhal.shared.Language.EN))
                .isNotEmpty();
        assertThat(simulator.received())
                .filteredOn(r -> r.uuid().equals(insurer.id().value().toString()))
                .extracting(ZatcaSimulator.Received::operation)
                .containsExactly("clearance");
    }

    @Test
    void aRejectionIsKeptWithZatcasRuleIdsAndMessages() {
        simulator.rejectNext("BR-KSA-25", "the buyer's name is missing");
        InvoiceView invoice = issued.resident();

        assertThat(settled(invoice)).isEqualTo(State.REJECTED);
        Submissions.Submission submission =
                submissions.find(ZatcaSeal.PARTNER, invoice.id().value()).orElseThrow();
        assertThat(submission.lastStatus()).isEqualTo(400);
        assertThat(submission.messages()).contains("BR-KSA-25", "the buyer's name is missing");
        // rejected is final: the sweep does not send it again (the remedy is a credit note)
        submitting.sweep();
        assertThat(stateOf(invoice)).isEqualTo(State.REJECTED);
    }

    @Test
    void anOutageOfSeveralMinutesIsRetriedAndTheDocumentAcceptedOnceAsItself() {
        simulator.down(true);
        InvoiceView invoice = issued.resident();
        assertThat(settled(invoice)).isEqualTo(State.RETRYING);
        SealedDocuments.Sealed document = sealed.find(invoice.id().value()).orElseThrow();
        // the next attempt is a one-time job a minute later (on whichever node runs jobs)
        assertThat(jobs.scheduledAt(ZatcaSubmitting.RETRY, invoice.id().value().toString()))
                .isPresent();

        // still down a minute later: tried again, still waiting
        clock.advance(Duration.ofMinutes(1));
        submitting.sweep();
        assertThat(stateOf(invoice)).isEqualTo(State.RETRYING);

        simulator.down(false);
        clock.advance(Duration.ofMinutes(5));
        submitting.sweep();

        assertThat(stateOf(invoice)).isEqualTo(State.ACCEPTED);
        Submissions.Submission submission =
                submissions.find(ZatcaSeal.PARTNER, invoice.id().value()).orElseThrow();
        assertThat(submission.attempts()).isEqualTo(3);
        List<ZatcaSimulator.Received> received = simulator.received().stream()
                .filter(r -> r.uuid().equals(invoice.id().value().toString()))
                .toList();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).icv()).isEqualTo(Long.toString(document.icv()));
        assertThat(received.get(0).hash()).isEqualTo(document.hash());
        assertThat(sealed.find(invoice.id().value()).orElseThrow().icv()).isEqualTo(document.icv());
    }

    @Test
    void anIssuedDocumentsEventDeliveredAgainDoesNotSendItAheadOfItsWait() {
        simulator.timeoutNext(1);
        InvoiceView invoice = issued.resident();
        assertThat(settled(invoice)).isEqualTo(State.RETRYING);
        Submissions.Submission first =
                submissions.find(ZatcaSeal.PARTNER, invoice.id().value()).orElseThrow();
        assertThat(first.attempts()).isEqualTo(1);

        // the event again, as when its publication is resubmitted: the document waits for its retry
        new ZatcaListener(submitting)
                .on(new sa.tenhal.finance.InvoiceIssued(
                        invoice.id(), sa.tenhal.finance.DocumentKind.INVOICE, Payer.PATIENT, clock.instant()));
        Submissions.Submission after =
                submissions.find(ZatcaSeal.PARTNER, invoice.id().value()).orElseThrow();
        assertThat(after.state()).isEqualTo(State.RETRYING);
        assertThat(after.attempts()).isEqualTo(1);

        // the retry job at its time sends it
        clock.advance(Duration.ofMinutes(2));
        assertThat(submitting.submit(invoice.id().value())).isEqualTo(State.ACCEPTED);
        assertThat(submissions
                        .find(ZatcaSeal.PARTNER, invoice.id().value())
                        .orElseThrow()
                        .attempts())
                .isEqualTo(2);
    }

    @Test
    void timeoutsAnd5xxAreRetriedAndALostAnswerCountsAsAccepted() {
        simulator.timeoutNext(1);
        InvoiceView invoice = issued.resident();
        assertThat(settled(invoice)).isEqualTo(State.RETRYING);
        simulator.failNext(1, 429);
        clock.advance(Duration.ofMinutes(2));
        submitting.submit(invoice.id().value());
        assertThat(stateOf(invoice)).isEqualTo(State.RETRYING);
        clock.advance(Duration.ofMinutes(5));
        submitting.submit(invoice.id().value());
        assertThat(stateOf(invoice)).isEqualTo(State.ACCEPTED);
    }

    @Test
    void a401IsAnAdminAlertAboutTheCsid() {
        var admin = staff.as(sa.tenhal.identity.Role.ADMIN);
        simulator.failNext(1, 401);
        InvoiceView invoice = issued.resident();
        assertThat(settled(invoice)).isEqualTo(State.UNAUTHORISED);
        // admins are alerted in-app (JobFailed, which notifications turns into a notice)
        await().until(() -> jdbc.sql("select count(*) from staff_notification where user_id = :admin and"
                                + " idempotency_key like :id")
                        .param("admin", admin.id().value())
                        .param("id", "%" + invoice.id().value() + "%")
                        .query(Long.class)
                        .single()
                > 0);
        clock.advance(Duration.ofMinutes(5));
        submitting.submit(invoice.id().value());
        assertThat(stateOf(invoice)).isEqualTo(State.ACCEPTED);
    }

    @Test
    void aCreditNoteIsSealedWithItsBillingReference() {
        InvoiceView invoice = issued.resident();
        InvoiceView note = issued.creditNote(invoice, "100.00");
        SealedDocuments.Sealed document = sealed.find(note.id().value()).orElseThrow();
        Inspection inspection = Inspector.inspect(document.xml());
        assertThat(inspection.typeCode()).isEqualTo("381");
        assertThat(inspection.problems()).isEmpty();
        assertThat(new String(document.xml(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<cbc:ID>" + invoice.number() + "</cbc:ID>", "<cbc:InstructionNote>corrected");
        assertThat(settled(note)).isEqualTo(State.ACCEPTED);
        assertThat(UUID.fromString(inspection.uuid())).isEqualTo(note.id().value());
    }

    /**
     * A ZATCA that does not answer holds ZATCA's own listener threads, not the ones every other durable listener
     * shares: while its calls wait, the rest of what issuing an invoice sets off is done, and the documents are
     * reported once ZATCA answers.
     */
    @Test
    void aZatcaThatDoesNotAnswerHoldsOnlyItsOwnThreads() {
        simulator.hold();
        // more documents than the shared pool has threads (the node's cores + 1): on that pool their calls took them
        // all
        int count = Runtime.getRuntime().availableProcessors() + 2;
        List<InvoiceView> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(issued.resident());
        }

        // two calls wait for ZATCA, on ZATCA's threads; the other documents wait their turn, stored
        await().until(() -> simulator.waitingThreads().size() == 2);
        assertThat(simulator.waitingThreads()).allMatch(thread -> thread.startsWith("zatca-listener-"));
        // everything else the documents set off is done meanwhile: the patients' e-mails, NPHIES's look (nothing to
        // claim from a patient), and the rest
        await().until(() -> othersOutstanding(documents) == 0);
        assertThat(zatcaOutstanding(documents)).isEqualTo(count);
        assertThat(simulator.waitingThreads()).hasSize(2);
        // the shared pool is still Spring Boot's application task executor: the partners' pools did not replace it
        assertThat(context.containsBean("applicationTaskExecutor")).isTrue();

        simulator.release();
        await().until(() -> zatcaOutstanding(documents) == 0);
        for (InvoiceView document : documents) {
            assertThat(submissions
                            .find(ZatcaSeal.PARTNER, document.id().value())
                            .map(Submissions.Submission::state))
                    .contains(State.ACCEPTED);
        }
        assertThat(simulator.received())
                .filteredOn(r -> documents.stream()
                        .anyMatch(d -> d.id().value().toString().equals(r.uuid())))
                .hasSize(count);
    }

    private long zatcaOutstanding(List<InvoiceView> documents) {
        return outstanding(documents, true);
    }

    private long othersOutstanding(List<InvoiceView> documents) {
        return outstanding(documents, false);
    }

    /** Publications of the documents' events not yet completed (completed ones are deleted), ZATCA's or the others. */
    private long outstanding(List<InvoiceView> documents, boolean zatca) {
        long n = 0;
        for (InvoiceView document : documents) {
            n += jdbc.sql("""
                            select count(*) from event_publication
                            where serialized_event like :id and (listener_id like :zatca) = :isZatca
                            """)
                    .param("id", "%" + document.id().value() + "%")
                    .param("zatca", ZatcaListener.class.getName() + "%")
                    .param("isZatca", zatca)
                    .query(Long.class)
                    .single();
        }
        return n;
    }
}
