package sa.tenhal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Json;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.ContactChannel;
import sa.tenhal.patients.IdentityDocumentType;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.Sex;
import sa.tenhal.shared.Language;

@TenhalIntegrationTest
class AuditIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    JdbcClient jdbc;

    Caller admin;
    Caller reception;

    @BeforeEach
    void callers() {
        admin = staff.as(Role.ADMIN);
        reception = staff.as(Role.RECEPTIONIST);
    }

    static PatientForm aPatient() {
        String id = Unique.identityNumber('1');
        return new PatientForm(
                null,
                null,
                "Audit",
                "Subject",
                LocalDate.of(1970, 1, 1),
                Sex.MALE,
                "SA",
                new PatientForm.IdentityDocumentForm(IdentityDocumentType.NATIONAL_ID, id, null),
                "053" + Unique.digits(7),
                null,
                Language.EN,
                Set.of(ContactChannel.SMS),
                List.of(),
                List.of());
    }

    String registerAndView() {
        MvcTestResult created = mvc.post()
                .uri("/api/v1/patients?acknowledgeDuplicates=true")
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .header("User-Agent", "AuditTest/1.0")
                .contentType(MediaType.APPLICATION_JSON)
                .content(Json.of(aPatient()))
                .exchange();
        assertThat(created).hasStatus(201);
        String id = Bodies.read(created, "$.id");
        assertThat(mvc.get()
                        .uri("/api/v1/patients/{id}/summary", id)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatusOk();
        return id;
    }

    @Test
    void everyChangeAndReadOfAPatientIsInTheTrailWithWhoAndFromWhere() {
        String id = registerAndView();

        MvcTestResult log = mvc.get()
                .uri("/api/v1/audit?patientId={id}&sort=at,desc", id)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();

        assertThat(log).hasStatusOk();
        List<String> actions = Bodies.read(log, "$.content[*].action");
        List<String> types = Bodies.read(log, "$.content[*].recordType");
        assertThat(actions).containsExactly("READ", "CREATE", "CREATE"); // newest first: summary read, file, patient
        assertThat(types).containsExactly("Patient", "PatientFile", "Patient");
        List<String> users = Bodies.read(log, "$.content[*].username");
        assertThat(users).containsOnly(reception.username());
        List<String> addresses = Bodies.read(log, "$.content[*].address");
        assertThat(addresses).containsOnly("127.0.0.1");
        List<String> notes = Bodies.read(log, "$.content[*].note");
        assertThat(notes.get(0)).isEqualTo("summary");

        // the trail can be read oldest first too, and by nothing else
        MvcTestResult oldestFirst = mvc.get()
                .uri("/api/v1/audit?patientId={id}&sort=at", id)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        List<String> oldest = Bodies.read(oldestFirst, "$.content[*].recordType");
        assertThat(oldest).containsExactly("Patient", "PatientFile", "Patient");
        List<String> oldestActions = Bodies.read(oldestFirst, "$.content[*].action");
        assertThat(oldestActions).containsExactly("CREATE", "CREATE", "READ");
        assertThat(mvc.get()
                        .uri("/api/v1/audit?patientId={id}&sort=username", id)
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .hasStatus(400);
    }

    @Test
    void theTrailIsQueriedByUserActionAndTime() {
        String id = registerAndView();
        assertThat(mvc.get()
                        .uri(
                                "/api/v1/audit?userId={u}&action=READ",
                                reception.id().value())
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .bodyJson()
                .extractingPath("$.content[0].patientId")
                .isEqualTo(id);
        assertThat(mvc.get()
                        .uri("/api/v1/audit?patientId={id}&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z", id)
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
        assertThat(mvc.get()
                        .uri("/api/v1/audit?from=2001-01-01T00:00:00Z&to=2000-01-02T00:00:00Z")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .hasStatus(422);
    }

    @Test
    void onlyAdminsReadTheTrail() {
        assertThat(mvc.get().uri("/api/v1/audit").header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatus(403);
        assertThat(mvc.get()
                        .uri("/api/v1/audit")
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                staff.as(Role.MANAGER).bearer()))
                .hasStatus(403);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() {
        String id = registerAndView();
        UUID patient = UUID.fromString(id);
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set username = 'someone else' where patient_id = :p")
                        .param("p", patient)
                        .update())
                .rootCause()
                .hasMessageContaining("cannot be changed or deleted");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where patient_id = :p")
                        .param("p", patient)
                        .update())
                .rootCause()
                .hasMessageContaining("cannot be changed or deleted");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
                .rootCause()
                .hasMessageContaining("cannot be changed or deleted");
        assertThat(jdbc.sql("select count(*) from audit_entry where patient_id = :p")
                        .param("p", patient)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void staffUserChangesAreAuditedWithTheFieldNames() {
        Caller subject = staff.as(Role.NURSE);
        MvcTestResult read = mvc.get()
                .uri("/api/v1/users/{id}", subject.id().value())
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        String etag = read.getResponse().getHeader(HttpHeaders.ETAG);
        String body = """
                {"fullNameEn":"Renamed Nurse","email":"%s@test.tenhal.sa","roles":["NURSE","RECEPTIONIST"],"language":"AR","enabled":true}
                """.formatted(subject.username());
        assertThat(mvc.put()
                        .uri("/api/v1/users/{id}", subject.id().value())
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                        .header(HttpHeaders.IF_MATCH, etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatusOk();
        String fields = jdbc.sql("select changed_fields from audit_entry where record_id = :id and action = 'UPDATE'")
                .param("id", subject.id().value())
                .query(String.class)
                .single();
        assertThat(fields.split(",")).containsExactlyInAnyOrder("fullNameEn", "language", "roles");
        String actor = jdbc.sql("select username from audit_entry where record_id = :id and action = 'UPDATE'")
                .param("id", subject.id().value())
                .query(String.class)
                .single();
        assertThat(actor).isEqualTo(admin.username());
    }
}
