package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;

/** What finance tells other modules: ids, kinds and times, never patient data. */
@TenhalIntegrationTest
@RecordApplicationEvents
class FinanceEventsIntegrationTests {

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Invoicing invoicing;

    @Autowired
    Payments payments;

    @Autowired
    ApplicationEvents events;

    @Test
    void issuingAndPayingPublishIdsOnly() {
        FinanceFixtures f = new FinanceFixtures(catalog, patients);
        PatientDetails patient = f.resident();
        Instant start = Instant.now().minusSeconds(3600);
        InvoiceView draft = invoicing
                .generateFor(new CompletedVisit(
                        UUID.randomUUID(), patient.id(), f.clinic.id(), null, f.speech.id(), start, start))
                .get(0);
        InvoiceView issued = invoicing.issue(draft.id());
        PaymentView payment = payments.receive(
                new PaymentRequests.NewPayment(
                        patient.id().value(), null, PaymentMethod.CASH, new BigDecimal("402.50"), null, null, null),
                null);

        assertThat(events.stream(InvoiceIssued.class)).anySatisfy(e -> {
            assertThat(e.invoice()).isEqualTo(issued.id());
            assertThat(e.kind()).isEqualTo(DocumentKind.INVOICE);
            assertThat(e.payer()).isEqualTo(Payer.PATIENT);
        });
        assertThat(events.stream(PaymentReceived.class))
                .anySatisfy(e -> assertThat(e.payment()).isEqualTo(payment.id()));
        for (Class<?> type :
                List.of(InvoiceIssued.class, PaymentReceived.class, InvoiceOverdue.class, FinancialReportDue.class)) {
            assertThat(Arrays.stream(type.getRecordComponents()).map(c -> c.getType()))
                    .as(type.getSimpleName())
                    .allSatisfy(component -> assertThat(component)
                            .isIn(
                                    InvoiceId.class,
                                    PaymentId.class,
                                    DocumentKind.class,
                                    Payer.class,
                                    Instant.class,
                                    int.class,
                                    java.time.LocalDate.class,
                                    FinancialReportDue.Period.class));
        }
    }
}
