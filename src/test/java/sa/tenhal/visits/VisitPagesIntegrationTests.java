package sa.tenhal.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;

/**
 * The visit page in Arabic and English: from "My day" the therapist opens the record, writes the session note from its
 * template and signs it; the nurse's vitals outside their range come back beside the field; the profile shows the
 * timeline, the problem list and the growth chart; reception sees no clinical record.
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitPagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    sa.tenhal.visits.NoteTemplates templates;

    VisitFixture fixture;
    Cookie therapist;
    Cookie nurse;

    @BeforeAll
    void aSpeechClinic() {
        fixture = VisitFixture.in(context);
        VisitFixture.speechTemplateAsShipped(templates);
        therapist = Pages.signIn(mvc, fixture.centre.speechTherapist());
        nurse = Pages.signIn(mvc, fixture.nurse);
    }

    @Test
    void theTherapistWritesAndSignsASessionNoteFromMyDayInArabic() {
        PatientDetails child = fixture.child();
        var appointment = fixture.started(child);
        UUID visit = fixture.visitOf(appointment);

        var opened = mvc.post()
                .uri("/visits/open")
                .cookie(therapist)
                .with(csrf())
                .param("appointment", appointment.id().value().toString())
                .exchange();
        assertThat(opened).hasRedirectedUrl("/visits/" + visit);

        String page = Bodies.text(
                mvc.get().uri("/visits/{id}?lang=ar", visit).cookie(therapist).exchange());
        assertThat(page)
                .contains("dir=\"rtl\"", "ملاحظة جلسة", "Articulation", "البرنامج المنزلي", "لم تُوقَّع بعد")
                .doesNotContain("??");

        var saved = mvc.post()
                .uri("/visits/{id}/note", visit)
                .cookie(therapist)
                .with(csrf())
                .param("version", "0")
                .param("reason", "جلسة أسبوعية")
                .param("goal0", "Articulation")
                .param("progress0", "8 of 10 /s/ words")
                .param("activities", "Picture cards")
                .param("homeProgramme", "Five minutes a day")
                .param("sign", "true")
                .exchange();
        assertThat(saved).hasRedirectedUrl("/visits/" + visit + "#note");
        String signed = Bodies.text(
                mvc.get().uri("/visits/{id}", visit).cookie(therapist).exchange());
        assertThat(signed)
                .contains("Signed by", "8 of 10 /s/ words", "Add addendum")
                .doesNotContain("id=\"note-form\"");

        String myDay = Bodies.text(mvc.get().uri("/my-day").cookie(therapist).exchange());
        assertThat(myDay).contains("Notes to sign").doesNotContain("/visits/" + visit + "\"");
    }

    @Test
    void theNursesVitalsOutsideTheirRangeComeBackBesideTheField() {
        PatientDetails child = fixture.child();
        UUID visit = fixture.visitOf(fixture.started(child));
        var refused = mvc.post()
                .uri("/visits/{id}/vitals", visit)
                .cookie(nurse)
                .with(csrf())
                .param("weightKg", "14.2")
                .param("temperatureC", "48")
                .exchange();
        assertThat(refused).hasRedirectedUrl("/visits/" + visit + "#vitals");
        var back = mvc.get()
                .uri("/visits/{id}", visit)
                .cookie(nurse)
                .flashAttrs(refused.getMvcResult().getFlashMap())
                .exchange();
        assertThat(Bodies.text(back))
                .containsPattern("id=\"temperatureC\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"temperatureC\"")
                .contains("must be between 30 and 45 °C", "value=\"14.2\"");
        assertThat(mvc.post()
                        .uri("/visits/{id}/vitals", visit)
                        .cookie(nurse)
                        .with(csrf())
                        .param("weightKg", "١٤٫٢")
                        .param("heightCm", "95.5")
                        .param("headCircumferenceCm", "49"))
                .hasRedirectedUrl("/visits/" + visit + "#vitals");
        assertThat(Bodies.text(
                        mvc.get().uri("/visits/{id}", visit).cookie(nurse).exchange()))
                .contains("Vitals recorded", "14.2", "95.5");
        assertThat(Bodies.text(mvc.get()
                        .uri("/patients/{id}", child.id().value())
                        .cookie(nurse)
                        .exchange()))
                .contains("Clinical record", "id=\"growth\"", ",14.2,95.5,49", "/js/growth.js", "/js/growth/who-");
    }

    @Test
    void theProfileShowsTheTimelineAndProblemsToClinicsAndNothingToReception() {
        PatientDetails child = fixture.child();
        UUID visit = fixture.visitOf(fixture.started(child));
        assertThat(mvc.post()
                        .uri("/visits/{id}/diagnoses", visit)
                        .cookie(therapist)
                        .with(csrf())
                        .param("code", "F80.1")
                        .param("primary", "true"))
                .hasRedirectedUrl("/visits/" + visit + "#diagnoses");
        assertThat(Bodies.text(mvc.get()
                        .uri("/visits/{id}?q=اضطراب اللغة", visit)
                        .cookie(therapist)
                        .exchange()))
                .contains("F80.2", "Add as primary");
        String profile = Bodies.text(mvc.get()
                .uri("/patients/{id}?lang=ar", child.id().value())
                .cookie(therapist)
                .exchange());
        assertThat(profile).contains("السجل السريري", "قائمة المشكلات", "F80.1", "/visits/" + visit);
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        assertThat(Bodies.text(mvc.get()
                        .uri("/patients/{id}", child.id().value())
                        .cookie(reception)
                        .exchange()))
                .doesNotContain("Clinical record", "F80.1");
        assertThat(mvc.get()
                        .uri("/visits/{id}", visit)
                        .cookie(reception)
                        .exchange()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void aManagerEditsADisciplinesNoteTemplate() {
        Cookie manager = Pages.signIn(mvc, staff.as(Role.MANAGER));
        assertThat(Bodies.text(mvc.get()
                        .uri("/admin/catalogue/note-templates?lang=ar")
                        .cookie(manager)
                        .exchange()))
                .contains("قوالب الملاحظات", "ملاحظة جلسة", "Articulation")
                .doesNotContain("??");
        long version = jdbc.sql("select coalesce(max(version), 0) from note_template where discipline = 'AUDIOLOGY'")
                .query(Long.class)
                .single();
        assertThat(mvc.post()
                        .uri("/admin/catalogue/note-templates/AUDIOLOGY")
                        .cookie(manager)
                        .with(csrf())
                        .param("version", Long.toString(version))
                        .param("subjective", "Hearing concerns:")
                        .param("plan", "Audiogram:"))
                .hasRedirectedUrl("/admin/catalogue/note-templates#AUDIOLOGY");
        assertThat(jdbc.sql("select subjective from note_template where discipline = 'AUDIOLOGY'")
                        .query(String.class)
                        .single())
                .isEqualTo("Hearing concerns:");
        assertThat(mvc.get()
                        .uri("/admin/catalogue/note-templates")
                        .cookie(therapist)
                        .exchange()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }
}
