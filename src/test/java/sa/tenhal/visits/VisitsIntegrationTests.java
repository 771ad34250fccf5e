package sa.tenhal.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.MutableClock;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.referrals.AutoReferrals;
import sa.tenhal.referrals.ReferralRuleForm;
import sa.tenhal.referrals.ReferralStatus;
import sa.tenhal.referrals.Referrals;
import sa.tenhal.referrals.TriggerKind;
import sa.tenhal.referrals.Urgency;

/**
 * The visit record end to end: it opens when the visit starts with the booked service; a recorded diagnosis fires a
 * referral rule; vitals outside their range are refused naming the field; a signed note is locked; finance bills what
 * was performed; codes are found in English and Arabic and a clinic's CSV loads; the unsigned-notes reminder reaches
 * the clinician once a day.
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitsIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    ApplicationContext context;

    @Autowired
    Scheduling scheduling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    sa.tenhal.visits.NoteTemplates templates;

    @Autowired
    AutoReferrals rules;

    @Autowired
    Referrals referrals;

    @Autowired
    Icd10Codes codes;

    @Autowired
    UnsignedNotesReminder reminder;

    @Autowired
    MutableClock clock;

    VisitFixture fixture;
    Caller therapist;

    @BeforeAll
    void aSpeechClinic() {
        fixture = VisitFixture.in(context);
        VisitFixture.speechTemplateAsShipped(templates);
        therapist = fixture.centre.speechTherapist();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theRecordOpensWhenTheVisitStartsWithTheSessionTemplateAndTheBookedService() {
        PatientDetails child = fixture.child();
        var appointment = fixture.started(child);
        UUID visit = fixture.visitOf(appointment);
        MvcTestResult read =
                get(therapist, "/api/v1/appointments/" + appointment.id().value() + "/visit");
        assertThat(read).hasStatusOk();
        assertThat(Bodies.<String>read(read, "$.id")).isEqualTo(visit.toString());
        assertThat(Bodies.<String>read(read, "$.noteKind")).isEqualTo("SESSION");
        assertThat(Bodies.<List<String>>read(read, "$.note.goals[*].goal")).contains("Articulation");
        assertThat(Bodies.<List<String>>read(read, "$.services[*].serviceId"))
                .containsExactly(fixture.session.id().value().toString());
    }

    @Test
    void aRecordedDiagnosisFiresAReferralRule() {
        // a rule of another centre on the same code does not fire here, and does not stop this centre's rule
        rules.create(new ReferralRuleForm(
                "Another centre's rule " + UUID.randomUUID(),
                TriggerKind.DIAGNOSIS,
                "F80",
                null,
                null,
                sa.tenhal.referrals.TestCentre.create(catalog, staff).ot().id().value(),
                Urgency.ROUTINE,
                "Automatic: {trigger}",
                true));
        rules.create(new ReferralRuleForm(
                "Language disorder → OT screen " + UUID.randomUUID(),
                TriggerKind.DIAGNOSIS,
                "F80",
                null,
                null,
                fixture.centre.ot().id().value(),
                Urgency.ROUTINE,
                "Automatic: {trigger} recorded in speech",
                true));
        PatientDetails child = fixture.child();
        UUID visit = fixture.visitOf(fixture.started(child));
        assertThat(post(
                        therapist,
                        "/api/v1/visits/" + visit + "/diagnoses",
                        "{\"code\": \"f80.1\", \"primary\": true}"))
                .hasStatus(201);
        await().untilAsserted(() -> assertThat(referrals.ofPatient(child.id())).anySatisfy(r -> {
            assertThat(r.toClinicId()).isEqualTo(fixture.centre.ot().id().value());
            assertThat(r.status()).isEqualTo(ReferralStatus.PENDING);
        }));
        assertThat(Bodies.<List<String>>read(
                        get(therapist, "/api/v1/patients/" + child.id() + "/problems"), "$[*].code"))
                .containsExactly("F80.1");
    }

    @Test
    void aMergeMovesTheClinicalRecordToTheSurvivor() {
        PatientDetails survivor = fixture.child();
        PatientDetails duplicate = fixture.child();
        UUID kept = fixture.visitOf(fixture.started(survivor));
        UUID moved = fixture.visitOf(fixture.started(duplicate));
        for (UUID visit : List.of(kept, moved)) {
            assertThat(post(
                            therapist,
                            "/api/v1/visits/" + visit + "/diagnoses",
                            "{\"code\": \"F80.1\", \"primary\": true}"))
                    .hasStatus(201);
        }
        assertThat(post(
                        staff.as(sa.tenhal.identity.Role.MANAGER),
                        "/api/v1/patients/" + survivor.id() + "/merge",
                        "{\"mergedPatientId\": \"" + duplicate.id() + "\"}"))
                .hasStatusOk();
        await().untilAsserted(() -> {
            assertThat(jdbc.sql("select count(*) from visit_record where patient_id = :p")
                            .param("p", survivor.id().value())
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from visit_diagnosis where patient_id = :p")
                            .param("p", duplicate.id().value())
                            .query(Long.class)
                            .single())
                    .isZero();
        });
        // one problem list, with one active entry for the code both records had
        assertThat(Bodies.<List<String>>read(
                        get(therapist, "/api/v1/patients/" + survivor.id() + "/problems"), "$[*].code"))
                .containsExactly("F80.1");
    }

    @Test
    void vitalsOutsideTheirRangeAreRefusedNamingTheField() {
        UUID visit = fixture.visitOf(fixture.started(fixture.child()));
        MvcTestResult refused = post(
                fixture.nurse,
                "/api/v1/visits/" + visit + "/vitals",
                "{\"weightKg\": 14.2, \"temperatureC\": 48, \"systolic\": 100}");
        assertThat(refused).hasStatus(422);
        assertThat(Bodies.<List<String>>read(refused, "$.errors[*].field"))
                .containsExactly("temperatureC", "diastolic");
        assertThat(Bodies.text(refused)).contains("must be between 30 and 45 °C");
        assertThat(post(
                        fixture.nurse,
                        "/api/v1/visits/" + visit + "/vitals",
                        "{\"weightKg\": 14.2, \"heightCm\": 95.5}"))
                .hasStatus(201);
    }

    @Test
    void aSignedNoteIsLockedAndChangesAreAddenda() {
        UUID visit = fixture.visitOf(fixture.started(fixture.child()));
        String base = "/api/v1/visits/" + visit;
        assertThat(put(therapist, base + "/note", "{\"activities\": \"Picture naming\"}", "\"0\""))
                .hasStatusOk();
        assertThat(post(therapist, base + "/sign", null)).hasStatusOk();
        MvcTestResult locked = put(therapist, base + "/note", "{\"activities\": \"Changed\"}", "\"2\"");
        assertThat(locked).hasStatus(409);
        assertThat(Bodies.text(locked)).contains("note-signed");
        MvcTestResult addendum = post(therapist, base + "/addenda", "{\"text\": \"Parent asked for a home plan\"}");
        assertThat(addendum).hasStatus(201);
        assertThat(Bodies.<List<String>>read(addendum, "$.addenda[*].text"))
                .containsExactly("Parent asked for a home plan");
        assertThat(Bodies.<String>read(addendum, "$.note.activities")).isEqualTo("Picture naming");
        assertThat(Bodies.<String>read(addendum, "$.signedByName")).isNotBlank();
    }

    @Test
    void ordersMoveFromOrderedToReviewedOneStepAtATime() {
        UUID visit = fixture.visitOf(fixture.started(fixture.child()));
        MvcTestResult placed = post(
                therapist,
                "/api/v1/visits/" + visit + "/orders",
                "{\"kind\": \"LAB\", \"code\": \"718-7\", \"display\": \"Haemoglobin\"}");
        assertThat(placed).hasStatus(201);
        String order = Bodies.read(placed, "$.id");
        assertThat(post(therapist, "/api/v1/orders/" + order + "/status", "{\"status\": \"RESULTED\"}"))
                .hasStatus(409);
        for (String step : List.of("SENT", "RESULTED", "REVIEWED")) {
            MvcTestResult moved =
                    post(therapist, "/api/v1/orders/" + order + "/status", "{\"status\": \"" + step + "\"}");
            assertThat(moved).as(step).hasStatusOk();
            assertThat(Bodies.<String>read(moved, "$.status")).isEqualTo(step);
        }
        assertThat(post(
                        therapist,
                        "/api/v1/visits/" + visit + "/orders",
                        "{\"kind\": \"LAB\", \"code\": \"not-loinc\", \"display\": \"?\"}"))
                .hasStatus(422);
    }

    @Test
    void financeBillsWhatWasPerformed() {
        PatientDetails child = fixture.child();
        var appointment = fixture.started(child);
        UUID visit = fixture.visitOf(appointment);
        assertThat(put(
                        therapist,
                        "/api/v1/visits/" + visit + "/services",
                        "{\"services\": [{\"serviceId\": \""
                                + fixture.assessment.id().value() + "\"}]}",
                        null))
                .hasStatusOk();
        scheduling.complete(appointment.id());
        await().untilAsserted(() -> assertThat(jdbc.sql("""
                                select l.service_id from invoice_line l join invoice i on i.id = l.invoice_id
                                where i.appointment_id = :a
                                """)
                        .param("a", appointment.id().value())
                        .query(UUID.class)
                        .list())
                .containsExactly(fixture.assessment.id().value()));
    }

    @Test
    void codesAreFoundByCodeOrWordsInEnglishAndArabicAndAClinicLoadsItsList() {
        assertThat(codes.search("F80", 20)).extracting(Icd10Code::code).contains("F80.1", "F80.2");
        assertThat(codes.search("language disorder", 20))
                .extracting(Icd10Code::code)
                .contains("F80.1", "F80.2");
        assertThat(codes.search("اضطراب اللغة", 20)).extracting(Icd10Code::code).contains("F80.1");
        assertThat(codes.search("التوحد", 20)).extracting(Icd10Code::code).contains("F84.0");

        int loaded = codes.load(new StringReader("""
                code,title_en,title_ar
                Q93.5,"Other deletions of part of a chromosome (e.g. Angelman)",حذف جزء آخر من صبغي
                """));
        assertThat(loaded).isEqualTo(1);
        assertThat(codes.find("q93.5"))
                .map(Icd10Code::titleEn)
                .hasValue("Other deletions of part of a chromosome (e.g. Angelman)");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> codes.load(new StringReader("Q93.6,Good,جيد\nBAD,x,y\n")))
                .isInstanceOfSatisfying(
                        InvalidFieldsException.class,
                        e -> assertThat(e.errors().get(0).reason()).contains("line 2"));
        assertThat(codes.find("Q93.6")).isEmpty();
    }

    @Test
    void theUnsignedNotesReminderReachesTheClinicianOnceADay() {
        fixture.visitOf(fixture.started(fixture.child()));
        clock.advance(Duration.ofDays(1));
        reminder.remind();
        reminder.remind();
        UUID user = therapist.id().value();
        await().untilAsserted(() -> assertThat(
                        jdbc.sql("""
                                select count(*) from staff_notification where user_id = :u and kind = 'unsigned-notes'
                                """).param("u", user).query(Integer.class).single())
                .isEqualTo(1));
    }

    private MvcTestResult get(Caller caller, String uri) {
        return mvc.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .accept(MediaType.APPLICATION_JSON)
                .exchange();
    }

    private MvcTestResult post(Caller caller, String uri, String json) {
        var request = mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .accept(MediaType.APPLICATION_JSON);
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request.exchange();
    }

    private MvcTestResult put(Caller caller, String uri, String json, String ifMatch) {
        var request = mvc.put()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }
}
