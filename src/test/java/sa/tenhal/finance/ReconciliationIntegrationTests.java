package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ProblemException;

/**
 * Generated operations on real PostgreSQL (seeded, so a failure reproduces): invoices for citizens, residents and
 * insured patients with discounts, payments allocated oldest first or as asked (including refused ones), refunds,
 * credit notes and credit applied. Afterwards every stored figure reconciles: each invoice's paid amount is what its
 * allocations still hold and never exceeds its total, each payment splits into allocated, refunded and credit, each
 * invoice's credited amount is its credit notes, and each account's balance is invoices − credit notes − payments +
 * refunds = owed − credit.
 */
@TenhalIntegrationTest
class ReconciliationIntegrationTests {

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Invoicing invoicing;

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient jdbc;

    static BigDecimal money(Random random, BigDecimal max) {
        long halalas = max.movePointRight(2).longValue();
        return BigDecimal.valueOf(1 + (halalas <= 1 ? 0 : random.nextLong(halalas)), 2);
    }

    @Test
    void generatedInvoicesPaymentsAndRefundsAlwaysReconcile() {
        FinanceFixtures f = new FinanceFixtures(catalog, patients);
        Random random = new Random(7);
        List<PatientDetails> people = List.of(f.citizen(), f.resident(), f.insuredCitizen(), f.resident());
        List<InvoiceView> issued = new ArrayList<>();
        List<PaymentView> received = new ArrayList<>();
        int refused = 0;
        for (int step = 0; step < 160; step++) {
            PatientDetails patient = people.get(random.nextInt(people.size()));
            int action = random.nextInt(10);
            try {
                if (action < 4) {
                    var lines = new ArrayList<InvoiceRequests.ServiceLine>();
                    for (int l = 0; l <= random.nextInt(3); l++) {
                        lines.add(new InvoiceRequests.ServiceLine(
                                List.of(f.speech, f.assessment, f.brace)
                                        .get(random.nextInt(3))
                                        .id()
                                        .value(),
                                1 + random.nextInt(3)));
                    }
                    for (InvoiceView draft : invoicing.create(new InvoiceRequests.NewInvoice(
                            patient.id().value(), f.clinic.id().value(), null, null, lines))) {
                        if (random.nextBoolean()) {
                            invoicing.discount(
                                    draft.id(),
                                    new InvoiceRequests.Discount(
                                            random.nextBoolean() ? 1 : null,
                                            BigDecimal.valueOf(1 + random.nextInt(1000), 2),
                                            null,
                                            "generated"),
                                    List.of("ROLE_RECEPTIONIST"));
                        }
                        issued.add(invoicing.issue(draft.id()));
                    }
                } else if (action < 7) {
                    boolean asked = random.nextBoolean() && !issued.isEmpty();
                    InvoiceView target = asked ? issued.get(random.nextInt(issued.size())) : null;
                    BigDecimal amount = money(random, new BigDecimal("900.00"));
                    received.add(payments.receive(
                            new PaymentRequests.NewPayment(
                                    patient.id().value(),
                                    null,
                                    PaymentMethod.values()[random.nextInt(4)],
                                    amount,
                                    null,
                                    null,
                                    asked
                                            ? List.of(new PaymentRequests.Allocate(
                                                    target.id().value(), money(random, amount)))
                                            : null),
                            null));
                } else if (action < 8 && !received.isEmpty()) {
                    PaymentView payment = payments.find(
                            received.get(random.nextInt(received.size())).id());
                    UUID invoice = payment.allocations().isEmpty() || random.nextInt(4) == 0
                            ? null
                            : payment.allocations().get(0).invoice().value();
                    payments.refund(
                            payment.id(),
                            new PaymentRequests.NewRefund(
                                    invoice, money(random, new BigDecimal("300.00")), "generated"),
                            null);
                } else if (action < 9 && !issued.isEmpty()) {
                    InvoiceView invoice = invoicing.find(
                            issued.get(random.nextInt(issued.size())).id());
                    invoicing.creditNote(
                            invoice.id(), new InvoiceRequests.CreditNote(money(random, invoice.total()), "generated"));
                } else {
                    payments.applyCredit(patient.id());
                }
            } catch (ProblemException expected) {
                refused++; // above what is open, paid or allowed, another patient's invoice: refused, nothing changed
            }
        }
        assertThat(issued).hasSizeGreaterThan(30);
        assertThat(refused).isPositive();

        String centre = f.centre;
        // every invoice: paid = what its allocations still hold; credited = its credit notes; never over-settled
        assertThat(jdbc.sql("""
                        select i.number from invoice i
                        where i.centre_code = :centre and i.kind <> 'CREDIT_NOTE' and (
                          i.paid <> coalesce((select sum(a.amount - a.refunded) from payment_allocation a
                                              where a.invoice_id = i.id), 0)
                          or i.credited <> coalesce((select sum(n.total) from invoice n
                                                     where n.original_invoice_id = i.id and n.kind = 'CREDIT_NOTE'), 0)
                          or i.paid + i.credited > i.total
                          or i.total <> i.line_extension - i.discount_total + i.vat_total
                          or i.total <> (select sum(l.net + l.vat) from invoice_line l where l.invoice_id = i.id))""").param("centre", centre).query(String.class).list())
                .isEmpty();
        for (PatientDetails patient : people) {
            // every payment: amount = allocated + refunded + credit, and the rows agree with the totals
            assertThat(jdbc.sql("""
                            select p.id from payment p where p.patient_id = :patient and (
                              p.allocated <> coalesce((select sum(a.amount - a.refunded) from payment_allocation a
                                                       where a.payment_id = p.id), 0)
                              or p.refunded <> coalesce((select sum(r.amount) from refund r where r.payment_id = p.id), 0)
                              or p.allocated + p.refunded > p.amount)""")
                            .param("patient", patient.id().value())
                            .query(UUID.class)
                            .list())
                    .isEmpty();
            AccountView account = payments.account(patient.id());
            assertThat(account.balance())
                    .isEqualByComparingTo(account.invoiced()
                            .subtract(account.credited())
                            .subtract(account.paid())
                            .add(account.refunded()));
            assertThat(account.balance()).isEqualByComparingTo(account.owed().subtract(account.credit()));
            assertThat(account.credit().signum()).isNotNegative();
            assertThat(account.owed().signum()).isNotNegative();
        }
    }
}
