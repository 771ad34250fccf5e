package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ConflictException;

@TenhalIntegrationTest
class InvoicingIntegrationTests {

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Invoicing invoicing;

    @Autowired
    Payments payments;

    @Autowired
    Packages packages;

    @Autowired
    JdbcClient jdbc;

    FinanceFixtures f;

    @BeforeEach
    void centre() {
        f = new FinanceFixtures(catalog, patients);
    }

    @Test
    void aCitizensVisitIsZeroRatedWithTheirNationalIdAndNameAndBilledExactlyOnce() throws Exception {
        PatientDetails citizen = f.citizen();
        CompletedVisit visit = f.visit(citizen, f.speech);
        // the completion event may arrive several times, even at once on two nodes
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<InvoiceView>>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> invoicing.generateFor(visit)));
        }
        for (Future<List<InvoiceView>> result : results) {
            assertThat(result.get()).hasSize(1);
        }
        pool.shutdown();
        assertThat(jdbc.sql("select count(*) from invoice where appointment_id = ?")
                        .param(visit.appointmentId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        InvoiceView invoice = invoicing.generateFor(visit).get(0);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoice.buyerNationalId())
                .isEqualTo(citizen.identityDocument().number());
        assertThat(invoice.buyerName()).isEqualTo("سارة العتيبي");
        assertThat(invoice.lines().get(0).vatCategory()).isEqualTo("Z");
        assertThat(invoice.lines().get(0).exemptionCode()).isEqualTo("VATEX-SA-HEA");
        assertThat(invoice.vatTotal()).isEqualByComparingTo("0.00");
        assertThat(invoice.total()).isEqualByComparingTo("350.00");
    }

    @Test
    void aResidentPaysFifteenPercent() {
        InvoiceView invoice =
                invoicing.generateFor(f.visit(f.resident(), f.speech)).get(0);
        assertThat(invoice.lines().get(0).vatCategory()).isEqualTo("S");
        assertThat(invoice.buyerNationalId()).isNull();
        assertThat(invoice.vatTotal()).isEqualByComparingTo("52.50");
        assertThat(invoice.total()).isEqualByComparingTo("402.50");
    }

    @Test
    void anInsuredCitizensShareIsZeroRatedAndTheInsurersShareCarriesVat() {
        List<InvoiceView> invoices = invoicing.generateFor(f.visit(f.insuredCitizen(), f.speech));
        assertThat(invoices).hasSize(2);
        InvoiceView own = invoices.stream()
                .filter(i -> i.payer() == Payer.PATIENT)
                .findFirst()
                .orElseThrow();
        InvoiceView insurer = invoices.stream()
                .filter(i -> i.payer() == Payer.INSURER)
                .findFirst()
                .orElseThrow();
        assertThat(own.total()).isEqualByComparingTo("70.00");
        assertThat(own.lines().get(0).exemptionCode()).isEqualTo("VATEX-SA-HEA");
        assertThat(insurer.taxableAmount()).isEqualByComparingTo("280.00");
        assertThat(insurer.vatTotal()).isEqualByComparingTo("42.00");
        assertThat(insurer.total()).isEqualByComparingTo("322.00");
        assertThat(insurer.insurerName()).isEqualTo("Bupa Arabia");
        assertThat(insurer.buyerNationalId()).isNull();
    }

    @Test
    void concurrentIssuingNumbersTheCentresInvoicesWithoutGaps() throws Exception {
        PatientDetails patient = f.resident();
        List<InvoiceId> drafts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            drafts.add(invoicing.generateFor(f.visit(patient, f.speech)).get(0).id());
        }
        // an issue that fails after taking a number gives it back
        InvoiceId empty = drafts.remove(0);
        jdbc.sql("delete from invoice_line where invoice_id = ?")
                .param(empty.value())
                .update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> invoicing.issue(empty))
                .isInstanceOf(ConflictException.class);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<InvoiceView>> tasks = new ArrayList<>();
        drafts.forEach(id -> tasks.add(() -> invoicing.issue(id)));
        List<String> numbers = new ArrayList<>();
        for (Future<InvoiceView> issued : pool.invokeAll(tasks)) {
            numbers.add(issued.get().number());
        }
        pool.shutdown();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 39; i++) {
            expected.add("INV-%s-%06d".formatted(f.centre, i));
        }
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void paymentsRacingForOneInvoiceNeverOverAllocateIt() throws Exception {
        PatientDetails patient = f.resident();
        InvoiceView invoice = invoicing.issue(
                invoicing.generateFor(f.visit(patient, f.speech)).get(0).id());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> explicit = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            explicit.add(() -> {
                try {
                    payments.receive(
                            new PaymentRequests.NewPayment(
                                    patient.id().value(),
                                    null,
                                    PaymentMethod.CASH,
                                    new BigDecimal("300.00"),
                                    null,
                                    null,
                                    List.of(new PaymentRequests.Allocate(
                                            invoice.id().value(), new BigDecimal("300.00")))),
                            null);
                    return true;
                } catch (sa.tenhal.platform.InvalidFieldsException refused) {
                    return false;
                }
            });
        }
        long succeeded = 0;
        for (Future<Boolean> f : pool.invokeAll(explicit)) {
            succeeded += f.get() ? 1 : 0;
        }
        assertThat(succeeded).isEqualTo(1);
        InvoiceView after = invoicing.find(invoice.id());
        assertThat(after.paid()).isEqualByComparingTo("300.00");
        assertThat(after.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);

        // oldest-first payments racing: the invoice takes exactly what it lacks, the rest is credit
        List<Callable<PaymentView>> open = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            open.add(() -> payments.receive(
                    new PaymentRequests.NewPayment(
                                    patient.id().value(),
                                    null,
                                    PaymentMethod.MADA,
                                    new BigDecimal("50.00"),
                                    "POS-" + UUID.randomUUID(),
                                    null,
                                    null)
                            .acceptingCredit(),
                    null));
        }
        for (Future<PaymentView> f : pool.invokeAll(open)) {
            f.get();
        }
        pool.shutdown();
        InvoiceView paid = invoicing.find(invoice.id());
        assertThat(paid.paid()).isEqualByComparingTo("402.50");
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        AccountView account = payments.account(patient.id());
        assertThat(account.credit()).isEqualByComparingTo("297.50"); // 300 + 8 × 50 − 402.50
        assertThat(account.balance()).isEqualByComparingTo("-297.50");
        assertThat(account.balance()).isEqualByComparingTo(account.owed().subtract(account.credit()));
    }

    @Test
    void aPackageCoveringTheServicePaysForTheVisitOnceAndRefundsUnusedSessionsProRata() {
        PatientDetails patient = f.resident();
        PackageDefinitionView definition = packages.define(new PackageRequests.Definition(
                f.centre,
                "SLP10",
                "Ten speech sessions",
                "عشر جلسات نطق",
                10,
                new BigDecimal("3000.00"),
                90,
                java.util.Set.of(f.speech.id().value())));
        PatientPackageView bought = packages.purchase(new PackageRequests.Purchase(
                patient.id().value(), definition.id().value()));
        assertThat(bought.status()).isEqualTo(PackageStatus.PENDING_PAYMENT);
        InvoiceView packageInvoice = invoicing.find(bought.invoice());
        assertThat(packageInvoice.total()).isEqualByComparingTo("3450.00");
        // not yet paid: the visit is invoiced
        assertThat(invoicing.generateFor(f.visit(patient, f.speech))).hasSize(1);

        payments.receive(
                new PaymentRequests.NewPayment(
                        patient.id().value(),
                        null,
                        PaymentMethod.CARD,
                        new BigDecimal("3450.00"),
                        null,
                        null,
                        List.of(new PaymentRequests.Allocate(packageInvoice.id().value(), new BigDecimal("3450.00")))),
                null);
        assertThat(packages.find(bought.id()).status()).isEqualTo(PackageStatus.ACTIVE);

        CompletedVisit covered = f.visit(patient, f.speech);
        assertThat(invoicing.generateFor(covered)).isEmpty();
        assertThat(invoicing.generateFor(covered)).isEmpty();
        assertThat(packages.find(bought.id()).used()).isEqualTo(1);
        // a service the package does not cover is invoiced
        assertThat(invoicing.generateFor(f.visit(patient, f.assessment))).hasSize(1);

        RefundView refund = packages.refund(bought.id(), "moving away", null);
        assertThat(refund.amount()).isEqualByComparingTo("3105.00"); // 3450 × 9 / 10
        InvoiceView note = invoicing.find(refund.creditNote());
        assertThat(note.kind()).isEqualTo(DocumentKind.CREDIT_NOTE);
        assertThat(note.total()).isEqualByComparingTo("3105.00");
        assertThat(note.originalInvoiceId()).isEqualTo(packageInvoice.id());
        assertThat(packages.find(bought.id()).status()).isEqualTo(PackageStatus.REFUNDED);
        AccountView account = payments.account(patient.id());
        assertThat(account.balance()).isEqualByComparingTo(account.owed().subtract(account.credit()));
    }
}
