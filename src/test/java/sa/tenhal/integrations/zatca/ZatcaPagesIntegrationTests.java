package sa.tenhal.integrations.zatca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.MutableClock;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Invoicing;
import sa.tenhal.finance.IssuedDocuments;
import sa.tenhal.finance.Payments;
import sa.tenhal.identity.Role;
import sa.tenhal.integrations.outbound.Submissions;
import sa.tenhal.patients.PatientRegistry;

/** The invoice page's ZATCA state and XML, the list's filter, the admin's e-invoicing page and onboarding API. */
@TenhalIntegrationTest
class ZatcaPagesIntegrationTests {

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
    ZatcaSimulator simulator;

    @Autowired
    Submissions submissions;

    @Autowired
    Onboarding onboarding;

    @Autowired
    MutableClock clock;

    IssuedDocuments issued;

    @BeforeEach
    void setUp() {
        simulator.reset();
        issued = new IssuedDocuments(catalog, patients, invoicing, payments);
    }

    @AfterEach
    void tearDown() {
        simulator.reset();
        clock.reset();
    }

    void settled(InvoiceView invoice) {
        await().atMost(Duration.ofSeconds(30)).until(() -> submissions
                .find(ZatcaSeal.PARTNER, invoice.id().value())
                .map(s -> s.state() != Submissions.State.PENDING)
                .orElse(false));
    }

    @Test
    void theInvoicePageShowsTheZatcaStateAndOffersTheXmlAndTheListFiltersWhatIsNotAccepted() {
        onboarding.onboardOnSimulator(issued.centre());
        InvoiceView reported = issued.resident();
        settled(reported);
        simulator.rejectNext("BR-KSA-25", "the buyer's name is missing");
        InvoiceView rejected = issued.resident();
        settled(rejected);
        Cookie finance = Pages.signIn(mvc, staff.as(Role.FINANCE));

        MvcTestResult page = mvc.get()
                .uri("/finance/invoices/{id}?lang=en", reported.id().value())
                .cookie(finance)
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(Bodies.text(page))
                .contains("ZATCA e-invoice", "Reported", "Invoice counter (ICV)", "E-invoice (signed XML)");
        MvcTestResult arabic = mvc.get()
                .uri("/finance/invoices/{id}?lang=ar", reported.id().value())
                .cookie(finance)
                .exchange();
        assertThat(Bodies.text(arabic)).contains("تم الإبلاغ");

        MvcTestResult refused = mvc.get()
                .uri("/finance/invoices/{id}?lang=en", rejected.id().value())
                .cookie(finance)
                .exchange();
        assertThat(Bodies.text(refused)).contains("Rejected by ZATCA", "BR-KSA-25", "credit note");

        MvcTestResult xml = mvc.get()
                .uri("/finance/invoices/{id}/xml", reported.id().value())
                .cookie(finance)
                .exchange();
        assertThat(xml).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_XML);
        Inspection inspection = Inspector.inspect(xml.getResponse().getContentAsByteArray());
        assertThat(inspection.problems()).isEmpty();
        assertThat(inspection.number()).isEqualTo(reported.number());

        MvcTestResult pending =
                mvc.get().uri("/finance?zatcaPending=true").cookie(finance).exchange();
        assertThat(Bodies.text(pending)).contains(rejected.number()).doesNotContain(reported.number());

