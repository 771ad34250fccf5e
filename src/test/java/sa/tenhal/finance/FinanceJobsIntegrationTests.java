package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.MutableClock;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;

/** The finance jobs (their bodies called directly: tests do not run the scheduler), imports and the summary. */
@TenhalIntegrationTest
class FinanceJobsIntegrationTests {

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
    FinancialReports reports;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    FinanceFixtures f;

    @BeforeEach
    void centre() {
        f = new FinanceFixtures(catalog, patients);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    InvoiceView issued(PatientDetails patient) {
        Instant start = clock.instant().minusSeconds(7200);
        return invoicing.issue(invoicing
                .generateFor(new CompletedVisit(
                        UUID.randomUUID(), patient.id(), f.clinic.id(), null, f.speech.id(), start, start))
                .get(0)
                .id());
    }

    long messages(UUID recipient, String kind) {
        return jdbc.sql("select count(*) from notification_message where recipient_id = ? and kind = ?")
                .params(recipient, kind)
                .query(Long.class)
                .single();
    }

    @Test
    void unpaidInvoicesPastDueBecomeOverdueWithRemindersOnTheEscalationSchedule() {
        PatientDetails patient = f.resident();
        InvoiceView invoice = issued(patient);
        clock.set(clock.instant().plus(Duration.ofDays(15)));
        invoicing.markOverdue();
        invoicing.markOverdue(); // twice on one day: one reminder
        assertThat(invoicing.find(invoice.id()).status()).isEqualTo(InvoiceStatus.OVERDUE);
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(messages(patient.id().value(), "invoice-overdue"))
                        .isEqualTo(1)); // by email: the only channel this patient agreed to
        clock.set(clock.instant().plus(Duration.ofDays(6)));
        invoicing.markOverdue();
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(messages(patient.id().value(), "invoice-overdue"))
                        .isEqualTo(2));
        // a partial payment keeps it overdue; paying the rest settles it
        payments.receive(
                new PaymentRequests.NewPayment(
                        patient.id().value(), null, PaymentMethod.CASH, new BigDecimal("100.00"), null, null, null),
                null);
        assertThat(invoicing.find(invoice.id()).status()).isEqualTo(InvoiceStatus.OVERDUE);
        payments.receive(
                new PaymentRequests.NewPayment(
                        patient.id().value(), null, PaymentMethod.CASH, new BigDecimal("302.50"), null, null, null),
                null);
        assertThat(invoicing.find(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void packagesExpireWhenTheirValidityEnds() {
        PatientDetails patient = f.citizen();
        PackageDefinitionView definition = packages.define(new PackageRequests.Definition(
                f.centre,
                "SLP4",
                "Four sessions",
                "أربع جلسات",
                4,
                new BigDecimal("1200.00"),
                30,
                Set.of(f.speech.id().value())));
        PatientPackageView bought = packages.purchase(new PackageRequests.Purchase(
                patient.id().value(), definition.id().value()));
        // a citizen's package of healthcare services is zero-rated too
        assertThat(invoicing.find(bought.invoice()).total()).isEqualByComparingTo("1200.00");
        payments.receive(
                new PaymentRequests.NewPayment(
                        patient.id().value(), null, PaymentMethod.CARD, new BigDecimal("1200.00"), null, null, null),
                null);
        assertThat(packages.find(bought.id()).status()).isEqualTo(PackageStatus.ACTIVE);
        packages.expire();
        assertThat(packages.find(bought.id()).status()).isEqualTo(PackageStatus.ACTIVE);
        clock.set(clock.instant().plus(Duration.ofDays(31)));
        packages.expire();
        assertThat(packages.find(bought.id()).status()).isEqualTo(PackageStatus.EXPIRED);
        // an expired package pays for nothing
        assertThat(invoicing.generateFor(new CompletedVisit(
                        UUID.randomUUID(),
                        patient.id(),
                        f.clinic.id(),
                        null,
                        f.speech.id(),
                        clock.instant(),
                        clock.instant())))
                .hasSize(1);
    }

    @Test
    void theWeeklyReportIsEmailedToFinanceAndManagersAsPdfAndCsv() {
        StaffFixtures.Caller finance = staff.as(Role.FINANCE);
        StaffFixtures.Caller provider = staff.as(Role.PROVIDER);
        FinancialReportDue due = reports.announceWeekly();
        assertThat(due.to()).isEqualTo(due.from().plusDays(6));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(jdbc.sql("""
                                select a.filename from notification_message m
                                join notification_attachment a on a.message_id = m.id
                                where m.recipient_id = ? and m.kind = 'financial-report' order by a.filename""")
                        .param(finance.id().value())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "financial-report-weekly-" + due.from() + ".csv",
                        "financial-report-weekly-" + due.from() + ".pdf"));
        assertThat(messages(provider.id().value(), "financial-report")).isZero();
    }

    @Test
    void aBankCsvIsMatchedByInvoiceNumberAndWhatDoesNotMatchIsReported() {
        PatientDetails patient = f.resident();
        InvoiceView invoice = issued(patient);
        String tx = "TX" + System.nanoTime();
        String csv = "transaction,date,amount,reference\n"
                + tx + "-1,2026-11-20,402.50," + invoice.number() + "\n"
                + tx + "-2,2026-11-20,100.00,INV-NOPE-000001\n"
                + tx + "-3,2026-11-20,12.345," + invoice.number() + "\n"
                + tx + "-4,2026-11-20,50.00," + invoice.number() + "\n";
        StaffFixtures.Caller finance = staff.as(Role.FINANCE);
        MvcTestResult first = mvc.post()
                .uri("/api/v1/payments/imports?method=BANK_TRANSFER")
                .header(HttpHeaders.AUTHORIZATION, finance.bearer())
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(csv)
                .exchange();
        assertThat(first).hasStatusOk();
        assertThat(Bodies.<Integer>read(first, "$.imported")).isEqualTo(1);
        assertThat(Bodies.<List<String>>read(first, "$.unmatched[*].reason"))
                .containsExactly(
                        "no invoice has this number",
                        "amount is not a positive SAR amount with at most two decimals",
                        "invoice " + invoice.number() + " is PAID, not open");
        assertThat(invoicing.find(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        // the same file again records nothing twice
        MvcTestResult again = mvc.post()
                .uri("/api/v1/payments/imports?method=BANK_TRANSFER")
                .header(HttpHeaders.AUTHORIZATION, finance.bearer())
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(csv)
                .exchange();
        assertThat(Bodies.<Integer>read(again, "$.imported")).isZero();
        assertThat(payments.account(patient.id()).paid()).isEqualByComparingTo("402.50");
    }

    @Test
    void thePatientSummaryShowsBalanceOpenInvoicesAndPackagesToThoseWhoHandleMoney() {
        PatientDetails patient = f.resident();
        InvoiceView invoice = issued(patient);
        StaffFixtures.Caller reception = staff.as(Role.RECEPTIONIST);
        StaffFixtures.Caller provider = staff.as(Role.PROVIDER);
        MvcTestResult summary = mvc.get()
                .uri("/api/v1/patients/{id}/summary", patient.id())
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        assertThat(summary)
                .bodyJson()
                .extractingPath("$.finance.account.balance")
                .isEqualTo(402.5);
        assertThat(summary)
                .bodyJson()
                .extractingPath("$.finance.openInvoices[0].number")
                .isEqualTo(invoice.number());
        MvcTestResult hidden = mvc.get()
                .uri("/api/v1/patients/{id}/summary", patient.id())
                .header(HttpHeaders.AUTHORIZATION, provider.bearer())
                .exchange();
        assertThat(Bodies.text(hidden)).doesNotContain("\"finance\"");

        var cookie = Pages.signIn(mvc, reception);
        MvcTestResult page = mvc.get()
                .uri("/patients/{id}?lang=ar", patient.id())
                .cookie(cookie)
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(Bodies.text(page)).contains("الفواتير المفتوحة", invoice.number(), "402.50");

        StaffFixtures.Caller finance = staff.as(Role.FINANCE);
        MvcTestResult report = mvc.get()
                .uri("/api/v1/reports/financial?from=2026-01-01&to=2026-12-31&format=csv")
                .header(HttpHeaders.AUTHORIZATION, finance.bearer())
                .exchange();
        assertThat(report).hasStatusOk();
        assertThat(Bodies.text(report)).startsWith("section,key,name,count,amount,vat");
        assertThat(mvc.get()
                        .uri("/api/v1/invoices/{id}/pdf?lang=en", invoice.id())
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .exchange())
                .hasStatusOk()
                .hasContentType(MediaType.APPLICATION_PDF);
    }

    @Test
    void anInsurersRemittancePaysItsShareAndNotThePatients() {
        PatientDetails patient = f.insuredCitizen();
        Instant start = clock.instant().minusSeconds(7200);
        List<InvoiceView> both = invoicing.generateFor(
                new CompletedVisit(UUID.randomUUID(), patient.id(), f.clinic.id(), null, f.speech.id(), start, start));
        InvoiceView own = invoicing.issue(both.stream()
                .filter(i -> i.payer() == Payer.PATIENT)
                .findFirst()
                .orElseThrow()
                .id());
        InvoiceView insurer = invoicing.issue(both.stream()
                .filter(i -> i.payer() == Payer.INSURER)
                .findFirst()
                .orElseThrow()
                .id());
        assertThat(insurer.dueDate()).isEqualTo(insurer.issueDate().plusDays(30));
        String tx = "NPHIES" + System.nanoTime();
        String csv = "transaction,date,amount,reference\n"
                + tx + "-1,2026-11-20,322.00," + insurer.number() + "\n"
                + tx + "-2,2026-11-20,70.00," + own.number() + "\n";
        MvcTestResult result = mvc.post()
                .uri("/api/v1/payments/imports?method=INSURANCE_REMITTANCE")
                .header(HttpHeaders.AUTHORIZATION, staff.as(Role.FINANCE).bearer())
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(csv)
                .exchange();
        assertThat(Bodies.<Integer>read(result, "$.imported")).isEqualTo(1);
        assertThat(Bodies.<List<String>>read(result, "$.unmatched[*].reason"))
                .containsExactly("invoice " + own.number() + " is billed to the patient, not an insurer");
        assertThat(invoicing.find(insurer.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoicing.find(own.id()).status()).isEqualTo(InvoiceStatus.ISSUED);
        // the insurer's share is not the patient's debt
        assertThat(payments.account(patient.id()).owed()).isEqualByComparingTo("70.00");
    }
}
