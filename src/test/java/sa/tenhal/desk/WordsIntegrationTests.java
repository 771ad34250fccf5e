package sa.tenhal.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;
import sa.tenhal.finance.PaymentMethod;
import sa.tenhal.finance.PaymentRequests;
import sa.tenhal.finance.PaymentView;
import sa.tenhal.finance.Payments;
import sa.tenhal.identity.NewStaffUser;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffAccounts;
import sa.tenhal.patients.ConsentForm;
import sa.tenhal.patients.ConsentKind;
import sa.tenhal.patients.Consents;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.shared.Language;

/**
 * What the pages say, in the user's language (issue 20): a validation message names its field, a refund refusal is
 * Arabic on an Arabic page, the audit log shows words and names, the header greets by the Arabic name, the user's own
 * language setting opens the pages.
 */
@TenhalIntegrationTest
class WordsIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Payments payments;

    @Autowired
    Consents consents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyValidationMessageNamesItsFieldInTheUsersLanguage() {
        Cookie session = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        for (String lang : List.of("en", "ar")) {
            MvcTestResult sent = mvc.post()
                    .uri("/patients?lang=" + lang)
                    .cookie(session)
                    .with(csrf())
                    .param("givenNameEn", "Sara")
                    .param("familyNameEn", "Test")
                    .param("birthDate", "2090-01-01")
                    .param("nationality", "SA")
                    .param("idType", "NATIONAL_ID")
                    .param("idNumber", "1234567890")
                    .param("channels", "SMS")
                    .param("preferredLanguage", "AR")
                    .exchange();
            String page = Bodies.text(sent);
            assertThat(page).doesNotContain("must not be null", "منعدم", "in the past or in the present");
            if (lang.equals("en")) {
                assertThat(page).contains("Sex is required", "Birth date cannot be in the future");
            } else {
                assertThat(page).contains("الجنس: مطلوب", "تاريخ الميلاد: لا يمكن أن يكون في المستقبل");
            }
        }
        // the API says the same, naming the field beside its path
        MvcTestResult api = mvc.post()
                .uri("/api/v1/patients")
                .header("Authorization", staff.as(Role.RECEPTIONIST).bearer())
                .header("Accept-Language", "en")
                .contentType("application/json")
                .content("{\"givenNameEn\":\"Sara\",\"familyNameEn\":\"Test\"}")
                .exchange();
        assertThat(api).hasStatus(422);
        assertThat(Bodies.text(api))
                .contains("\"field\":\"sex\"", "Sex is required")
                .doesNotContain("must not be null");
    }

    @Test
    void aRefundRefusalIsArabicOnAnArabicPage() {
        PatientDetails patient = patients.register(TestPatientForms.adult(), true, "RYD");
        PaymentView paid = payments.receive(
                new PaymentRequests.NewPayment(
                                patient.id().value(),
                                null,
                                PaymentMethod.CASH,
                                new BigDecimal("100.00"),
                                null,
                                null,
                                List.of())
                        .acceptingCredit(),
                null);
        Cookie finance = Pages.signIn(mvc, staff.as(Role.FINANCE));
        MvcTestResult refused = mvc.post()
                .uri("/finance/payments/{id}/refunds?lang=ar", paid.id().value())
                .cookie(finance)
                .with(csrf())
                .param("amount", "150.00")
                .param("reason", "مبلغ زائد")
                .exchange();
        assertThat(refused).hasStatus3xxRedirection();
        String problem = (String) refused.getMvcResult().getFlashMap().get("problem");
        assertThat(problem)
                .contains("مبلغ الاسترداد أكبر من الرصيد غير المخصّص", "100.00")
                .doesNotContain("is above");

        // a refund of credit issues no credit note, and the notice does not claim one
        MvcTestResult refunded = mvc.post()
                .uri("/finance/payments/{id}/refunds", paid.id().value())
                .cookie(finance)
                .with(csrf())
                .param("amount", "40.00")
                .param("reason", "overpaid")
                .exchange();
        assertThat(refunded.getMvcResult().getFlashMap().get("notice")).isEqualTo("money.refunded.credit");
    }

    @Test
    void theAuditLogShowsWordsAndNamesAndTheHeaderTheArabicName() {
        PatientDetails patient = patients.register(TestPatientForms.adult(), true, "RYD");
        consents.record(
                patient.id(), new ConsentForm(ConsentKind.TREATMENT, ConsentForm.GivenBy.PATIENT, null, "v1", null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from audit_entry where patient_id = ? and note = 'TREATMENT'")
                                .param(patient.id().value())
                                .query(Long.class)
                                .single()
                        > 0);
        String username = Unique.name("ar");
        accounts.create(new NewStaffUser(
                username,
                "Sara Admin",
                "سارة المشرفة",
                username + "@test.tenhal.sa",
                Set.of(Role.ADMIN),
                Language.AR,
                StaffFixtures.PASSWORD));
        Cookie admin = Pages.signIn(mvc, new StaffFixtures.Caller(null, username, null));

        // no language chosen in this browser: the user's own setting (Arabic), greeting by the Arabic name
        String home = Bodies.text(mvc.get().uri("/").cookie(admin).exchange());
        assertThat(home).contains("dir=\"rtl\"", "سارة المشرفة").doesNotContain(">Sara Admin<");

        String arabic = Bodies.text(mvc.get()
                .uri("/admin/audit?patient={p}&lang=ar", patient.id().value())
                .cookie(admin)
                .exchange());
        assertThat(arabic).contains("موافقة على العلاج", patient.fullName(Language.AR) + " · " + patient.mrn());
        assertThat(arabic).doesNotContain(">TREATMENT<");
        String english = Bodies.text(mvc.get()
                .uri("/admin/audit?patient={p}&lang=en", patient.id().value())
                .cookie(admin)
                .exchange());
        assertThat(english)
                .contains("Treatment consent", patient.fullName(Language.EN) + " · " + patient.mrn(), "Sara Admin")
                .doesNotContain("'…'");
    }

    @Autowired
    sa.tenhal.clinics.CatalogAdministration catalog;

    @Test
    void theIssuedNoticeSaysWhetherTheInvoiceWasEmailed() {
        String centre = Unique.code("WN");
        catalog.createCentre(new sa.tenhal.clinics.CentreForm(
                // a VAT and CR number and an address: issuing seals the invoice for ZATCA, which needs them
                centre,
                "Words Centre",
                "مركز",
                "310122393500003",
                "1010101010",
                null,
                "King Fahd Road",
                "2222",
                "Al Olaya",
                "Riyadh",
                "12214"));
        var clinic = catalog.createClinic(new sa.tenhal.clinics.ClinicForm(
                centre, "SP", "Speech", "النطق", sa.tenhal.clinics.Discipline.SPEECH_LANGUAGE, null));
        var service = catalog.createService(new sa.tenhal.clinics.ServiceForm(
                clinic.id().value(),
                "SP-S",
                "Speech session",
                "جلسة نطق",
                45,
                0,
                new BigDecimal("300.00"),
                sa.tenhal.clinics.VatCategory.STANDARD,
                null));
        PatientDetails noEmail = patients.register(TestPatientForms.adult(), true, "RYD");
        var reception = staff.as(Role.RECEPTIONIST);
        MvcTestResult draft = mvc.post()
                .uri("/api/v1/invoices")
                .header("Authorization", reception.bearer())
                .contentType("application/json")
                .content("{\"patientId\":\"%s\",\"clinicId\":\"%s\",\"lines\":[{\"serviceId\":\"%s\",\"quantity\":1}]}"
                        .formatted(
                                noEmail.id(), clinic.id().value(), service.id().value()))
                .exchange();
        assertThat(draft).hasStatus(201);
        String invoice = Bodies.read(draft, "$[0].id");
        Cookie desk = Pages.signIn(mvc, reception);
        MvcTestResult issued = mvc.post()
                .uri("/finance/invoices/{id}/issue", invoice)
                .cookie(desk)
                .with(csrf())
                .exchange();
        String notice = (String) issued.getMvcResult().getFlashMap().get("noticeText");
        assertThat(notice)
                .startsWith("The invoice is issued.")
                .contains("It was not emailed: the patient has no email address")
                .doesNotContain("receives it by email");
    }

    @Test
    void theOutboxShowsClinicTime() {
        Cookie admin = Pages.signIn(mvc, staff.as(Role.ADMIN));
        String page = Bodies.text(mvc.get().uri("/admin/outbox").cookie(admin).exchange());
        assertThat(page).contains("Asia/Riyadh");
    }
}