        var caller = staff.as(Role.FINANCE);
        MvcTestResult state = mvc.get()
                .uri("/api/v1/invoices/{id}/zatca", rejected.id().value())
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .exchange();
        assertThat(state).hasStatusOk();
        assertThat(state).bodyJson().extractingPath("$.status").isEqualTo("REJECTED");
        assertThat(state).bodyJson().extractingPath("$.messages[0].code").isEqualTo("BR-KSA-25");
        MvcTestResult apiXml = mvc.get()
                .uri("/api/v1/invoices/{id}/xml", reported.id().value())
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .exchange();
        assertThat(apiXml).hasStatusOk();
    }

    @Test
    void anAdminOnboardsAUnitStepByStepAndRenewsIt() {
        var admin = staff.as(Role.ADMIN);
        String centre = issued.centre();
        MvcTestResult key = post(admin, "/api/v1/zatca/units/" + centre + "/keys", "{\"branch\":\"Riyadh Branch\"}");
        assertThat(key).hasStatusOk();
        assertThat(key).bodyJson().extractingPath("$.state").isEqualTo("KEY_GENERATED");
        assertThat(key).bodyJson().extractingPath("$.serialNumber").asString().startsWith("1-Tenhal|2-");
        assertThat(key).bodyJson().extractingPath("$.csr").asString().contains("BEGIN CERTIFICATE REQUEST");
        assertThat(Bodies.text(key)).doesNotContain("privateKey", "secret");

        MvcTestResult badOtp = post(admin, "/api/v1/zatca/units/" + centre + "/compliance-csid", "{\"otp\":\"12\"}");
        assertThat(badOtp).hasStatus(422);
        assertThat(badOtp).bodyJson().extractingPath("$.errors[0].field").isEqualTo("otp");
        MvcTestResult refusedOtp =
                post(admin, "/api/v1/zatca/units/" + centre + "/compliance-csid", "{\"otp\":\"000000\"}");
        assertThat(refusedOtp).hasStatus(422);

        assertThat(post(admin, "/api/v1/zatca/units/" + centre + "/compliance-csid", "{\"otp\":\"123456\"}"))
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("COMPLIANCE_CSID");
        MvcTestResult checks = post(admin, "/api/v1/zatca/units/" + centre + "/compliance-checks", null);
        assertThat(checks).bodyJson().extractingPath("$.state").isEqualTo("COMPLIANT");
        assertThat(checks)
                .bodyJson()
                .extractingPath("$.complianceChecks")
                .asString()
                .contains("standard invoice", "simplified credit note");
        MvcTestResult production = post(admin, "/api/v1/zatca/units/" + centre + "/production-csid", null);
        assertThat(production).bodyJson().extractingPath("$.state").isEqualTo("PRODUCTION");
        assertThat(production)
                .bodyJson()
                .extractingPath("$.certificateExpiresSoon")
                .isEqualTo(false);
        String serial = onboarding.view(centre).certificateSerial();

        // a document issued now is signed with the production certificate
        InvoiceView invoice = issued.resident();
        settled(invoice);
        assertThat(submissions
                        .find(ZatcaSeal.PARTNER, invoice.id().value())
                        .orElseThrow()
                        .state())
                .isEqualTo(Submissions.State.ACCEPTED);

        // four years and eleven months later the page warns, and the admin renews
        clock.advance(Duration.ofDays(5 * 365 - 20));
        assertThat(onboarding.view(centre).certificateExpiresSoon()).isTrue();
        Cookie cookie = Pages.signIn(mvc, admin);
        MvcTestResult page =
                mvc.get().uri("/admin/zatca?lang=en").cookie(cookie).exchange();
        assertThat(page).hasStatusOk();
        assertThat(Bodies.text(page))
                .contains(
                        centre,
                        "In production",
                        "Certificate expires soon",
                        "Renew",
                        invoice.number(),
                        "CN=TENHAL-ZATCA-SIMULATOR-CA");
        MvcTestResult renewed = mvc.post()
                .uri("/admin/zatca/{c}/renewal", centre)
                .cookie(cookie)
                .with(csrf())
                .param("otp", "654321")
                .exchange();
        assertThat(renewed).hasStatus3xxRedirection();
        assertThat(onboarding.view(centre).certificateSerial()).isNotEqualTo(serial);
        assertThat(onboarding.view(centre).certificateExpiresSoon()).isFalse();
        MvcTestResult arabic =
                mvc.get().uri("/admin/zatca?lang=ar").cookie(cookie).exchange();
        assertThat(Bodies.text(arabic)).contains("في الإنتاج");
    }

    @Test
    void onlyAdminsOnboard() {
        var reception = staff.as(Role.RECEPTIONIST);
        assertThat(mvc.get()
                        .uri("/api/v1/zatca/units")
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .exchange())
                .hasStatus(403);
        var finance = staff.as(Role.FINANCE);
        assertThat(post(finance, "/api/v1/zatca/units/" + issued.centre() + "/keys", null))
                .hasStatus(403);
    }

    MvcTestResult post(StaffFixtures.Caller caller, String uri, String json) {
        var request = mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, caller.bearer());
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request.exchange();
    }
}
