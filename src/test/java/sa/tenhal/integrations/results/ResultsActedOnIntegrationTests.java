package sa.tenhal.integrations.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.referrals.TestCentre;
import sa.tenhal.visits.VisitFixture;

/**
 * Results acted on: the ordering clinician is told in the inbox (and by email when critical), the result stands out
 * on their list, on "My day" and on the patient's profile (with the trend of a repeated test), every read is audited,
 * a clinician outside the care team is refused, and marking it reviewed moves the order on and takes it off the desk.
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsActedOnIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MllpListener listener;

    VisitFixture fixture;
    Caller therapist;
    Cookie session;

    @BeforeAll
    void aClinic() {
        fixture = VisitFixture.in(context);
        therapist = fixture.centre.speechTherapist();
        session = Pages.signIn(mvc, therapist);
    }

    @Test
    void aCriticalResultReachesTheClinicianStandsOutAndLeavesTheDeskWhenReviewed() throws Exception {
        PatientDetails child = fixture.child();
        UUID order = order(child, "2823-3", "Potassium");
        String filler = "LAB-" + UUID.randomUUID();
        assertThat(send(new Oru()
                        .patient(child.mrn(), null, child.familyNameEn(), child.givenNameEn(), "20190615", "F")
                        .order(
                                order.toString(),
                                filler,
                                "2823-3",
                                "Potassium",
                                "CH",
                                "F",
                                Oru.nm(1, "2823-3", "Potassium", "6.9", "mmol/L", "3.5-5.1", "HH", "F"))
                        .build()))
                .contains("MSA|AA|");
        UUID result = jdbc.sql("select id from result_report where external_id = :f")
                .param("f", filler)
                .query(UUID.class)
                .single();

        // the inbox, and an urgent email that names neither the patient nor the value
        await().until(() -> count("select count(*) from staff_notification where user_id = '"
                        + therapist.id().value() + "' and kind = 'result-critical' and link = '/results/"
                        + result + "'")
                == 1);
        await().until(() -> count("select count(*) from notification_message where recipient_id = '"
                        + therapist.id().value()
                        + "' and kind = 'result-critical' and channel = 'EMAIL' and urgent")
                == 1);
        String email = jdbc.sql("select body from notification_message where recipient_id = :u and kind ="
                        + " 'result-critical' and channel = 'EMAIL' and source like :s")
                .param("u", therapist.id().value())
                .param("s", "ResultArrived:" + result + ":%")
                .query(String.class)
                .single();
        assertThat(email).contains(child.mrn()).doesNotContain("6.9").doesNotContain(child.familyNameEn());

        // my results and my day
        String mine = Bodies.text(mvc.get().uri("/results").cookie(session).exchange());
        assertThat(mine).contains("Potassium").contains("Critical");
        assertThat(Bodies.text(mvc.get().uri("/my-day").cookie(session).exchange()))
                .contains("critical-results")
                .contains(child.mrn());

        // the result, audited
        long reads = count("select count(*) from audit_entry where record_id = '" + result + "' and action = 'READ'");
        String page = Bodies.text(
                mvc.get().uri("/results/{id}", result).cookie(session).exchange());
        assertThat(page).contains("6.9").contains("mmol/L").contains("3.5-5.1").contains("Critical");
        await().until(() -> count("select count(*) from audit_entry where record_id = '" + result
                        + "' and action = 'READ' and patient_id = '"
                        + child.id().value() + "'")
                > reads);

        // reviewed: the order moves on, the desk is clear of it
        assertThat(mvc.post()
                        .uri("/results/{id}/reviewed", result)
                        .cookie(session)
                        .with(csrf())
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("select status from visit_order where id = :o")
                        .param("o", order)
                        .query(String.class)
                        .single())
                .isEqualTo("REVIEWED");
        assertThat(Bodies.text(mvc.get().uri("/my-day").cookie(session).exchange()))
                .doesNotContain(child.mrn());
        assertThat(Bodies.text(
                        mvc.get().uri("/results/{id}", result).cookie(session).exchange()))
                .contains("id=\"reviewed\"");
    }

    @Test
    void aNormalResultIsAnInboxNoticeOnlyAndTheProfilePlotsARepeatedTest() throws Exception {
        PatientDetails child = fixture.child();
        for (String[] v : new String[][] {{"5.1", "20261101"}, {"7.4", "20261115"}, {"5.6", "20261201"}}) {
            UUID order = order(child, "2345-7", "Glucose");
            String msg = new Oru()
                    .patient(child.mrn(), null, child.familyNameEn(), child.givenNameEn(), "20190615", "F")
                    .order(
                            order.toString(),
                            "LAB-" + UUID.randomUUID(),
                            "2345-7",
                            "Glucose",
                            "CH",
                            "F",
                            Oru.nm(1, "2345-7", "Glucose", v[0], "mmol/L", "3.9-6.1", "", "F")
                                    .replace("20261205090000", v[1] + "090000"))
                    .build();
            assertThat(send(msg)).contains("MSA|AA|");
        }
        await().until(() -> count("select count(*) from staff_notification where user_id = '"
                        + therapist.id().value() + "' and kind = 'result-arrived' and body like '%" + child.mrn()
                        + "%'")
                == 3);
        assertThat(count("select count(*) from notification_message where recipient_id = '"
                        + therapist.id().value() + "' and kind = 'result-arrived' and channel = 'EMAIL'"))
                .isZero();
        String profile = Bodies.text(mvc.get()
                .uri("/patients/{id}", child.id().value())
                .cookie(session)
                .exchange());
        assertThat(profile)
                .contains("id=\"patient-results\"")
                .contains("result-trend")
                .contains("2026-11-01,5.1,NORMAL")
                .contains("2026-11-15,7.4,ABNORMAL");
    }

    @Test
    void aClinicianOutsideTheCareTeamCannotReadTheResult() throws Exception {
        PatientDetails child = fixture.child();
        UUID order = order(child, "718-7", "Haemoglobin");
        String filler = "LAB-" + UUID.randomUUID();
        send(new Oru()
                .patient(child.mrn(), null, child.familyNameEn(), child.givenNameEn(), "20190615", "F")
                .order(
                        order.toString(),
                        filler,
                        "718-7",
                        "Hb",
                        "HM",
                        "F",
                        Oru.nm(1, "718-7", "Hb", "12.1", "g/dL", "11.5-15.5", "N", "F"))
                .build());
        UUID result = jdbc.sql("select id from result_report where external_id = :f")
                .param("f", filler)
                .query(UUID.class)
                .single();
        Caller stranger = TestCentre.create(catalog, staff).speechTherapist();
        var answer = mvc.get()
                .uri("/results/{id}", result)
                .cookie(Pages.signIn(mvc, stranger))
                .exchange();
        assertThat(answer).hasStatus(403);
    }

    // --- helpers

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    UUID order(PatientDetails child, String code, String display) {
        UUID visit = fixture.visitOf(fixture.started(child));
        var placed = mvc.post()
                .uri("/api/v1/visits/" + visit + "/orders")
                .header(HttpHeaders.AUTHORIZATION, therapist.bearer())
                .accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"LAB\", \"code\": \"" + code + "\", \"display\": \"" + display + "\"}")
                .exchange();
        assertThat(placed).hasStatus(201);
        return UUID.fromString(Bodies.read(placed, "$.id"));
    }

    String send(String message) throws Exception {
        return Mllp.exchange("127.0.0.1", listener.port(), message, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }
}
