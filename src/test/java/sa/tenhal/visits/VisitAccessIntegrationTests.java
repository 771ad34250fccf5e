package sa.tenhal.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;

/**
 * The visit record's role × action table of docs/security.md, every cell asserted on the API: who reads the record,
 * who reads only the claim codes, who writes, who diagnoses and orders; a clinician outside the care team does none
 * of it. And every read of a record by a person is in the audit trail.
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitAccessIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    VisitFixture fixture;
    final Map<String, Caller> callers = new LinkedHashMap<>();

    @BeforeAll
    void aSpeechClinicAndEveryRole() {
        fixture = VisitFixture.in(context);
        for (Role role : new Role[] {Role.ADMIN, Role.MANAGER, Role.RECEPTIONIST, Role.FINANCE}) {
            callers.put(role.name(), staff.as(role));
        }
        callers.put("PROVIDER", fixture.centre.speechTherapist());
        callers.put("NURSE", fixture.nurse);
        // the OT clinic's therapist: a provider, but not of this patient's care team
        callers.put("OTHER_PROVIDER", fixture.centre.occupationalTherapist());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // role,         read, claim, note, vitals, diagnose, services, order, sign, addendum, open, icd, template
        "ADMIN,          200,  200,   403,  403,    403,      403,      403,   403,  403,      403,  200, 200",
        "MANAGER,        200,  200,   403,  403,    403,      403,      403,   403,  403,      403,  200, 200",
        "RECEPTIONIST,   403,  403,   403,  403,    403,      403,      403,   403,  403,      403,  403, 403",
        "FINANCE,        403,  200,   403,  403,    403,      403,      403,   403,  403,      403,  200, 403",
        "PROVIDER,       200,  200,   200,  201,    201,      200,      201,   200,  201,      201,  200, 403",
        "NURSE,          200,  200,   200,  201,    403,      200,      403,   200,  201,      201,  200, 403",
        "OTHER_PROVIDER, 403,  403,   403,  403,    403,      403,      403,   403,  403,      403,  200, 403",
    })
    void eachRoleDoesWhatTheTableSaysInAVisitRecord(
            String role,
            int read,
            int claim,
            int note,
            int vitals,
            int diagnose,
            int services,
            int order,
            int sign,
            int addendum,
            int open,
            int icd,
            int template) {
        Caller caller = callers.get(role);
        PatientDetails child = fixture.child();
        var appointment = fixture.started(child);
        UUID visit = fixture.visitOf(appointment);
        String base = "/api/v1/visits/" + visit;
        long version = jdbc.sql("select version from visit_record where id = :id")
                .param("id", visit)
                .query(Long.class)
                .single();

        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Integer> actual = new LinkedHashMap<>();
        expected.put("read", read);
        actual.put("read", status(get(caller, base)));
        expected.put("claim", claim);
        actual.put("claim", status(get(caller, base + "/claim")));
        expected.put("note", note);
        actual.put("note", status(send(caller, "PUT", base + "/note", """
                        {"reason": "Weekly session", "goals": [{"goal": "Initial /s/", "progress": "6 of 10"}],
                         "activities": "Mirror work", "homeProgramme": "Five minutes a day"}""", "\"" + version + "\"")));
        expected.put("vitals", vitals);
        actual.put("vitals", status(send(caller, "POST", base + "/vitals", "{\"weightKg\": 14.2}", null)));
        expected.put("diagnose", diagnose);
        actual.put(
                "diagnose",
                status(send(caller, "POST", base + "/diagnoses", "{\"code\": \"F80.1\", \"primary\": true}", null)));
        expected.put("services", services);
        actual.put(
                "services",
                status(send(
                        caller,
                        "PUT",
                        base + "/services",
                        "{\"services\": [{\"serviceId\": \""
                                + fixture.session.id().value() + "\"}]}",
                        null)));
        expected.put("order", order);
        actual.put(
                "order",
                status(send(
                        caller,
                        "POST",
                        base + "/orders",
                        "{\"kind\": \"LAB\", \"code\": \"718-7\", \"display\": \"Haemoglobin\"}",
                        null)));
        expected.put("sign", sign);
        actual.put("sign", status(send(caller, "POST", base + "/sign", null, null)));
        expected.put("addendum", addendum);
        actual.put(
                "addendum",
                status(send(
                        caller, "POST", base + "/addenda", "{\"text\": \"Mother phoned: practising daily\"}", null)));

        // opening: a second appointment of the same patient, checked in but not started
        var arrived = fixture.started(child);
        expected.put("open", open);
        actual.put(
                "open",
                status(send(
                        caller,
                        "POST",
                        "/api/v1/visits",
                        "{\"appointmentId\": \"" + arrived.id().value() + "\"}",
                        null)));
        expected.put("icd", icd);
        actual.put("icd", status(get(caller, "/api/v1/icd10?q=F80")));
        long templateVersion = jdbc.sql(
                        "select coalesce(max(version), 0) from note_template where discipline = 'NUTRITION'")
                .query(Long.class)
                .single();
        expected.put("template", template);
        actual.put(
                "template",
                status(send(caller, "PUT", "/api/v1/note-templates/NUTRITION", """
                        {"subjective": "Diet history:", "plan": "Meal plan:"}""", "\"" + templateVersion + "\"")));

        assertThat(actual).as(role).containsExactlyEntriesOf(expected);
    }

    @Test
    void financeReadsTheClaimsCodesAndNeverTheNote() {
        PatientDetails child = fixture.child();
        UUID visit = fixture.visitOf(fixture.started(child));
        Caller therapist = fixture.centre.speechTherapist();
        String base = "/api/v1/visits/" + visit;
        assertThat(send(therapist, "PUT", base + "/note", """
                        {"reason": "Assessment", "activities": "SECRET-NOTE-TEXT picture naming",
                         "goals": [{"goal": "Expressive vocabulary"}]}""", "\"0\"")).hasStatusOk();
        assertThat(send(therapist, "POST", base + "/diagnoses", "{\"code\": \"F80.1\", \"primary\": true}", null))
                .hasStatus(201);

        MvcTestResult claim = get(callers.get("FINANCE"), base + "/claim");
        assertThat(claim).hasStatusOk();
        assertThat(Bodies.text(claim))
                .contains(
                        "F80.1",
                        "http://hl7.org/fhir/sid/icd-10-am",
                        fixture.session.id().value().toString())
                .doesNotContain("SECRET-NOTE-TEXT", "Expressive vocabulary");
        assertThat(get(callers.get("FINANCE"), base)).hasStatus(403);
        assertThat(get(callers.get("FINANCE"), "/api/v1/patients/" + child.id() + "/visits"))
                .hasStatus(403);
    }

    @Test
    void everyReadOfTheRecordByAPersonIsAudited() {
        PatientDetails child = fixture.child();
        UUID visit = fixture.visitOf(fixture.started(child));
        Caller manager = callers.get("MANAGER");
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("/api/v1/visits/" + visit, "VisitRecord");
        reads.put("/api/v1/visits/" + visit + "/claim", "VisitRecord");
        reads.put("/api/v1/patients/" + child.id() + "/visits", "PatientClinicalRecord");
        reads.put("/api/v1/patients/" + child.id() + "/problems", "PatientClinicalRecord");
        reads.put("/api/v1/patients/" + child.id() + "/vitals", "PatientClinicalRecord");
        for (var read : reads.entrySet()) {
            int count = auditedReads(manager, child.id().value(), read.getValue());
            assertThat(get(manager, read.getKey())).as(read.getKey()).hasStatusOk();
            assertThat(auditedReads(manager, child.id().value(), read.getValue()))
                    .as("audited: " + read.getKey())
                    .isEqualTo(count + 1);
        }
        // a refused read names nothing and reads nothing
        Caller outsider = callers.get("OTHER_PROVIDER");
        assertThat(get(outsider, "/api/v1/visits/" + visit)).hasStatus(403);
        assertThat(auditedReads(outsider, child.id().value(), "VisitRecord")).isZero();
    }

    private int auditedReads(Caller caller, UUID patient, String recordType) {
        return jdbc.sql("""
                        select count(*) from audit_entry where user_id = :u and action = 'READ'
                        and patient_id = :p and record_type = :t
                        """)
                .param("u", caller.id().value())
                .param("p", patient)
                .param("t", recordType)
                .query(Integer.class)
                .single();
    }

    private static int status(MvcTestResult result) {
        return result.getResponse().getStatus();
    }

    private MvcTestResult get(Caller caller, String uri) {
        return mvc.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .accept(MediaType.APPLICATION_JSON)
                .exchange();
    }

    private MvcTestResult send(Caller caller, String method, String uri, String json, String ifMatch) {
        var request = (method.equals("PUT") ? mvc.put() : mvc.post())
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .accept(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request.exchange();
    }
}
