package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;

/** The money pages (desk module) as finance and reception use them. */
@TenhalIntegrationTest
class FinancePagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

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

    FinanceFixtures f;

    @BeforeEach
    void centre() {
        f = new FinanceFixtures(catalog, patients);
    }

    @Test
    void financeIssuesTakesAPaymentPrintsTheReceiptAndRefunds() {
        PatientDetails resident = f.resident();
        InvoiceView draft = invoicing
                .create(new InvoiceRequests.NewInvoice(
                        resident.id().value(),
                        f.clinic.id().value(),
                        null,
                        false,
                        List.of(new InvoiceRequests.ServiceLine(f.speech.id().value(), 1))))
                .get(0);
        Cookie finance = Pages.signIn(mvc, staff.as(Role.FINANCE));

        MvcTestResult list = mvc.get()
                .uri("/finance?patient={p}", resident.id().value())
                .cookie(finance)
                .exchange();
        assertThat(list).hasStatusOk();
        assertThat(Bodies.text(list)).contains("(draft)", "402.50", "Draft");

        assertThat(post(finance, "/finance/invoices/" + draft.id().value() + "/issue"))
                .hasStatus3xxRedirection();
        InvoiceView issued = invoicing.find(draft.id());
        assertThat(issued.status()).isEqualTo(InvoiceStatus.ISSUED);
        MvcTestResult page = mvc.get()
                .uri("/finance/invoices/{id}", draft.id().value())
                .cookie(finance)
                .exchange();
        assertThat(Bodies.text(page)).contains(issued.number(), "Take a payment", "/api/v1/invoices/");

        MvcTestResult paid = mvc.post()
                .uri("/finance/invoices/{id}/payments", draft.id().value())
                .cookie(finance)
                .with(csrf())
                .param("method", "MADA")
                .param("amount", "402.50")
                .exchange();
        assertThat(paid).hasStatus3xxRedirection();
        String paymentPage = paid.getResponse().getRedirectedUrl();
        assertThat(paymentPage).startsWith("/finance/payments/");
        assertThat(invoicing.find(draft.id()).status()).isEqualTo(InvoiceStatus.PAID);
        MvcTestResult payment = mvc.get().uri(paymentPage).cookie(finance).exchange();
        assertThat(Bodies.text(payment)).contains("Print the receipt", "mada", "402.50");
        String paymentId = paymentPage.substring("/finance/payments/".length());
        MvcTestResult receipt = mvc.get()
                .uri("/api/v1/payments/{id}/receipt", paymentId)
                .cookie(finance)
                .exchange();
        assertThat(receipt).hasStatusOk();
        assertThat(receipt.getResponse().getContentType()).isEqualTo("application/pdf");

        // A refund needs a reason; with one it is recorded.
        assertThat(post(finance, "/finance/payments/" + paymentId + "/refunds", "amount", "50.00")
                        .getMvcResult()
                        .getFlashMap()
                        .get("problem"))
                .isNotNull();
        MvcTestResult refunded = post(
                finance,
                "/finance/payments/" + paymentId + "/refunds",
                "invoice",
                draft.id().value().toString(),
                "amount",
                "50.00",
                "reason",
                "one session not given");
        assertThat(refunded.getMvcResult().getFlashMap().get("notice")).isEqualTo("money.refunded");
        assertThat(payments.find(new PaymentId(java.util.UUID.fromString(paymentId)))
                        .refunded())
                .isEqualByComparingTo("50.00");

        MvcTestResult report =
                mvc.get().uri("/finance/reports?lang=ar").cookie(finance).exchange();
        assertThat(Bodies.text(report)).contains("dir=\"rtl\"", "التقرير المالي");
    }

    @Test
    void receptionCollectsButMayNotDiscountBeyondItsLimitNorSeeReports() {
        PatientDetails resident = f.resident();
        InvoiceView draft = invoicing
                .create(new InvoiceRequests.NewInvoice(
                        resident.id().value(),
                        f.clinic.id().value(),
                        null,
                        false,
                        List.of(new InvoiceRequests.ServiceLine(f.speech.id().value(), 1))))
                .get(0);
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        MvcTestResult tooMuch = post(
                reception,
                "/finance/invoices/" + draft.id().value() + "/discount",
                "percent",
                "25",
                "reason",
                "friend");
        assertThat(tooMuch.getMvcResult().getFlashMap().get("problem")).isNotNull();
        assertThat(invoicing.find(draft.id()).discountTotal()).isEqualByComparingTo("0");
        MvcTestResult allowed = post(
                reception,
                "/finance/invoices/" + draft.id().value() + "/discount",
                "percent",
                "10",
                "reason",
                "sibling");
        assertThat(allowed.getMvcResult().getFlashMap().get("notice")).isEqualTo("money.discounted");
        assertThat(mvc.get().uri("/finance/reports").cookie(reception).exchange())
                .hasStatus(403);
        assertThat(mvc.get().uri("/finance/imports").cookie(reception).exchange())
                .hasStatus(403);
        assertThat(mvc.get()
                        .uri("/finance")
                        .cookie(Pages.signIn(mvc, staff.as(Role.PROVIDER)))
                        .exchange())
                .hasStatus(403);
    }

    @Test
    void receptionSellsAPackageWhoseInvoiceIsThenPaid() {
        PatientDetails resident = f.resident();
        PackageDefinitionView definition = packages.define(new PackageRequests.Definition(
                f.centre,
                "SLP5",
                "Five speech sessions",
                "خمس جلسات نطق",
                5,
                new java.math.BigDecimal("1500.00"),
                60,
                java.util.Set.of(f.speech.id().value())));
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        MvcTestResult page = mvc.get()
                .uri("/finance/packages?patient={p}", resident.id().value())
                .cookie(reception)
                .exchange();
        assertThat(Bodies.text(page)).contains("Five speech sessions", "Sell", resident.mrn());
        MvcTestResult sold = post(
                reception,
                "/finance/packages/sell",
                "patient",
                resident.id().value().toString(),
                "definition",
                definition.id().value().toString());
        assertThat(sold.getResponse().getRedirectedUrl()).startsWith("/finance/invoices/");
        assertThat(packages.ofPatient(resident.id())).singleElement().satisfies(p -> assertThat(p.status())
                .isEqualTo(PackageStatus.PENDING_PAYMENT));
        MvcTestResult afterwards = mvc.get()
                .uri("/finance/packages?patient={p}&lang=ar", resident.id().value())
                .cookie(reception)
                .exchange();
        assertThat(Bodies.text(afterwards)).contains("خمس جلسات نطق", "dir=\"rtl\"");
    }

    private MvcTestResult post(Cookie session, String uri, String... params) {
        var request = mvc.post().uri(uri).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }
}
