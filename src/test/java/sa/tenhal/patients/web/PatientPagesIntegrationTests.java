package sa.tenhal.patients.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;

@TenhalIntegrationTest
class PatientPagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    PatientRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReceptionistFindsAPatientByNameAndOpensTheProfile() {
        PatientDetails patient = registry.register(TestPatientForms.adult(), false, "HQ");
        Cookie session = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));

        MvcTestResult found = mvc.get()
                .uri("/patients?q={q}", patient.familyNameEn())
                .cookie(session)
                .exchange();
        assertThat(found).hasStatusOk();
        assertThat(Bodies.text(found))
                .contains(patient.mrn(), "/patients/" + patient.id().value());

        MvcTestResult profile = mvc.get()
                .uri("/patients/{id}", patient.id().value())
                .cookie(session)
                .exchange();
        assertThat(profile).hasStatusOk();
        assertThat(Bodies.text(profile))
                .contains(patient.mrn(), patient.identityDocument().number(), "Open a file at");
        // Opening the profile is a read of the record, and is audited.
        assertThat(jdbc.sql("select count(*) from audit_entry where patient_id = ? and action = 'READ'")
                        .param(patient.id().value())
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aFormWithMistakesComesBackWithEachReasonBesideItsFieldInArabic() {
        Cookie session = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        MvcTestResult sent = mvc.post()
                .uri("/patients?lang=ar")
                .cookie(session)
                .with(csrf())
                .param("givenNameEn", "Sara")
                .param("familyNameEn", "Test")
                .param("birthDate", "2090-01-01")
                .param("sex", "FEMALE")
                .param("nationality", "SA")
                .param("idType", "NATIONAL_ID")
                .param("idNumber", "1234567890")
                .param("mobile", "0112345678")
                .param("channels", "SMS")
                .param("preferredLanguage", "AR")
                .exchange();
        assertThat(sent).hasStatusOk();
        String page = Bodies.text(sent);
        assertThat(page)
                .contains("dir=\"rtl\"")
                .containsPattern("id=\"birthDate\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"birthDate\"")
                .contains("يجب أن يكون رقم جوال")
                .contains("تاريخ الميلاد: لا يمكن أن يكون في المستقبل") // names the field (issue 20)
                .contains("value=\"Sara\""); // what the clerk typed is kept
        assertThat(jdbc.sql("select count(*) from patient where given_name_en = 'Sara' and family_name_en = 'Test'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void registeringFromThePageOpensTheNewProfileAndWarnsAboutLookalikes() {
        PatientForm form = TestPatientForms.adult();
        Cookie session = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        MvcTestResult registered = send(session, form, form.identityDocument().number(), form.mobile(), false);
        assertThat(registered).hasStatus3xxRedirection();
        String location = registered.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/patients/");
        MvcTestResult profile = mvc.get().uri(location).cookie(session).exchange();
        assertThat(Bodies.text(profile)).contains("The patient is registered.", form.familyNameEn());

        // Same name and birth date, another identity and mobile: a warning listing the lookalike, nothing saved.
        String otherId = TestPatientForms.adult().identityDocument().number();
        String otherMobile = TestPatientForms.adult().mobile();
        MvcTestResult lookalike = send(session, form, otherId, otherMobile, false);
        assertThat(lookalike).hasStatusOk();
        assertThat(Bodies.text(lookalike))
                .contains("look like the one you are registering", "same name and birth date");
        // Acknowledged, it registers.
        assertThat(send(session, form, otherId, otherMobile, true)).hasStatus3xxRedirection();
    }

    @Test
    void rolesThatDoNotRegisterCannotOpenTheFormAndPostsNeedTheCsrfToken() {
        Cookie finance = Pages.signIn(mvc, staff.as(Role.FINANCE));
        assertThat(mvc.get().uri("/patients/new").cookie(finance).accept("text/html"))
                .hasStatus(403);
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        assertThat(mvc.post()
                        .uri("/patients/{id}/archive", UUID.randomUUID())
                        .cookie(reception)
                        .param("reason", "x"))
                .hasStatus(403);
    }

    @Test
    void aManagerArchivesAndRestoresFromTheProfile() {
        PatientDetails patient = registry.register(TestPatientForms.adult(), false, "HQ");
        Cookie session = Pages.signIn(mvc, staff.as(Role.MANAGER));
        assertThat(mvc.post()
                        .uri("/patients/{id}/archive", patient.id().value())
                        .cookie(session)
                        .with(csrf())
                        .param("reason", "moved abroad"))
                .hasStatus3xxRedirection();
        MvcTestResult archived = mvc.get()
                .uri("/patients/{id}", patient.id().value())
                .cookie(session)
                .exchange();
        assertThat(Bodies.text(archived)).contains("The patient is archived.", "Archived: moved abroad", "Restore");
        // Archiving twice is refused with a message, not an error page.
        mvc.post()
                .uri("/patients/{id}/archive", patient.id().value())
                .cookie(session)
                .with(csrf())
                .param("reason", "again")
                .exchange();
        MvcTestResult refused = mvc.get()
                .uri("/patients/{id}", patient.id().value())
                .cookie(session)
                .exchange();
        assertThat(Bodies.text(refused)).contains("class=\"alert error\"");
    }

    private MvcTestResult send(Cookie session, PatientForm form, String idNumber, String mobile, boolean acknowledge) {
        return mvc.post()
                .uri("/patients")
                .cookie(session)
                .with(csrf())
                .param("givenNameEn", form.givenNameEn())
                .param("familyNameEn", form.familyNameEn())
                .param("birthDate", form.birthDate().toString())
                .param("sex", form.sex().name())
                .param("nationality", "SA")
                .param("idType", "NATIONAL_ID")
                .param("idNumber", idNumber)
                .param("mobile", mobile)
                .param("channels", "SMS")
                .param("preferredLanguage", "AR")
                .param("acknowledgeDuplicates", Boolean.toString(acknowledge))
                .exchange();
    }
}
